package dev.cxm.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.cxm.metrics.feedback.NpsResult;

/**
 * The NPS example prints the score of its 1,000 answers (500 promoters, 300 passives, 200 detractors: NPS 30)
 * with Rocks' (2016) adjusted Wald interval, computed here from its closed form: add 3 to n and 3/4 to the
 * promoters and the detractors, then centre ± z sqrt((p+ + p- - centre^2) / (n + 3)), z = 1.959963984540054.
 */
class NpsInServiceTest {

    @Test
    void printsTheScoreWithItsAdjustedWaldInterval() throws Exception {
        double n = 1_003;
        double promoters = 500.75 / n;
        double detractors = 200.75 / n;
        double centre = promoters - detractors;
        double half = 1.959963984540054 * Math.sqrt((promoters + detractors - centre * centre) / n);
        String expected = String.format(Locale.ROOT, "NPS +30.0 [%+.1f, %+.1f] (95%%, adjusted-wald) from 1000"
                + " answers: 500 promoters, 300 passives, 200 detractors", 100 * (centre - half), 100 * (centre + half));
        assertThat(Printed.by(() -> NpsInService.main(new String[0]))).isEqualTo(expected + System.lineSeparator());
    }

    @Test
    void theStatusCountsEveryAnswerOfEveryThread() throws Exception {
        NpsInService service = new NpsInService();
        assertThat(service.status()).isEqualTo("NPS: no answers yet");
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int first = t;
            threads[t] = new Thread(() -> {
                for (int request = first; request < 4_000; request += 4) {
                    service.answered(NpsInService.answerOf(request));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        NpsResult nps = service.nps();
        assertThat(nps.n()).isEqualTo(4_000);
        assertThat(nps.promoters()).isEqualTo(2_000);
        assertThat(nps.detractors()).isEqualTo(800);
        assertThat(nps.score().getAsDouble()).isCloseTo(30.0, within(1e-9));
    }
}
