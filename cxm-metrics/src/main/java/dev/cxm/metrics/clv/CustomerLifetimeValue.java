package dev.cxm.metrics.clv;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.internal.ChebyshevApproximation;
import dev.cxm.metrics.clv.internal.ParallelRows;
import dev.cxm.metrics.clv.rfm.CustomerHistory;
import dev.cxm.metrics.clv.rfm.CustomerSummary;
import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.clv.rfm.internal.CellAccess;

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
 *         ClvSettings.custom(Duration.ofDays(364)).period(Duration.ofDays(28)).discountRate(0.01).build());
 * LifetimeValues values = clv.valuesOf(summary);
 * }</pre>
 *
 * <p>Not a configuration but the two fitted models bound to their terms ({@link ClvSettings} is the
 * configuration a host keeps); it has value {@code equals}, {@code hashCode} and {@code toString} over the
 * three. Any {@link PurchaseModel} works, BG/BB too when the period is a whole number of its opportunities.
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
        if (purchases instanceof BgBbModel && period != Math.rint(period)) {
            throw new IllegalArgumentException("settings: the period " + settings.period() + " is not a whole number of"
                    + " the bg-bb model's opportunities (" + purchases.unit()
                    + "); BG/BB predicts whole opportunities");
        }
        horizons = new double[periods];
        discounts = new double[periods];
        for (int i = 0; i < periods; i++) {
            horizons[i] = period * (i + 1);
            discounts[i] = Math.pow(1 + settings.discountRate(), -(i + 1));
        }
    }

    /**
     * Returns the calculator of lifetime values from the two models under {@code settings}.
     *
     * @param purchases the fitted purchase model
     * @param spend the fitted spend model, whose population mean spend must be finite ({@code q > 1})
     * @param settings the horizon, period and discount rate
     * @return the calculator
     * @throws IllegalArgumentException when the spend model has {@code q <= 1}, or (for BG/BB) the period is
     *     not a whole number of opportunities
     */
    public static CustomerLifetimeValue of(PurchaseModel purchases, GammaGammaModel spend, ClvSettings settings) {
        return new CustomerLifetimeValue(purchases, spend, settings);
    }

    /**
     * Returns the settings.
     *
     * @return the horizon, period and discount rate
     */
    public ClvSettings settings() {
        return settings;
    }

    /**
     * Returns the discounted expected value over the horizon of a customer with the given history, in the
     * purchase model's unit, and mean repeat spend.
     *
     * @param customer the history
     * @param monetaryValue the mean repeat spend; empty without repeat purchases
     * @return the discounted value
     * @throws IllegalArgumentException when a repeat buyer has no spend
     */
    public double value(CustomerHistory customer, OptionalDouble monetaryValue) {
        Checks.present("monetaryValue", monetaryValue);
        return discounted(purchases.conditionalExpectedPurchases(horizons, customer),
                spendOf(customer.frequency(), monetaryValue));
    }

    /**
     * Returns the expected future of {@code customer}: P(alive) at the end of calibration, purchases, spend
     * and discounted value.
     *
     * @param customer the customer, in the purchase model's unit
     * @return the customer's value
     */
    public CustomerValue valueOf(CustomerSummary customer) {
        double[] cumulative = purchases.conditionalExpectedPurchases(horizons, Checks.present("customer", customer));
        double perPurchase = spendOf(customer.frequency(), customer.monetaryValue());
        return new CustomerValue(customer.customerId(), purchases.probabilityAlive(customer),
                cumulative[cumulative.length - 1], perPurchase, discounted(cumulative, perPurchase));
    }

    /**
     * Returns the values of every customer of {@code summary}, whose unit must be the purchase model's.
     *
     * @param summary the customers
     * @return their values, in the summary's order
     */
    public LifetimeValues valuesOf(RfmSummary summary) {
        Checks.present("summary", summary);
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
     *
     * @param cells the customers, in the purchase model's unit
     * @return one value per row
     * @throws IllegalArgumentException when a repeat buyer has no spend, naming the customer or row
     */
    public double[] values(RfmCells cells) {
        Checks.present("cells", cells);
        requireUnit(cells.unit());
        for (int i = 0; i < cells.size(); i++) {
            if (cells.frequency(i) > 0 && cells.monetaryValue(i).isEmpty()) {
                throw new IllegalArgumentException("monetaryValue: the repeat buyer " + CellAccess.columns(cells)
                        .describe(i)
                        + " has no spend; lifetime value needs the mean repeat spend of every repeat buyer");
            }
        }
        int[] xs = CellAccess.columns(cells).distinctFrequencies();
        int[] slot = CellAccess.columns(cells).frequencyIndex();
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
            if (high - low > 1e-12 && !(purchases instanceof BgBbModel)) {
                perFrequency[j] = ChebyshevApproximation.of(s -> discountedWhileAlive(x, Math.exp(s) - scale), low,
                        high,
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
            values[i] = spendOf(x, cells.monetaryValue(i)) * purchases.probabilityAlive(cells.history(i)) * whileAlive;
        });
        return values;
    }

    /** Returns the discounted expected purchases over the horizon of a customer alive now. */
    private double discountedWhileAlive(int frequency, double age) {
        // Purchases while alive read the frequency and T only; any recency the history allows will do.
        CustomerHistory history = CustomerHistory.of(frequency, frequency > 0 ? age : 0, age);
        double value = 0;
        double previous = 0;
        for (int i = 0; i < horizons.length; i++) {
            double cumulative = purchases.expectedPurchasesWhileAlive(horizons[i], history);
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
        if (purchases instanceof BetaGeometricModel model) {
            return model.alpha();
        }
        return 1;
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

    @Override
    public boolean equals(Object other) {
        return other instanceof CustomerLifetimeValue clv && purchases.equals(clv.purchases) && spend.equals(clv.spend)
                && settings.equals(clv.settings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(purchases, spend, settings);
    }

    @Override
    public String toString() {
        return "CustomerLifetimeValue[purchases=" + purchases + ", spend=" + spend + ", settings=" + settings + "]";
    }

    private void requireUnit(java.time.temporal.ChronoUnit unit) {
        if (unit != purchases.unit()) {
            throw new IllegalArgumentException("unit: the customers are summarised in " + unit + " but the "
                    + purchases.name() + " model in " + purchases.unit() + "; fit and predict in one unit");
        }
    }
}
