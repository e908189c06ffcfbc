package dev.cxm.examples.cli.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OutputFile}, the writing of every {@code --output} (issue 9: "an output file is written in place, so
 * a failure leaves a partial file over the old one"). Before the change the commands opened the output with
 * {@code Files.newBufferedWriter(target)}, which truncates the old file at once, so the failing content below
 * left half a file where the old one was. The oracle is the files on disk after each step.
 */
class OutputFileTest {

    @TempDir
    Path dir;

    @Test
    void aFailureHalfWayLeavesTheOldFileAndNoPartialOne() throws IOException {
        Path target = Files.writeString(dir.resolve("summary.csv"), "ID,frequency\nold,1\n");

        assertThatThrownBy(() -> OutputFile.checked(target).write(writer -> {
            writer.write("ID,frequency\nnew,");
            writer.flush();
            throw new IOException("No space left on device");
        })).isInstanceOf(CommandFailure.class)
                .hasMessage("cannot write " + target + ": No space left on device; the file was not changed");

        assertThat(Files.readString(target)).isEqualTo("ID,frequency\nold,1\n");
        assertThat(entries()).containsExactly("summary.csv");
    }

    @Test
    void aCompleteWriteReplacesTheFileAndKeepsItsPermissions() throws IOException {
        Path target = Files.writeString(dir.resolve("out.csv"), "old\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r-----"));

        OutputFile.checked(target).write(writer -> writer.write("new\n"));

        assertThat(Files.readString(target)).isEqualTo("new\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-r-----");
        assertThat(entries()).containsExactly("out.csv");
    }

    @Test
    void aLinkedOutputReplacesTheFileItPointsToAndStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.csv"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);

        OutputFile.checked(link).write(writer -> writer.write("new\n"));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new\n");
    }

    @Test
    void refusesTheInputUnderAnyNameAMissingFolderAndAFolder() throws IOException {
        Path input = Files.writeString(dir.resolve("in.csv"), "data\n");
        Path hardLink = Files.createLink(dir.resolve("hard.csv"), input);

        assertThatThrownBy(() -> OutputFile.checked(dir.resolve("./in.csv"), input))
                .isInstanceOf(CommandFailure.class).hasMessageContaining("it is the input");
        assertThatThrownBy(() -> OutputFile.checked(hardLink, input))
                .isInstanceOf(CommandFailure.class).hasMessageContaining("it is the input");
        assertThatThrownBy(() -> OutputFile.checked(dir.resolve("none").resolve("out.csv"), input))
                .isInstanceOf(CommandFailure.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> OutputFile.checked(dir, input))
                .isInstanceOf(CommandFailure.class).hasMessageEndingWith("it is a folder");
        assertThat(OutputFile.checked(dir.resolve("other.csv"), input).path()).isEqualTo(dir.resolve("other.csv"));
    }

    @Test
    void refusesAReadOnlyFileWhichARenameWouldReplace() throws IOException {
        // Written in place, a read-only file refused the write; replaced by a rename it would not. Root may
        // write any file, so the check means nothing there.
        Path target = Files.writeString(dir.resolve("kept.csv"), "keep\n");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r--r--r--"));
        assumeFalse(Files.isWritable(target), "running as root: every file is writable");

        assertThatThrownBy(() -> OutputFile.checked(target)).isInstanceOf(CommandFailure.class)
                .hasMessageEndingWith("it is read-only");
        assertThat(Files.readString(target)).isEqualTo("keep\n");
    }

    private Stream<String> entriesStream() throws IOException {
        return Files.list(dir).map(path -> path.getFileName().toString());
    }

    private java.util.List<String> entries() throws IOException {
        try (Stream<String> names = entriesStream()) {
            return names.sorted().toList();
        }
    }
}
