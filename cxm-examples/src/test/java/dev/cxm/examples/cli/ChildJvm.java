package dev.cxm.examples.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@code cxm} tool in a separate JVM, for what an in-process run cannot show: a small heap, a
 * real {@code /dev/full}. The child gets this JVM's class path.
 *
 * @param exitCode the exit code
 * @param out what went to standard output (empty when it was redirected elsewhere)
 * @param err what went to standard error
 */
public record ChildJvm(int exitCode, String out, String err) {

    /**
     * Runs {@code cxm args} with the JVM options {@code jvmOptions}, standard output into {@code stdout}.
     *
     * @param work a folder for the captured output
     * @param stdout where standard output goes, or null for a file in {@code work}
     * @param jvmOptions such as {@code -Xmx16m}
     * @param args the command line
     * @return what the run did
     * @throws IOException when the child cannot be started
     * @throws InterruptedException when interrupted while waiting
     */
    public static ChildJvm run(Path work, File stdout, List<String> jvmOptions, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CxmCommand.class.getName());
        command.addAll(List.of(args));
        Path out = work.resolve("child.out");
        Path err = work.resolve("child.err");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout == null ? out.toFile() : stdout)
                .redirectError(err.toFile())
                .start();
        // A guard against a hung child, not a timing assertion: the runs here take seconds.
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("cxm " + String.join(" ", args) + " did not end within 10 minutes");
        }
        return new ChildJvm(process.exitValue(),
                stdout == null ? Files.readString(out, StandardCharsets.UTF_8) : "",
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
