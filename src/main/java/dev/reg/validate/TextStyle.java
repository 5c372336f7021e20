package dev.reg.validate;

/** How text output marks things up: colours on a terminal, nothing in a pipe or with NO_COLOR. */
public interface TextStyle {
    String error(String s);

    String warning(String s);

    String bold(String s);

    String ok(String s);

    TextStyle PLAIN = new TextStyle() {
        @Override
        public String error(String s) {
            return s;
        }

        @Override
        public String warning(String s) {
            return s;
        }

        @Override
        public String bold(String s) {
            return s;
        }

        @Override
        public String ok(String s) {
            return s;
        }
    };
}
