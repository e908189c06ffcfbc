package dev.cxm.examples.simulate.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generating parameters of the simulated world, in one place: what {@code truth.json} reports and what
 * {@link CustomerSimulation} draws from. Times are in seconds unless a name says otherwise.
 */
public final class WorldModel {

    /** Seconds per day. */
    public static final long DAY = 86_400;
    /** Seconds per week, the unit of the BG/NBD parameters. */
    public static final double WEEK = 7.0 * DAY;

    /** The first instant of the world: 2025-01-01T00:00:00Z. */
    public static final long START = Instant.parse("2025-01-01T00:00:00Z").getEpochSecond();
    /** Customers first meet the company within this many days after {@link #START}. */
    public static final int ACQUISITION_DAYS = 364;
    /** The end of observation, exclusive: 2026-07-01T00:00:00Z (546 days after the start); no event at or after it. */
    public static final long END = Instant.parse("2026-07-01T00:00:00Z").getEpochSecond();

    /** The share of customers who buy (the others drop out of their first journey). */
    public static final double BUYER_SHARE = 0.8;

    /** BG/NBD: shape r of the purchase rates lambda ~ Gamma(r, alpha), per week. */
    public static final double BG_R = 0.55;
    /** BG/NBD: rate alpha of the purchase rates, in weeks (the mean rate is r / alpha per week). */
    public static final double BG_ALPHA = 7.5;
    /** BG/NBD: first shape a of the drop-out probability p ~ Beta(a, b) after each repeat purchase. */
    public static final double BG_A = 0.85;
    /** BG/NBD: second shape b of the drop-out probability. */
    public static final double BG_B = 3.2;

    /** Gamma-Gamma: shape p of the value of one purchase, z ~ Gamma(p, nu). */
    public static final double GG_P = 6.0;
    /** Gamma-Gamma: shape q of the customers' spend rates nu ~ Gamma(q, v). */
    public static final double GG_Q = 3.8;
    /** Gamma-Gamma: rate v of the spend rates, in EUR (the mean purchase is p v / (q - 1) EUR). */
    public static final double GG_V = 18.0;

    /** The membership plans, with their share among buyers and their sBG parameters. */
    public enum Plan {
        /** Buyers without a membership. */
        NONE("none", 0.35, 1.0, 3.0),
        /** The basic plan. */
        BASIC("basic", 0.35, 0.9, 2.2),
        /** The plus plan. */
        PLUS("plus", 0.20, 1.1, 4.0),
        /** The premium plan. */
        PREMIUM("premium", 0.10, 0.9, 4.0);

        private final String label;
        private final double share;
        private final double alpha;
        private final double beta;

        Plan(String label, double share, double alpha, double beta) {
            this.label = label;
            this.share = share;
            this.alpha = alpha;
            this.beta = beta;
        }

        /**
         * Returns the plan's name in the files.
         *
         * @return the name, such as {@code basic}
         */
        public String label() {
            return label;
        }

        /**
         * Returns the plan's share among buyers.
         *
         * @return the share
         */
        public double share() {
            return share;
        }

        /**
         * Returns alpha of the Beta distribution of the churn probability per period (for {@link #NONE}: of
         * the latent service propensity, which no contract ends).
         *
         * @return alpha
         */
        public double alpha() {
            return alpha;
        }

        /**
         * Returns beta of the Beta distribution of the churn probability per period.
         *
         * @return beta
         */
        public double beta() {
            return beta;
        }

        /**
         * Returns the survival of the shifted-beta-geometric model after {@code periods} renewals:
         * {@code S(t) = prod_{i=1..t} (beta + i - 1) / (alpha + beta + i - 1)}.
         *
         * @param periods the number of periods, 0 or more
         * @return the share of members still subscribed
         */
        public double survival(int periods) {
            double s = 1;
            for (int i = 1; i <= periods; i++) {
                s *= (beta + i - 1) / (alpha + beta + i - 1);
            }
            return s;
        }

        /**
         * Returns the median tenure in periods: the first period count whose survival is at most one half.
         *
         * @return the median, in periods
         */
        public int medianPeriods() {
            int t = 0;
            while (survival(t) > 0.5) {
                t++;
            }
            return t;
        }
    }

    /** The length of a membership period, in days: a member renews every 30 days or leaves. */
    public static final int PERIOD_DAYS = 30;

    /** Key drivers: the names of the driver ratings (1..5), in the column order of {@code drivers.csv}. */
    public static final List<String> DRIVERS = List.of("wait_time", "resolution", "product", "price", "delivery");
    /** Key drivers: the weight of each rating in the likelihood to recommend, in NPS points per rating point. */
    public static final double[] DRIVER_WEIGHTS = {0.65, 0.95, 0.5, 0.3, 0.12};
    /** Key drivers: the intercept of the likelihood to recommend, in NPS points. */
    public static final double RECOMMEND_INTERCEPT = -1.6;
    /** Key drivers: the standard deviation of the noise of the likelihood to recommend, in NPS points. */
    public static final double RECOMMEND_NOISE = 1.1;

    /** Service: the probability of an issue after a purchase is {@code CONTACT_BASE + CONTACT_PER_THETA * theta}. */
    public static final double CONTACT_BASE = 0.12;
    /** Service: how much the latent propensity theta adds to the probability of an issue. */
    public static final double CONTACT_PER_THETA = 0.55;
    /** Service: the contact channels (hotline, chat, e-mail support). */
    public static final List<String> CONTACT_CHANNELS = List.of("hotline", "chat", "email-support");
    /** Service: the median wait of each contact channel at theta = 0, in seconds. */
    public static final double[] MEDIAN_WAIT = {120, 40, 4 * 3600};
    /** Service: the wait is the median times {@code 1 + WAIT_PER_THETA * theta}, log-normal around it. */
    public static final double[] WAIT_PER_THETA = {4, 4, 3};
    /** Service: the typical wait of each channel, in seconds, that a wait is rated against. */
    public static final int[] TYPICAL_WAIT = {180, 60, 6 * 3600};
    /**
     * Service: P(resolved) = {@code RESOLVE_BASE - RESOLVE_PER_THETA * theta - RESOLVE_PER_WAIT_MINUTE * wait
     * minutes (hotline and chat, up to 20)}, between 0.1 and 0.97, plus 0.15 per earlier attempt.
     */
    public static final double RESOLVE_BASE = 0.93;
    /** Service: how much theta lowers the chance of resolution. */
    public static final double RESOLVE_PER_THETA = 1.1;
    /** Service: how much each minute of waiting lowers the chance of resolution. */
    public static final double RESOLVE_PER_WAIT_MINUTE = 0.015;

    private WorldModel() {}

    /**
     * Returns the generating parameters as {@code truth.json} holds them: each a value with its unit.
     *
     * @param customers the number of customers simulated
     * @param seed the seed
     * @return the tree, in a fixed order
     */
    public static Map<String, Object> truth(int customers, long seed) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("formatVersion", 1);
        root.put("customers", customers);
        root.put("seed", seed);
        Map<String, Object> observation = new LinkedHashMap<>();
        observation.put("start", Instant.ofEpochSecond(START).toString());
        observation.put("end", Instant.ofEpochSecond(END).toString());
        observation.put("endIsExclusive", true);
        observation.put("acquisitionWindow", value(ACQUISITION_DAYS, "days after start"));
        observation.put("buyerShare", value(BUYER_SHARE, "share of customers"));
        root.put("observation", observation);

        Map<String, Object> bgNbd = new LinkedHashMap<>();
        bgNbd.put("model", "BG/NBD (Fader, Hardie & Lee 2005), repeat purchases after the first, continuous time");
        bgNbd.put("r", value(BG_R, "1 (shape of the purchase rate)"));
        bgNbd.put("alpha", value(BG_ALPHA, "weeks (rate of the purchase rate)"));
        bgNbd.put("a", value(BG_A, "1 (shape of the drop-out probability)"));
        bgNbd.put("b", value(BG_B, "1 (shape of the drop-out probability)"));
        bgNbd.put("meanPurchaseRate", value(BG_R / BG_ALPHA, "purchases per week"));
        bgNbd.put("meanDropOutProbability", value(BG_A / (BG_A + BG_B), "per repeat purchase"));
        root.put("bgNbd", bgNbd);

        Map<String, Object> gammaGamma = new LinkedHashMap<>();
        gammaGamma.put("model", "Gamma-Gamma (Fader & Hardie 2013): z ~ Gamma(p, nu), nu ~ Gamma(q, v), every purchase");
        gammaGamma.put("p", value(GG_P, "1 (shape of the value of a purchase)"));
        gammaGamma.put("q", value(GG_Q, "1 (shape of the spend rate)"));
        gammaGamma.put("v", value(GG_V, "EUR (rate of the spend rate)"));
        gammaGamma.put("meanPurchaseValue", value(GG_P * GG_V / (GG_Q - 1), "EUR"));
        gammaGamma.put("currency", "EUR");
        root.put("gammaGamma", gammaGamma);

        Map<String, Object> churn = new LinkedHashMap<>();
        churn.put("model", "shifted-beta-geometric (Fader & Hardie 2007) per plan: a member renews every period"
                + " or leaves; theta ~ Beta(alpha, beta) is the churn probability per period");
        churn.put("period", value(PERIOD_DAYS, "days"));
        Map<String, Object> plans = new LinkedHashMap<>();
        for (Plan plan : Plan.values()) {
            if (plan == Plan.NONE) {
                continue;
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("share", value(plan.share(), "share of buyers"));
            one.put("alpha", value(plan.alpha(), "1"));
            one.put("beta", value(plan.beta(), "1"));
            one.put("medianTenure", value(plan.medianPeriods() * PERIOD_DAYS, "days (Kaplan-Meier median)"));
            double[] survival = new double[13];
            for (int t = 0; t < survival.length; t++) {
                survival[t] = plan.survival(t);
            }
            one.put("survival", value(survival, "share still subscribed after 0..12 periods"));
            plans.put(plan.label(), one);
        }
        churn.put("plans", plans);
        churn.put("nonMemberShare", value(Plan.NONE.share(), "share of buyers"));
        root.put("churn", churn);

        Map<String, Object> drivers = new LinkedHashMap<>();
        drivers.put("model", "recommend = round(intercept + sum(weight * rating) + noise), clamped to 0..10;"
                + " ratings 1..5");
        drivers.put("intercept", value(RECOMMEND_INTERCEPT, "NPS points"));
        Map<String, Object> weights = new LinkedHashMap<>();
        for (int i = 0; i < DRIVERS.size(); i++) {
            weights.put(DRIVERS.get(i), value(DRIVER_WEIGHTS[i], "NPS points per rating point"));
        }
        drivers.put("weights", weights);
        drivers.put("noise", value(RECOMMEND_NOISE, "NPS points (standard deviation)"));
        drivers.put("shareOrder", List.of("resolution", "wait_time", "product", "price", "delivery"));
        drivers.put("shareOrderReason", "weight times the spread of the rating; the ratings are nearly uncorrelated"
                + " (wait_time and resolution both follow the latest contact)");
        root.put("drivers", drivers);

        Map<String, Object> service = new LinkedHashMap<>();
        service.put("model", "after each purchase an issue with probability base + perTheta * theta (theta: the"
                + " member's churn probability per period, for non-members a Beta(1, 3) service propensity); up to"
                + " three contacts until resolved; waits log-normal around median * (1 + waitPerTheta * theta)");
        service.put("issueProbabilityBase", value(CONTACT_BASE, "per purchase"));
        service.put("issueProbabilityPerTheta", value(CONTACT_PER_THETA, "per purchase"));
        Map<String, Object> channels = new LinkedHashMap<>();
        for (int c = 0; c < CONTACT_CHANNELS.size(); c++) {
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("medianWaitAtThetaZero", value(MEDIAN_WAIT[c], "seconds"));
            channel.put("waitPerTheta", value(WAIT_PER_THETA[c], "1"));
            channel.put("typicalWait", value(TYPICAL_WAIT[c], "seconds"));
            channels.put(CONTACT_CHANNELS.get(c), channel);
        }
        service.put("channels", channels);
        service.put("resolveBase", value(RESOLVE_BASE, "probability"));
        service.put("resolvePerTheta", value(RESOLVE_PER_THETA, "probability"));
        service.put("resolvePerWaitMinute", value(RESOLVE_PER_WAIT_MINUTE, "probability per minute (hotline, chat)"));
        root.put("service", service);

        Map<String, Object> surveys = new LinkedHashMap<>();
        surveys.put("post-purchase-nps", value(0.2, "share of purchases asked and answering, 20 to 48 hours after"));
        surveys.put("delivery-csat", value(0.1, "share of purchases, 3 to 6 days after"));
        surveys.put("support-nps", value(0.18, "share of contacts"));
        surveys.put("support-csat", value(0.30, "share of contacts"));
        surveys.put("support-ces", value(0.14, "share of contacts"));
        surveys.put("supportCsat", "round(4.4 - 1.7 unresolved - 0.45 ln(1 + wait / typicalWait) + N(0, 0.55)),"
                + " 1..5");
        surveys.put("supportCes", "round(6.2 - 2.2 unresolved - 0.9 (attempt - 1) - 0.5 ln(1 + wait / typicalWait)"
                + " + N(0, 0.8)), 1..7");
        root.put("surveys", surveys);
        return root;
    }

    private static Map<String, Object> value(Object value, String unit) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("value", value);
        node.put("unit", unit);
        return node;
    }
}
