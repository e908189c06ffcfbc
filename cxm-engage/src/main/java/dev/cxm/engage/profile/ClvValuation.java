package dev.cxm.engage.profile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.cxm.core.internal.Checks;
import dev.cxm.metrics.clv.ClvSettings;
import dev.cxm.metrics.clv.CustomerLifetimeValue;
import dev.cxm.metrics.clv.GammaGammaModel;
import dev.cxm.metrics.clv.PurchaseModel;
import dev.cxm.metrics.clv.TimeUnits;
import dev.cxm.metrics.clv.rfm.CustomerHistory;

/**
 * How a profile is valued with fitted CLV models: a purchase model (for P(alive) and the expected purchases),
 * the horizon and discounting ({@link ClvSettings}), and optionally a Gamma-Gamma spend model with the
 * currency its amounts are in (for the lifetime value).
 *
 * <p><b>Continuous time.</b> A profile keeps its first and last purchase and the number of purchases, so the
 * history it hands the model is the continuous-time one (each purchase at its own instant, as
 * {@code RfmSummaryOptions.custom(...).continuousTime()} summarises): frequency is the number of purchases
 * less one, recency the time from the first to the last, and T the time from the first to the instant of the
 * estimate, all in the model's unit. Fit the models on a continuous-time summary for the estimates to mean
 * what the papers say. The mean repeat spend is the total less the first purchase, over the repeat purchases.
 *
 * <pre>{@code
 * ClvValuation valuation = ClvValuation.of(bgNbd, gammaGamma, ClvSettings.ofDefaults(Duration.ofDays(364)),
 *         Currency.getInstance("EUR"));
 * }</pre>
 *
 * @param purchases the fitted purchase model
 * @param spend the fitted spend model, when lifetime values are wanted
 * @param settings the horizon, period and discount rate
 * @param currency the currency of the spend model's amounts; present exactly when {@code spend} is
 */
public record ClvValuation(PurchaseModel purchases, Optional<GammaGammaModel> spend, ClvSettings settings,
        Optional<Currency> currency) {

    /**
     * Validates the valuation.
     *
     * @param purchases the fitted purchase model
     * @param spend the fitted spend model, when lifetime values are wanted; its population mean spend must be
     *     finite
     * @param settings the horizon, period and discount rate
     * @param currency the currency of the spend model's amounts; present exactly when {@code spend} is
     * @throws IllegalArgumentException when the spend model has no finite mean spend, or the currency is given
     *     without a spend model or missing with one
     */
    public ClvValuation {
        Checks.present("purchases", purchases);
        Checks.present("spend", spend);
        Checks.present("settings", settings);
        Checks.present("currency", currency);
        if (spend.isPresent() != currency.isPresent()) {
            throw new IllegalArgumentException("currency: a spend model needs the currency of its amounts, and only a"
                    + " spend model takes one");
        }
        // CustomerLifetimeValue refuses a spend model without a finite mean spend, naming the rule.
        spend.ifPresent(model -> CustomerLifetimeValue.of(purchases, model, settings));
    }

    /**
     * Returns a valuation by P(alive) and expected purchases only.
     *
     * @param purchases the fitted purchase model
     * @param settings the horizon (and discounting, unused without a spend model)
     * @return the valuation
     */
    public static ClvValuation of(PurchaseModel purchases, ClvSettings settings) {
        return new ClvValuation(purchases, Optional.empty(), settings, Optional.empty());
    }

    /**
     * Returns a valuation with lifetime values.
     *
     * @param purchases the fitted purchase model
     * @param spend the fitted spend model, with a finite population mean spend
     * @param settings the horizon, period and discount rate
     * @param currency the currency of the spend model's amounts
     * @return the valuation
     * @throws IllegalArgumentException when the spend model has no finite mean spend
     */
    public static ClvValuation of(PurchaseModel purchases, GammaGammaModel spend, ClvSettings settings,
            Currency currency) {
        return new ClvValuation(purchases, Optional.of(spend), settings, Optional.of(currency));
    }

    /**
     * Returns the history of a profile as the purchase model reads it at {@code asOf}, in continuous time.
     *
     * @param profile the profile
     * @param asOf the end of calibration; an instant before the last purchase counts as the last purchase
     * @return the history, or empty when the customer has not purchased
     */
    public Optional<CustomerHistory> historyOf(CustomerProfile profile, Instant asOf) {
        Checks.present("profile", profile);
        Checks.present("asOf", asOf);
        if (profile.firstPurchase().isEmpty() || profile.lastPurchase().isEmpty()) {
            return Optional.empty();
        }
        Instant first = profile.firstPurchase().get().at();
        Instant last = profile.lastPurchase().get().at();
        Instant end = asOf.isBefore(last) ? last : asOf;
        double recency = TimeUnits.inUnits(Duration.between(first, last), purchases.unit());
        double age = TimeUnits.inUnits(Duration.between(first, end), purchases.unit());
        long repeat = profile.purchaseCount() - 1;
        return Optional.of(CustomerHistory.of((int) Math.min(repeat, Integer.MAX_VALUE), recency, age));
    }

    /**
     * Estimates a profile at {@code asOf}.
     *
     * @param profile the profile
     * @param asOf the instant of the estimate
     * @return the estimate, or empty when the customer has not purchased
     */
    public Optional<ClvEstimate> estimate(CustomerProfile profile, Instant asOf) {
        Optional<CustomerHistory> history = historyOf(profile, asOf);
        if (history.isEmpty()) {
            return Optional.empty();
        }
        CustomerHistory h = history.get();
        double alive = purchases.probabilityAlive(h);
        double expected = purchases.conditionalExpectedPurchases(settings.horizon(), h);
        OptionalDouble value = OptionalDouble.empty();
        Optional<Currency> valueCurrency = Optional.empty();
        if (spend.isPresent()) {
            Optional<OptionalDouble> monetary = repeatSpend(profile, currency.get());
            if (monetary.isPresent()) {
                value = OptionalDouble.of(CustomerLifetimeValue.of(purchases, spend.get(), settings)
                        .value(h, monetary.get()));
                valueCurrency = currency;
            }
        }
        return Optional.of(new ClvEstimate(asOf, purchases.name(), alive, settings.horizon(), expected, value,
                valueCurrency));
    }

    /**
     * Returns the mean repeat spend (empty without repeat purchases), or nothing when a purchase is in another
     * currency than the spend model's.
     */
    private static Optional<OptionalDouble> repeatSpend(CustomerProfile profile, Currency currency) {
        if (profile.spend().size() != 1 || !profile.spend().containsKey(currency)) {
            return Optional.empty();
        }
        SpendTotal total = profile.spend().get(currency);
        if (total.purchases() < 2) {
            return Optional.of(OptionalDouble.empty());
        }
        BigDecimal repeat = total.total().amount().subtract(profile.firstPurchase().orElseThrow().amount().amount());
        return Optional.of(OptionalDouble.of(repeat.doubleValue() / (total.purchases() - 1)));
    }
}
