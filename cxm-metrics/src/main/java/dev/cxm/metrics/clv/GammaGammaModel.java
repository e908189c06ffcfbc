package dev.cxm.metrics.clv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hipparchus.random.RandomDataGenerator;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.Arguments;
import dev.cxm.metrics.clv.internal.GammaGammaLikelihood;

/**
 * A fitted (or given) Gamma-Gamma model of spend per purchase: each purchase of a customer is worth
 * {@code z ~ Gamma(p, nu)}, and {@code nu ~ Gamma(q, v)} varies across customers; a customer's mean spend
 * is independent of how often they buy.
 *
 * <p>Reference: Fader &amp; Hardie (2013), "The Gamma-Gamma Model of Monetary Value"; Colombo &amp; Jiang
 * (1999), "A stochastic RFM model", Journal of Interactive Marketing 13(3).
 *
 * @param p the shape of the spend per purchase
 * @param q the shape of the customers' spend scales
 * @param v the rate of the customers' spend scales, in the currency of the spend
 */
public record GammaGammaModel(double p, double q, double v) {

    /** Validates the parameters: each finite and positive. */
    public GammaGammaModel {
        Arguments.positive("p", p);
        Arguments.positive("q", q);
        Arguments.positive("v", v);
    }

    /** Returns the model with the given parameters. */
    public static GammaGammaModel of(double p, double q, double v) {
        return new GammaGammaModel(p, q, v);
    }

    /** Returns the model's short name, {@code gamma-gamma}. */
    public String name() {
        return "gamma-gamma";
    }

    /** Returns the parameters {@code p, q, v}. */
    public Map<String, Double> parameters() {
        Map<String, Double> parameters = new LinkedHashMap<>();
        parameters.put("p", p);
        parameters.put("q", q);
        parameters.put("v", v);
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * Returns the expected spend per purchase of a customer with {@code frequency} repeat purchases of mean
     * value {@code monetaryValue}: {@code p (v + x zbar) / (p x + q - 1)}, the posterior mean of
     * {@code p / nu} (Fader &amp; Hardie 2013, eq. 5); with frequency 0 it is the population mean
     * {@code p v / (q - 1)}.
     *
     * @throws IllegalArgumentException when the spend is negative, or the frequency 0 with a spend given
     * @throws IllegalStateException when {@code p x + q <= 1}: the expectation is then infinite
     */
    public double expectedAverageSpend(int frequency, double monetaryValue) {
        Checks.nonNegative("frequency", frequency);
        Arguments.nonNegative("monetaryValue", monetaryValue);
        if (frequency == 0 && monetaryValue != 0) {
            throw new IllegalArgumentException("monetaryValue: " + monetaryValue + " is given without repeat purchases");
        }
        double shape = p * frequency + q;
        if (shape <= 1) {
            throw new IllegalStateException("gamma-gamma: p x + q = " + shape + " is at most 1, so the expected spend"
                    + " of this customer is infinite");
        }
        return p * (v + frequency * monetaryValue) / (shape - 1);
    }

    /**
     * Returns whether the expected spend per purchase of a customer with {@code frequency} repeat purchases
     * is finite: {@code p x + q > 1}; with frequency 0, whether the population mean spend {@code p v / (q - 1)}
     * is, which needs {@code q > 1}.
     */
    public boolean hasFiniteSpend(int frequency) {
        Checks.nonNegative("frequency", frequency);
        return p * frequency + q > 1;
    }

    /** Returns the expected spend per purchase of a customer with no repeat purchases: {@code p v / (q - 1)}. */
    public double expectedAverageSpend() {
        return expectedAverageSpend(0, 0);
    }

    /** Returns the log-likelihood of a customer's mean spend over {@code frequency} repeat purchases. */
    public double logLikelihood(int frequency, double monetaryValue) {
        Arguments.positive("frequency", frequency);
        Arguments.positive("monetaryValue", monetaryValue);
        RfmCells one = RfmCells.builder(java.time.temporal.ChronoUnit.DAYS)
                .add(frequency, 0, 0, java.util.OptionalDouble.of(monetaryValue), 1).build();
        return new GammaGammaLikelihood(one.columns()).evaluate(new double[] {p, q, v}, 0)[0];
    }

    /**
     * Simulates the mean spend of customers with the given repeat frequencies (each above 0): a spend scale
     * per customer, then one spend per purchase; reproducibly for a seed.
     */
    public double[] simulateMeanSpend(int[] frequencies, long seed) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        double[] means = new double[frequencies.length];
        for (int i = 0; i < frequencies.length; i++) {
            Arguments.positive("frequency", frequencies[i]);
            double nu = random.nextGamma(q, 1 / v);
            double total = 0;
            for (int k = 0; k < frequencies[i]; k++) {
                total += random.nextGamma(p, 1 / nu);
            }
            means[i] = total / frequencies[i];
        }
        return means;
    }
}
