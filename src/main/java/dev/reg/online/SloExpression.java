package dev.reg.online;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/**
 * What counts as a good event for an SLO, e.g. {@code success && latency_ms <= 1200 && severity != sev1}:
 * a small condition language read by a hand-written recursive-descent parser. It only reads event
 * fields and compares them with literals: no code runs, nothing is looked up by reflection.
 * <pre>
 *   condition  := or
 *   or         := and ( "||" and )*
 *   and        := not ( "&amp;&amp;" not )*
 *   not        := "!" not | primary
 *   primary    := "(" condition ")" | "true" | "false" | field [ op value ]
 *   op         := "==" | "!=" | "&lt;" | "&lt;=" | "&gt;" | "&gt;="
 *   value      := number | "string" | 'string' | word | true | false
 *   field      := a top-level field (latency_ms, success, severity, ...) or guardrail.NAME or scores.NAME
 * </pre>
 * Semantics: a field alone is true when it is the boolean true. A comparison with a field the event
 * does not have is false, with one exception: {@code !=} is the negation of {@code ==}, so
 * {@code severity != sev1} holds for an event without a severity. Numbers compare numerically,
 * strings and booleans only with == and !=. A bare word on the right of a comparison is a string
 * ({@code sev1}, {@code block}); a value that reads as a number is a number unless quoted. Fields
 * outside the telemetry format may be named too; comparing one with a value of another type is
 * false.
 */
public final class SloExpression {
    private final String text;
    private final Node root;

    private SloExpression(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /** A condition the text does not parse into; {@link #column()} is 1-based. */
    public static final class SyntaxError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int column;

        SyntaxError(int column, String message) {
            super("column " + column + ": " + message);
            this.column = column;
        }

        public int column() {
            return column;
        }
    }

    public static SloExpression parse(String text) {
        Parser p = new Parser(text);
        Node n = p.or();
        if (p.peek().kind != Kind.END) {
            throw p.error(p.peek(), "expected && or || or the end of the condition, found " + p.peek().describe());
        }
        return new SloExpression(text, n);
    }

    public boolean test(TelemetryEvent e) {
        return root.test(e);
    }

    @Override
    public String toString() {
        return text;
    }

    // ------------------------------------------------------------------ evaluation

    private interface Node {
        boolean test(TelemetryEvent e);
    }

    private enum Op {
        EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        final String text;

        Op(String text) {
            this.text = text;
        }

        boolean ordering() {
            return this != EQ && this != NE;
        }

        boolean compare(int c) {
            return switch (this) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }
    }

    /** A literal of a comparison. */
    private record Value(Kind kind, String text, double number, boolean bool) {
    }

    /** The typed view of one event field. */
    private sealed interface Field {
        String name();
    }

    private record NumberField(String name, ToDoubleFunction<TelemetryEvent> get) implements Field {
    }

    private record FlagField(String name, ToIntFunction<TelemetryEvent> get) implements Field {
    }

    private record TextField(String name, Function<TelemetryEvent, String> get) implements Field {
    }

    private record ExtraField(String name) implements Field {
    }

    private static Field field(String path) {
        return switch (path) {
            case "latency_ms" -> new NumberField(path, TelemetryEvent::latencyMs);
            case "cost_usd" -> new NumberField(path, TelemetryEvent::costUsd);
            case "success" -> new FlagField(path, TelemetryEvent::success);
            case "pass" -> new FlagField(path, TelemetryEvent::pass);
            case "event_id" -> new TextField(path, TelemetryEvent::eventId);
            case "journey" -> new TextField(path, TelemetryEvent::journey);
            case "model" -> new TextField(path, TelemetryEvent::model);
            case "prompt_version" -> new TextField(path, TelemetryEvent::promptVersion);
            case "dataset_version" -> new TextField(path, TelemetryEvent::datasetVersion);
            case "decision" -> new TextField(path, TelemetryEvent::decision);
            case "severity" -> new TextField(path, TelemetryEvent::severity);
            case "arm" -> new TextField(path, TelemetryEvent::arm);
            case "release" -> new TextField(path, TelemetryEvent::release);
            default -> {
                int dot = path.indexOf('.');
                if (dot < 0) {
                    yield new ExtraField(path);
                }
                String head = path.substring(0, dot);
                String name = path.substring(dot + 1);
                if ((head.equals("guardrail") || head.equals("guardrails")) && !name.isEmpty()) {
                    yield new FlagField(path, e -> e.guardrail(name));
                }
                if (head.equals("scores") && !name.isEmpty()) {
                    yield new NumberField(path, e -> e.score(name));
                }
                yield null;
            }
        };
    }

    private static Node comparison(Parser p, Token at, Field f, Op op, Value v) {
        boolean ne = op == Op.NE;
        if (f instanceof NumberField n) {
            if (v.kind != Kind.NUMBER) {
                throw p.error(at, n.name() + " is a number: compare it with a number, e.g. " + n.name() + " " + op.text + " 1200");
            }
            double x = v.number;
            return e -> {
                double a = n.get().applyAsDouble(e);
                return Double.isNaN(a) ? ne : op.compare(Double.compare(a, x));
            };
        }
        if (op.ordering() && !(f instanceof ExtraField)) {
            throw p.error(at, f.name() + " is not a number: " + op.text + " compares numbers; use == or !=");
        }
        if (f instanceof FlagField b) {
            if (v.kind != Kind.TRUE && v.kind != Kind.FALSE) {
                throw p.error(at, b.name() + " is true or false: compare it with true or false");
            }
            int want = v.bool ? 1 : 0;
            return e -> {
                int a = b.get().applyAsInt(e);
                return a == TelemetryEvent.ABSENT ? ne : op.compare(a == want ? 0 : 1);
            };
        }
        if (f instanceof TextField t) {
            if (v.kind == Kind.TRUE || v.kind == Kind.FALSE) {
                throw p.error(at, t.name() + " is text: compare it with a word or a quoted string");
            }
            String want = v.text;
            return e -> {
                String a = t.get().apply(e);
                return a == null ? ne : op.compare(a.equals(want) ? 0 : 1);
            };
        }
        String name = ((ExtraField) f).name();
        return e -> {
            Object a = e.extra(name);
            if (a == null) {
                return ne;
            }
            if (a instanceof Double d && v.kind == Kind.NUMBER) {
                return op.compare(Double.compare(d, v.number));
            }
            if (op.ordering()) {
                return false;
            }
            boolean equal = a instanceof Boolean b ? (v.kind == Kind.TRUE || v.kind == Kind.FALSE) && b == v.bool
                    : a instanceof String s && (v.kind == Kind.STRING || v.kind == Kind.WORD) && s.equals(v.text);
            return op.compare(equal ? 0 : 1);
        };
    }

    // ------------------------------------------------------------------ lexer and parser

    private enum Kind {
        WORD, NUMBER, STRING, TRUE, FALSE, OP, AND, OR, NOT, OPEN, CLOSE, END
    }

    private record Token(Kind kind, String text, int column, double number) {
        String describe() {
            return kind == Kind.END ? "the end of the condition" : "'" + text + "'";
        }
    }

    private static final class Parser {
        private final List<Token> tokens;
        private int pos;

        Parser(String text) {
            tokens = lex(text);
        }

        Token peek() {
            return tokens.get(pos);
        }

        Token next() {
            return tokens.get(pos++);
        }

        SyntaxError error(Token at, String message) {
            return new SyntaxError(at.column, message);
        }

        Node or() {
            List<Node> parts = new ArrayList<>(List.of(and()));
            while (peek().kind == Kind.OR) {
                next();
                parts.add(and());
            }
            if (parts.size() == 1) {
                return parts.get(0);
            }
            Node[] all = parts.toArray(Node[]::new);
            return e -> {
                for (Node n : all) {
                    if (n.test(e)) {
                        return true;
                    }
                }
                return false;
            };
        }

        Node and() {
            List<Node> parts = new ArrayList<>(List.of(not()));
            while (peek().kind == Kind.AND) {
                next();
                parts.add(not());
            }
            if (parts.size() == 1) {
                return parts.get(0);
            }
            Node[] all = parts.toArray(Node[]::new);
            return e -> {
                for (Node n : all) {
                    if (!n.test(e)) {
                        return false;
                    }
                }
                return true;
            };
        }

        Node not() {
            if (peek().kind == Kind.NOT) {
                next();
                Node inner = not();
                return e -> !inner.test(e);
            }
            return primary();
        }

        Node primary() {
            Token t = next();
            switch (t.kind) {
                case OPEN -> {
                    Node inner = or();
                    Token close = next();
                    if (close.kind != Kind.CLOSE) {
                        throw error(close, "expected ')' to close the '(' at column " + t.column + ", found " + close.describe());
                    }
                    return inner;
                }
                case TRUE -> {
                    return e -> true;
                }
                case FALSE -> {
                    return e -> false;
                }
                case WORD -> {
                    Field f = field(t.text);
                    if (f == null) {
                        throw error(t, "unknown field '" + t.text + "': dotted paths are guardrail.NAME and scores.NAME");
                    }
                    if (peek().kind != Kind.OP) {
                        if (f instanceof FlagField b) {
                            return e -> b.get().applyAsInt(e) == 1;
                        }
                        if (f instanceof ExtraField x) {
                            return e -> Boolean.TRUE.equals(e.extra(x.name()));
                        }
                        throw error(t, t.text + " is not true or false by itself: compare it, e.g. "
                                + (f instanceof NumberField ? t.text + " <= 1200" : t.text + " == value"));
                    }
                    Token opToken = next();
                    Op op = switch (opToken.text) {
                        case "==" -> Op.EQ;
                        case "!=" -> Op.NE;
                        case "<" -> Op.LT;
                        case "<=" -> Op.LE;
                        case ">" -> Op.GT;
                        default -> Op.GE;
                    };
                    Token v = next();
                    Value value = switch (v.kind) {
                        case NUMBER -> new Value(Kind.NUMBER, v.text, v.number, false);
                        case STRING, WORD -> new Value(v.kind, v.text, Double.NaN, false);
                        case TRUE -> new Value(Kind.TRUE, v.text, Double.NaN, true);
                        case FALSE -> new Value(Kind.FALSE, v.text, Double.NaN, false);
                        default -> throw error(v, "expected a value after '" + opToken.text + "', found " + v.describe());
                    };
                    return comparison(this, t, f, op, value);
                }
                case NUMBER, STRING -> throw error(t, "a comparison starts with the field: write field " + "== " + t.text);
                default -> throw error(t, "expected a condition, found " + t.describe());
            }
        }
    }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int col = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')') {
                out.add(new Token(c == '(' ? Kind.OPEN : Kind.CLOSE, String.valueOf(c), col, 0));
                i++;
            } else if (s.startsWith("&&", i) || s.startsWith("||", i)) {
                out.add(new Token(c == '&' ? Kind.AND : Kind.OR, s.substring(i, i + 2), col, 0));
                i += 2;
            } else if (s.startsWith("==", i) || s.startsWith("!=", i) || s.startsWith("<=", i) || s.startsWith(">=", i)) {
                out.add(new Token(Kind.OP, s.substring(i, i + 2), col, 0));
                i += 2;
            } else if (c == '<' || c == '>') {
                out.add(new Token(Kind.OP, String.valueOf(c), col, 0));
                i++;
            } else if (c == '!') {
                out.add(new Token(Kind.NOT, "!", col, 0));
                i++;
            } else if (c == '"' || c == '\'') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (j < n && s.charAt(j) != c) {
                    if (s.charAt(j) == '\\' && j + 1 < n) {
                        j++;
                    }
                    sb.append(s.charAt(j++));
                }
                if (j >= n) {
                    throw new SyntaxError(col, "the string that starts here has no closing " + c);
                }
                out.add(new Token(Kind.STRING, sb.toString(), col, 0));
                i = j + 1;
            } else if (isWordChar(c) || c == '-') {
                int j = i + 1;
                while (j < n && isWordChar(s.charAt(j))) {
                    j++;
                }
                String w = s.substring(i, j);
                out.add(word(w, col));
                i = j;
            } else {
                throw new SyntaxError(col, "unexpected character '" + c + "'" + (c == '&' || c == '|' ? " (and is &&, or is ||)"
                        : c == '=' ? " (equality is ==)" : ""));
            }
        }
        out.add(new Token(Kind.END, "", n + 1, 0));
        return out;
    }

    private static Token word(String w, int col) {
        if (w.equals("true") || w.equals("false")) {
            return new Token(w.equals("true") ? Kind.TRUE : Kind.FALSE, w, col, 0);
        }
        char first = w.charAt(0);
        if (first == '-' || first == '.' || (first >= '0' && first <= '9')) {
            try {
                double d = Double.parseDouble(w);
                if (Double.isFinite(d) && !w.toLowerCase(Locale.ROOT).contains("x") && !w.endsWith("d") && !w.endsWith("f")
                        && !w.endsWith("D") && !w.endsWith("F")) {
                    return new Token(Kind.NUMBER, w, col, d);
                }
            } catch (NumberFormatException e) {
                // not a number: a word such as 2.3.0
            }
            if (first == '-') {
                throw new SyntaxError(col, "'" + w + "' is not a number; quote it if it is text");
            }
        }
        return new Token(Kind.WORD, w, col, 0);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '+';
    }
}
