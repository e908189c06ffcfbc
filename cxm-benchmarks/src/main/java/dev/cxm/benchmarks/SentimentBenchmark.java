package dev.cxm.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import dev.cxm.metrics.text.SentimentAccumulator;
import dev.cxm.metrics.text.SentimentSummary;
import dev.cxm.metrics.text.VaderSentiment;

/**
 * Sentiment of short comments on one thread (target: at least 250,000 a second): 10,000 generated comments of 4
 * to 20 words (about 70 characters on average) drawn from customer-experience words, lexicon words, boosters,
 * negations, "but", capitals, punctuation, emoticons and now and then an emoji. {@code score} scores them;
 * {@code scoreAndSummarise} also counts each score into a {@link SentimentAccumulator}. Scores are comments per
 * second.
 *
 * <p>Run: {@code java -jar cxm-benchmarks/target/benchmarks.jar SentimentBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class SentimentBenchmark {

    private static final int COMMENTS = 10_000;
    private static final String[] NEUTRAL = {"the", "agent", "order", "delivery", "app", "wait", "minutes", "support",
        "staff", "price", "checkout", "call", "was", "is", "my", "and", "to", "it", "for", "this", "store", "refund"};
    private static final String[] RATED = {"good", "great", "terrible", "helpful", "rude", "friendly", "slow",
        "awful", "love", "hate", "easy", "problem", "thanks", "disappointed", "happy", "useless", "excellent", "ok"};
    private static final String[] FUNCTION = {"very", "really", "not", "never", "didn't", "but", "slightly", "so",
        "no", "kind"};
    private static final String[] EXTRA = {":)", ":(", "!!", "?", ".", "\uD83D\uDC4D", "\uD83D\uDE21"};

    private final VaderSentiment analyzer = VaderSentiment.ofDefaults();
    private String[] comments;

    @Setup(Level.Trial)
    public void generate() {
        SplittableRandom random = new SplittableRandom(13);
        comments = new String[COMMENTS];
        long characters = 0;
        for (int i = 0; i < COMMENTS; i++) {
            StringBuilder comment = new StringBuilder();
            int words = 4 + random.nextInt(17);
            for (int w = 0; w < words; w++) {
                int kind = random.nextInt(10);
                String word = kind < 5 ? NEUTRAL[random.nextInt(NEUTRAL.length)]
                        : kind < 8 ? RATED[random.nextInt(RATED.length)] : FUNCTION[random.nextInt(FUNCTION.length)];
                if (random.nextInt(25) == 0) {
                    word = word.toUpperCase(java.util.Locale.ROOT);
                }
                comment.append(w == 0 ? "" : " ").append(word);
                if (random.nextInt(12) == 0) {
                    comment.append(w == words - 1 ? " " : "").append(EXTRA[random.nextInt(EXTRA.length)]);
                }
            }
            comments[i] = comment.toString();
            characters += comments[i].length();
        }
        System.out.printf("%n%d comments, %.1f characters on average%n", COMMENTS, (double) characters / COMMENTS);
    }

    /** Scores every comment. */
    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void score(Blackhole sink) {
        for (String comment : comments) {
            sink.consume(analyzer.score(comment));
        }
    }

    /** Scores every comment and counts the scores into a summary. */
    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public Object scoreAndSummarise() {
        SentimentAccumulator accumulator = SentimentSummary.ofDefaults().accumulator();
        for (String comment : comments) {
            accumulator.add(analyzer.score(comment));
        }
        return accumulator.state();
    }
}
