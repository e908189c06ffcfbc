package dev.cxm.metrics.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.ChebyshevApproximation;
import dev.cxm.metrics.clv.internal.ParallelRows;

/**
 * Discounted customer lifetime value from a purchase model and a spend model:
 * <pre>
 *   CLV = sum over periods i = 1..N of  spend * (E[purchases by i periods] - E[purchases by i - 1 periods]) / (1 + d)^i
 * </pre>
 * where the expectations are the purchase model's conditional expected purchases after calibration and
 * {@code spend} the Gamma-Gamma expected spend per purchase (the population mean for a customer without
 * repeat purchases). Period length and rate come from {@link ClvSettings}; the period is converted into
 * the purchase model's own unit, so the units always agree.
 *
 * <pre>{@code
 * CustomerLifetimeValue clv = CustomerLifetimeValue.of(bgNbd, gammaGamma,
 *         ClvSettings.of(Duration.ofDays(364), Duration.ofDays(28), 0.01));
 * LifetimeValues values = clv.valuesOf(summary);
 * }</pre>
 *
 * <p>Because conditional expected purchases are P(alive) times purchases-while-alive, which depends on the
 * history only through frequency and T, the bulk path {@link #values(RfmCells)} expands each frequency's
 * discounted purchases-while-alive once, in Chebyshev polynomials of {@code log(T + scale)} checked to
 * 1e-14, and costs about a hundred operations per customer.
 *
 * <p>Immutable and thread-safe; bulk methods use every core for large inputs.
 */
public final class CustomerLifetimeValue {

    private final PurchaseModel purchases;
    private final GammaGammaModel spend;
    private final ClvSettings settings;
    private final double[] horizons;
    private final double[] discounts;

    private CustomerLifetimeValue(PurchaseModel purchases, GammaGammaModel spend, ClvSettings settings) {
        this.purchases = Checks.present("purchases", purchases);
        this.spend = Checks.present("spend", spend);
        if (!spend.hasFiniteSpend(0)) {
            throw new IllegalArgumentException("spend: q = " + spend.q() + " is at most 1, so the Gamma-Gamma population"
                    + " mean spend p v / (q - 1), which values customers without repeat purchases, is infinite; there is"
                    + " no lifetime value under this spend model");
        }
        this.settings = Checks.present("settings", settings);
        int periods = settings.periods();
        double period = TimeUnits.inUnits(settings.period(), purchases.unit());
        horizons = new double[periods];
        discounts = new double[periods];
        for (int i = 0; i < periods; i++) {
            horizons[i] = period * (i + 1);
            discounts[i] = Math.pow(1 + settings.discountRate(), -(i + 1));
        }
    }

    /** Returns the calculator of lifetime values from the two models under {@code settings}. */
    public static CustomerLifetimeValue of(PurchaseModel purchases, GammaGammaModel spend, ClvSettings settings) {
        return new CustomerLifetimeValue(purchases, spend, settings);
    }

    /** Returns the settings. */
    public ClvSettings settings() {
        return settings;
    }

    /**
     * Returns the discounted expected value over the horizon of a customer with the given history, in the
     * purchase model's unit, and mean repeat spend (empty without repeat purchases).
     */
    public double valueOf(int frequency, double recency, double age, OptionalDouble monetaryValue) {
        return discounted(purchases.conditionalExpectedPurchases(horizons, frequency, recency, age),
                spendOf(frequency, monetaryValue));
    }

    /** Returns the expected future of {@code customer}: P(alive), purchases, spend and discounted value. */
    public CustomerValue valueOf(CustomerSummary customer) {
        double[] cumulative = purchases.conditionalExpectedPurchases(horizons, customer.frequency(), customer.recency(),
                customer.age());
        double perPurchase = spendOf(customer.frequency(), customer.monetaryValue());
        return new CustomerValue(customer.customerId(), purchases.probabilityAlive(customer), cumulative[cumulative.length - 1],
                perPurchase, discounted(cumulative, perPurchase));
    }

    /**
     * Returns the values of every customer of {@code summary}, whose unit must be the purchase model's.
     */
    public LifetimeValues valuesOf(RfmSummary summary) {
        requireUnit(summary.unit());
        List<CustomerSummary> customers = summary.customers();
        CustomerValue[] values = new CustomerValue[customers.size()];
        ParallelRows.forEach(values.length, i -> values[i] = valueOf(customers.get(i)));
        return new LifetimeValues(settings, purchases.unit(), purchases.name(), summary.currency(),
                new ArrayList<>(List.of(values)));
    }

    /**
     * Returns the discounted value of every row of {@code cells}, in row order: the bulk path for millions
     * of customers.
     */
    public double[] values(RfmCells cells) {
        requireUnit(cells.unit());
        int[] xs = cells.columns().distinctFrequencies();
        int[] slot = cells.columns().frequencyIndex();
        double[] youngest = new double[xs.length];
        double[] oldest = new double[xs.length];
        java.util.Arrays.fill(youngest, Double.POSITIVE_INFINITY);
        for (int i = 0; i < cells.size(); i++) {
            youngest[slot[i]] = Math.min(youngest[slot[i]], cells.age(i));
            oldest[slot[i]] = Math.max(oldest[slot[i]], cells.age(i));
        }
        // Per frequency, the discounted purchases of a customer alive now as a function of T, expanded in
        // Chebyshev polynomials of log(T + scale), where it is smooth; empty where 64 terms do not reach 1e-14.
        double scale = timeScale();
        ChebyshevApproximation[] perFrequency = new ChebyshevApproximation[xs.length];
        ParallelRows.forEach(xs.length, j -> {
            int x = xs[j];
            double low = Math.log(youngest[j] + scale);
            double high = Math.log(oldest[j] + scale);
            if (high - low > 1e-12) {
                perFrequency[j] = ChebyshevApproximation.of(s -> discountedWhileAlive(x, Math.exp(s) - scale), low, high,
                        1e-14).orElse(null);
            }
        });
        double[] values = new double[cells.size()];
        ParallelRows.forEach(values.length, i -> {
            int x = cells.frequency(i);
            double age = cells.age(i);
            ChebyshevApproximation approximation = perFrequency[slot[i]];
            double whileAlive = approximation != null ? approximation.value(Math.log(age + scale))
                    : discountedWhileAlive(x, age);
            values[i] = spendOf(x, cells.monetaryValue(i)) * purchases.probabilityAlive(x, cells.recency(i), age)
                    * whileAlive;
        });
        return values;
    }

    /** Returns the discounted expected purchases over the horizon of a customer alive now. */
    private double discountedWhileAlive(int frequency, double age) {
        double value = 0;
        double previous = 0;
        for (int i = 0; i < horizons.length; i++) {
            double cumulative = purchases.expectedPurchasesWhileAlive(horizons[i], frequency, age);
            value += (cumulative - previous) * discounts[i];
            previous = cumulative;
        }
        return value;
    }

    /** Returns the model's smallest time scale: where, at T = -scale, its expectations stop being smooth. */
    private double timeScale() {
        if (purchases instanceof ParetoNbdModel pareto) {
            return Math.min(pareto.alpha(), pareto.beta());
        }
        return purchases.parameters().get("alpha");
    }

    private double spendOf(int frequency, OptionalDouble monetaryValue) {
        if (frequency == 0) {
            return spend.expectedAverageSpend();
        }
        if (monetaryValue.isEmpty()) {
            throw new IllegalArgumentException("monetaryValue: a customer with " + frequency + " repeat purchases has"
                    + " no spend; lifetime value needs the mean repeat spend of every repeat buyer");
        }
        return spend.expectedAverageSpend(frequency, monetaryValue.getAsDouble());
    }

    private double discounted(double[] cumulative, double perPurchase) {
        double value = 0;
        double previous = 0;
        for (int i = 0; i < cumulative.length; i++) {
            value += (cumulative[i] - previous) * discounts[i];
            previous = cumulative[i];
        }
        return perPurchase * value;
    }

    private void requireUnit(java.time.temporal.ChronoUnit unit) {
        if (unit != purchases.unit()) {
            throw new IllegalArgumentException("unit: the customers are summarised in " + unit + " but the "
                    + purchases.name() + " model in " + purchases.unit() + "; fit and predict in one unit");
        }
    }
}
