package dev.reg.validate;

import java.util.function.UnaryOperator;

/** How text output marks things up: colours on a terminal, nothing in a pipe or with NO_COLOR. */
public record TextStyle(UnaryOperator<String> error, UnaryOperator<String> warning, UnaryOperator<String> bold,
        UnaryOperator<String> ok) {
    public static final TextStyle PLAIN = new TextStyle(s -> s, s -> s, s -> s, s -> s);
}
