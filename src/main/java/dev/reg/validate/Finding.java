package dev.reg.validate;

/**
 * One problem found: the rule broken, how bad, where (repository-relative file, 1-based line and
 * column, 0 when the finding concerns a whole file) and a message that says what to do.
 */
public record Finding(Rule rule, Severity severity, String file, int line, int column, String message)
        implements Comparable<Finding> {

    public Finding {
        line = Math.max(0, line);
        column = line == 0 ? 0 : Math.max(0, column);
    }

    public static Finding of(Rule rule, String file, int line, int column, String message) {
        return new Finding(rule, rule.severity(), file, line, column, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public int compareTo(Finding o) {
        int c = file.compareTo(o.file);
        if (c == 0) {
            c = Integer.compare(line, o.line);
        }
        if (c == 0) {
            c = Integer.compare(column, o.column);
        }
        return c != 0 ? c : rule.id().compareTo(o.rule.id());
    }
}
