package dev.cxm.examples.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * {@link TextOut}: control characters from the data never reach the terminal. The oracle is the escaping
 * rule written in {@link TextOut#escape}: {@code \n}, {@code \r}, {@code \t}, and {@code \}{@code uXXXX} for
 * the other C0 controls, DEL and C1.
 */
class TextOutTest {

    @Test
    void escapesEveryControlCharacterAndKeepsTheRest() {
        assertThat(TextOut.escape("plain text, ünïcode ✓")).isEqualTo("plain text, ünïcode ✓");
        assertThat(TextOut.escape("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
        assertThat(TextOut.escape("\u001b[2J\u0007\u0000")).isEqualTo("\\u001B[2J\\u0007\\u0000");
        assertThat(TextOut.escape("del\u007f c1\u0085\u009b")).isEqualTo("del\\u007F c1\\u0085\\u009B");
        assertThat(TextOut.escape("\u00a0 is no control")).isEqualTo("\u00a0 is no control");
    }

    @Test
    void printfEscapesTheArgumentsButNotTheFormatNorNumbers() {
        StringWriter text = new StringWriter();
        TextOut out = new TextOut(new PrintWriter(text, true));

        out.printf(Locale.ROOT, "%s: %d %.1f %s%n", "group\nforged", 7, 2.5, true);
        out.println("line\u001b[31m");
        out.printLines("row one\u001b\nrow two\n");

        assertThat(text.toString()).isEqualTo("group\\nforged: 7 2.5 true" + System.lineSeparator()
                + "line\\u001B[31m" + System.lineSeparator() + "row one\\u001B\nrow two\n");
    }
}
