package dev.cxm.examples.embed;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.cxm.metrics.feedback.FeedbackRecorder;
import dev.cxm.metrics.feedback.NetPromoterScore;
import dev.cxm.metrics.feedback.NpsResult;
import dev.cxm.metrics.stats.ConfidenceInterval;

/**
 * NPS with its interval inside an existing service: request threads record each survey answer into one
 * thread-safe recorder, and the service's status page reads the score with its 95% interval at any time.
 */
public final class NpsInService {

    private final FeedbackRecorder<NpsResult> answers = NetPromoterScore.ofDefaults().recorder();

    /**
     * Records one answer; called by the service's request threads.
     *
     * @param score the likelihood to recommend, 0 to 10
     */
    public void answered(int score) {
        answers.add(score);
    }

    /**
     * Returns the score so far.
     *
     * @return the NPS, its interval and counts
     */
    public NpsResult nps() {
        return answers.result();
    }

    /**
     * Returns the line the status page shows.
     *
     * @return the NPS with its interval, or that there is no answer yet
     */
    public String status() {
        NpsResult nps = answers.result();
        if (nps.score().isEmpty()) {
            return "NPS: no answers yet";
        }
        ConfidenceInterval interval = nps.interval().orElseThrow();
        return String.format(Locale.ROOT, "NPS %+.1f [%+.1f, %+.1f] (%.0f%%, %s) from %d answers: %d promoters,"
                + " %d passives, %d detractors", nps.score().getAsDouble(), interval.lower(), interval.upper(),
                100 * interval.level(), interval.method(), nps.n(), nps.promoters(), nps.passives(), nps.detractors());
    }

    /**
     * Answers 1,000 requests on eight threads and prints the status line.
     *
     * @param args none
     * @throws InterruptedException when interrupted while waiting for the requests
     */
    public static void main(String[] args) throws InterruptedException {
        NpsInService service = new NpsInService();
        ExecutorService requests = Executors.newFixedThreadPool(8);
        for (int request = 0; request < 1_000; request++) {
            int score = answerOf(request);
            requests.execute(() -> service.answered(score));
        }
        requests.shutdown();
        requests.awaitTermination(1, TimeUnit.MINUTES);
        System.out.println(service.status());
    }

    /**
     * The answer of one request in this example: each ten requests answer 10, 9, 8, 7, 9, 3, 10, 6, 9, 8.
     *
     * @param request the request's number
     * @return its score
     */
    static int answerOf(int request) {
        return new int[] {10, 9, 8, 7, 9, 3, 10, 6, 9, 8}[request % 10];
    }
}
