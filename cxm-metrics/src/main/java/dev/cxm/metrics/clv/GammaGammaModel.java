package dev.cxm.metrics.clv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.hipparchus.random.RandomDataGenerator;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.GammaGammaLikelihood;
import dev.cxm.metrics.clv.rfm.internal.CellColumns;

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

    /**
     * Validates the parameters: each finite and positive.
     *
     * @param p the shape of the spend per purchase
     * @param q the shape of the customers' spend scales
     * @param v the rate of the customers' spend scales, in the currency of the spend
     * @throws IllegalArgumentException naming the field, the value and the rule when a value is invalid
     */
    public GammaGammaModel {
        Checks.positive("p", p);
        Checks.positive("q", q);
        Checks.positive("v", v);
    }

    /**
     * Returns the model with the given parameters.
     *
     * @param p the shape of the spend per purchase
     * @param q the shape of the customers' spend scales
     * @param v the rate of the customers' spend scales
     * @return the model
     */
    public static GammaGammaModel of(double p, double q, double v) {
        return new GammaGammaModel(p, q, v);
    }

    /**
     * Returns the model's short name, {@code gamma-gamma}.
     *
     * @return the name
     */
    public String name() {
        return "gamma-gamma";
    }

    /**
     * Returns the parameters {@code p, q, v}.
     *
     * @return the parameters by name
     */
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
     * @param frequency x, the repeat purchases
     * @param monetaryValue their mean value, 0 or more; 0 when {@code frequency} is 0
     * @return the expected spend per purchase
     * @throws IllegalArgumentException when the spend is negative, or the frequency 0 with a spend given
     * @throws IllegalStateException when {@code p x + q <= 1}: the expectation is then infinite (see
     *     {@link #hasFiniteSpend})
     */
    public double expectedAverageSpend(int frequency, double monetaryValue) {
        Checks.nonNegative("frequency", frequency);
        Checks.nonNegative("monetaryValue", monetaryValue);
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
     *
     * @param frequency x, 0 or more
     * @return whether the expected spend is finite
     */
    public boolean hasFiniteSpend(int frequency) {
        Checks.nonNegative("frequency", frequency);
        return p * frequency + q > 1;
    }

    /**
     * Returns the expected spend per purchase of a customer with no repeat purchases: {@code p v / (q - 1)}.
     *
     * @return the population mean spend
     * @throws IllegalStateException when {@code q <= 1}: it is then infinite
     */
    public double expectedAverageSpend() {
        return expectedAverageSpend(0, 0);
    }

    /**
     * Returns the log-likelihood of a customer's mean spend over {@code frequency} repeat purchases.
     *
     * @param frequency x, 1 or more
     * @param monetaryValue the mean spend, above 0
     * @return the log-likelihood
     */
    public double logLikelihood(int frequency, double monetaryValue) {
        Checks.positive("frequency", frequency);
        Checks.positive("monetaryValue", monetaryValue);
        CellColumns one = new CellColumns(java.time.temporal.ChronoUnit.DAYS, new int[] {frequency}, new double[1],
                new double[1], new double[] {monetaryValue}, new double[] {1});
        return new GammaGammaLikelihood(one).evaluate(new double[] {p, q, v}, 0)[0];
    }

    /**
     * Simulates the mean spend of customers with the given repeat frequencies (each above 0): a spend scale
     * per customer, then one spend per purchase; reproducibly for a seed.
     *
     * @param frequencies the customers' repeat purchases, each 1 or more
     * @param seed the seed of the random numbers
     * @return each customer's mean spend
     */
    public double[] simulateMeanSpend(int[] frequencies, long seed) {
        RandomDataGenerator random = new RandomDataGenerator(seed);
        double[] means = new double[frequencies.length];
        for (int i = 0; i < frequencies.length; i++) {
            Checks.positive("frequency", frequencies[i]);
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
