package dev.cxm.metrics.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the shipped lexicon files on their own, by their documented rules, for the tests that check them. */
public final class LexiconFiles {

    private static final String RESOURCES = "/dev/cxm/metrics/text/internal/";

    private LexiconFiles() {
    }

    /**
     * Returns the tab-separated fields of every line of a lexicon file but blank lines and {@code "# "} comments.
     *
     * @param file the file's name, such as {@code vader_lexicon.txt}
     * @return the lines' fields, in file order
     * @throws IOException when the file cannot be read
     */
    public static List<String[]> lines(String file) throws IOException {
        List<String[]> lines = new ArrayList<>();
        try (InputStream in = LexiconFiles.class.getResourceAsStream(RESOURCES + file)) {
            assertThat(in).as(file).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("# ")) {
                    lines.add(line.split("\t"));
                }
            }
        }
        return lines;
    }
}
