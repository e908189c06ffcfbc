package dev.cxm.examples.cli;

/** Writing CSV cells. */
final class Csv {

    private Csv() {}

    /** Returns {@code text} as one CSV cell, quoted when it holds a comma, quote or line break. */
    static String escape(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
