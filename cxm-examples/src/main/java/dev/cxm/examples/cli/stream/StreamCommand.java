package dev.cxm.examples.cli.stream;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

import org.apache.kafka.streams.KafkaStreams;

import dev.cxm.core.group.GroupKeys;
import dev.cxm.examples.cli.common.CommandFailure;
import dev.cxm.examples.cli.common.TextOut;
import dev.cxm.examples.cli.common.Usage;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cxm stream}: runs the NPS topology ({@link NpsStreamTopology}) against a Kafka cluster until it is
 * stopped (Ctrl-C), reading cxm events as JSON and writing each window's NPS per group as JSON.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Feedback events from a Kafka topic in, windowed NPS per channel (or --group-by) out to"
                + " another topic, as JSON; runs until stopped with Ctrl-C.")
public final class StreamCommand implements Callable<Integer> {

    /** Kafka's rule for topic names; application ids follow it too, as they prefix internal topics. */
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern SERVER = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[a-zA-Z0-9._-]+):(\\d{1,5})");

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT",
            description = "The Kafka servers to connect to first, HOST:PORT[,HOST:PORT...].")
    String bootstrapServers;

    @Option(names = "--input-topic", required = true, paramLabel = "T",
            description = "The topic of cxm events as JSON (as cxm import writes NDJSON), one event per record.")
    String inputTopic;

    @Option(names = "--output-topic", required = true, paramLabel = "U",
            description = "The topic the results go to: JSON with group, windowStart, windowEnd and result, keyed by group.")
    String outputTopic;

    @Option(names = "--group-by", paramLabel = "NAME", defaultValue = "channel",
            description = "What NPS is computed per: channel, touchpoint, touchpoint_name, stage, survey, or an"
                    + " attribute (default: ${DEFAULT-VALUE}).")
    String groupBy;

    @Option(names = "--window", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "The length of the tumbling windows, such as PT1H or 1d (default: ${DEFAULT-VALUE}).")
    Duration window;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "How long after a window's end a late event still counts; a window's result is written"
                    + " then (default: ${DEFAULT-VALUE}).")
    Duration grace;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = "cxm-stream",
            description = "The Kafka Streams application id: its consumer group and the prefix of its internal"
                    + " topics (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Creates the command; picocli sets its options. */
    public StreamCommand() {}

    @Override
    public Integer call() throws InterruptedException {
        NpsStreamTopology topology = topology();
        Properties settings = NpsStreamTopology.settings(applicationId, bootstrapServers);
        CountDownLatch stopped = new CountDownLatch(1);
        try (KafkaStreams streams = new KafkaStreams(topology.build(), settings)) {
            streams.setStateListener((now, before) -> {
                if (now == KafkaStreams.State.ERROR || now == KafkaStreams.State.NOT_RUNNING) {
                    stopped.countDown();
                }
            });
            Thread hook = new Thread(stopped::countDown, "cxm-stream-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            streams.start();
            spec.commandLine().getOut().println("cxm stream: reading " + TextOut.escape(inputTopic) + ", writing "
                    + TextOut.escape(outputTopic) + ": NPS per " + topology.groupBy().name() + " in windows of "
                    + window + " with a grace of " + grace + "; Ctrl-C to stop");
            spec.commandLine().getOut().flush();
            stopped.await();
            if (streams.state() == KafkaStreams.State.ERROR) {
                throw new CommandFailure("the stream stopped on an error; run with --verbose or see the Kafka"
                        + " Streams log for why");
            }
        }
        return 0;
    }

    /**
     * Checks the options and returns the topology they describe; a mistake is a usage error (exit code 2).
     *
     * @return the topology
     */
    NpsStreamTopology topology() {
        for (String server : bootstrapServers.split(",", -1)) {
            var matcher = SERVER.matcher(server.strip());
            Usage.require(spec, matcher.matches() && Integer.parseInt(matcher.group(2)) >= 1
                            && Integer.parseInt(matcher.group(2)) <= 65_535,
                    "--bootstrap-servers: '" + server + "' is not HOST:PORT with a port from 1 to 65535");
        }
        requireName("--input-topic", inputTopic);
        requireName("--output-topic", outputTopic);
        requireName("--application-id", applicationId);
        Usage.require(spec, !inputTopic.equals(outputTopic), "--output-topic: '" + outputTopic
                + "' is the input topic; the results must go to another topic");
        Usage.require(spec, !window.isNegative() && !window.isZero() && window.toMillis() > 0,
                "--window: " + window + " is not a positive number of milliseconds");
        Usage.require(spec, !grace.isNegative(), "--grace: " + grace + " is negative; it must be 0 or more");
        return new NpsStreamTopology(inputTopic, outputTopic, window, grace, GroupKeys.named(groupBy));
    }

    private void requireName(String option, String name) {
        Usage.require(spec, TOPIC.matcher(name).matches() && !name.equals(".") && !name.equals(".."),
                option + ": '" + name + "' is not a Kafka topic name: 1 to 249 of a-z A-Z 0-9 . _ -, not . or ..");
    }
}
