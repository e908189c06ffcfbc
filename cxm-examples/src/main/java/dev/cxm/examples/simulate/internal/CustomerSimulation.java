package dev.cxm.examples.simulate.internal;

import static dev.cxm.examples.simulate.internal.WorldModel.DAY;
import static dev.cxm.examples.simulate.internal.WorldModel.END;

import java.util.Arrays;


import dev.cxm.examples.simulate.internal.Comments.Theme;
import dev.cxm.examples.simulate.internal.WorldModel.Plan;

/**
 * Simulates one customer at a time and writes their rows into a {@link Block}: the profile, the first
 * journey, repeat purchases (BG/NBD with Gamma-Gamma spend), service contacts whose waits and outcomes depend
 * on the customer's latent service propensity, the surveys that follow purchases and contacts (scores and
 * comments from what happened), newsletter and SMS clicks, browsing, the membership and its end (sBG), and a
 * second id for some customers. One instance per thread; its buffers are reused.
 */
public final class CustomerSimulation {

    private static final String CURRENCY = "EUR";

    /** Among customers: acquired on the web, through social ads, in the app, in a store. */
    private static final double[] ACQUISITION = cumulative(0.45, 0.20, 0.20, 0.15);
    private static final int VIA_WEB = 0;
    private static final int VIA_SOCIAL = 1;
    private static final int VIA_APP = 2;
    private static final int VIA_STORE = 3;
    private static final String[] VIA_LABELS = {"web", "social", "app", "store"};
    private static final String[] COUNTRIES = {"DE", "FR", "NL", "AT", "ES"};
    private static final String[] ZONES = {"Europe/Berlin", "Europe/Paris", "Europe/Amsterdam", "Europe/Vienna",
        "Europe/Madrid"};
    private static final double[] COUNTRY_SHARES = cumulative(0.40, 0.25, 0.15, 0.10, 0.10);
    private static final double[] PLAN_SHARES = cumulative(Plan.NONE.share(), Plan.BASIC.share(),
            Plan.PLUS.share(), Plan.PREMIUM.share());
    private static final String[] SEARCH_CAMPAIGNS = {"search-brand", "search-generic"};
    private static final String[] SOCIAL_CAMPAIGNS = {"spring-sale", "influencer", "retargeting"};

    /** Where a prospect's first journey ends: after the first touch, after looking at products, at the cart. */
    private static final double[] PROSPECT_DROP = cumulative(0.40, 0.35, 0.25);

    /** Contact channels of a first attempt: hotline, chat, e-mail. */
    private static final double[] CONTACT_CHANNELS = cumulative(0.45, 0.35, 0.20);
    private static final int[] TYPICAL_WAIT = WorldModel.TYPICAL_WAIT;
    private static final double[] MEDIAN_WAIT = WorldModel.MEDIAN_WAIT;
    private static final double[] WAIT_THETA = WorldModel.WAIT_PER_THETA;
    private static final double[] MEDIAN_HANDLE = {360, 540, 0};
    private static final Place[] CONTACT_PLACES = {Place.HOTLINE, Place.CHAT, Place.EMAIL_SUPPORT};

    private static final String VIEWED = "viewed";
    private static final String CLICKED = "clicked";

    private final EventBuffer events = new EventBuffer();
    private final int[] ratings = new int[WorldModel.DRIVERS.size()];

    // The customer's purchases and contacts, as columns.
    private int purchases;
    private long[] purchaseTime = new long[32];
    private Place[] purchasePlace = new Place[32];
    private int contacts;
    private long[] contactStart = new long[16];
    private long[] contactEnd = new long[16];
    private int[] contactChannel = new int[16];
    private int[] contactWait = new int[16];
    private int[] contactResult = new int[16];
    private int[] contactAttempt = new int[16];

    private static final int RESOLVED = 0;
    private static final int ESCALATED = 1;
    private static final int UNRESOLVED = 2;
    private static final String[] RESULTS = {"resolved", "escalated", "unresolved"};

    // The customer being simulated.
    private int index;
    private double theta;
    private double productTaste;
    private double priceTaste;
    private int preferredVia;
    private boolean appUser;
    private boolean marketing;
    private long marketingUntil;
    private boolean sms;
    private double lambda;
    private byte[] ownId = new byte[0];
    private byte[] aliasId = new byte[0];
    /** Order ids are the purchase's event id with {@code o} for the customer id's first letter: {@code o-0000001.4}. */
    private byte[] orderPrefix = new byte[0];

    /** Creates a simulation with empty buffers. */
    public CustomerSimulation() {}

    /**
     * Simulates customer {@code index} of the world of {@code seed} and appends their rows to {@code block}.
     *
     * @param seed the world's seed
     * @param index the customer's index, from 0
     * @param idWidth the digits of customer numbers
     * @param block where the rows go
     */
    public void simulate(long seed, int index, int idWidth, Block block) {
        this.index = index;
        this.ownId = idOf("c-", index, idWidth);
        this.aliasId = idOf("s-", index, idWidth);
        this.orderPrefix = idOf("o-", index, idWidth);
        events.clear();
        purchases = 0;
        contacts = 0;

        Rng root = Rng.forCustomer(seed, index);
        Rng profile = root.split();
        Rng buying = root.split();
        Rng service = root.split();
        Rng surveys = root.split();
        Rng marketingRng = root.split();
        Rng membershipRng = root.split();

        int via = profile.pick(ACQUISITION);
        int country = profile.pick(COUNTRY_SHARES);
        boolean buyer = profile.chance(WorldModel.BUYER_SHARE);
        Plan plan = buyer ? Plan.values()[profile.pick(PLAN_SHARES)] : Plan.NONE;
        theta = profile.beta(plan.alpha(), plan.beta());
        productTaste = profile.normal();
        priceTaste = profile.normal();
        appUser = via == VIA_APP || profile.chance(0.3);
        preferredVia = via == VIA_SOCIAL ? VIA_WEB : via;
        long firstTouch = WorldModel.START + (long) (profile.uniform() * WorldModel.ACQUISITION_DAYS * DAY);
        marketing = profile.chance(0.55);
        boolean revokes = marketing && profile.chance(0.08);
        marketingUntil = revokes ? firstTouch + (long) (profile.uniform() * (END - firstTouch)) : END;
        boolean serviceCalls = profile.chance(0.70);
        sms = profile.chance(0.25);
        boolean phoneKnown = profile.chance(0.60);
        boolean hasAlias = profile.chance(0.03);
        boolean discount = plan != Plan.NONE && profile.chance(Math.min(0.9, 0.1 + 0.8 * theta));

        long aliveUntil;
        long firstPurchase = -1;
        if (buyer) {
            firstPurchase = firstJourney(firstTouch, via, buying);
            aliveUntil = repeatPurchases(firstPurchase, buying);
            serviceContacts(service);
            surveys(surveys);
            browsing(firstPurchase, aliveUntil, marketingRng);
        } else {
            prospectJourney(firstTouch, via, buying);
            aliveUntil = firstTouch + 60 * DAY;
        }
        long joined = -1;
        int tenureDays = 0;
        boolean churned = false;
        if (plan != Plan.NONE) {
            joined = firstPurchase + 60 + (long) (membershipRng.uniform() * 540);
            int row = events.interaction(joined, Place.MEMBERSHIP, "joined", 90, false);
            events.plan[row] = plan.label();
            // sBG: renew every period with probability 1 - theta, leave at the first failure.
            int periods = 1;
            while (!membershipRng.chance(theta)) {
                periods++;
                if (joined + (long) periods * WorldModel.PERIOD_DAYS * DAY >= END + WorldModel.PERIOD_DAYS * DAY) {
                    break;
                }
            }
            long leaves = joined + (long) periods * WorldModel.PERIOD_DAYS * DAY;
            churned = leaves < END;
            if (churned) {
                long at = leaves - 3600 - (long) (membershipRng.uniform() * 71 * 3600);
                int cancel;
                if (membershipRng.chance(0.3)) {
                    cancel = events.interaction(at, Place.HOTLINE, "cancelled", 240, false);
                    events.wait[cancel] = (int) membershipRng.logNormal(MEDIAN_WAIT[0] * (1 + WAIT_THETA[0] * theta), 0.7);
                } else {
                    cancel = events.interaction(at, Place.MEMBERSHIP, "cancelled", 60, false);
                }
                events.plan[cancel] = plan.label();
                tenureDays = periods * WorldModel.PERIOD_DAYS;
            } else {
                tenureDays = (int) ((END - joined) / DAY);
            }
        }
        if (hasAlias) {
            int visits = 1 + marketingRng.poisson(1.0);
            long until = Math.max(firstTouch + DAY, Math.min(aliveUntil, END));
            for (int v = 0; v < visits; v++) {
                long at = firstTouch + (long) (marketingRng.uniform() * (until - firstTouch));
                events.interaction(at, Place.STORE_VISIT, "visited", (int) marketingRng.uniform(600, 2400), true);
            }
        }
        events.dropFrom(END);
        events.sortByTime();

        writeCustomers(block, profile, via, country, buyer, plan, firstTouch, serviceCalls, phoneKnown, hasAlias,
                revokes, joined, churned);
        writeEvents(block);
        if (plan != Plan.NONE) {
            writeSubject(block, plan, joined, tenureDays, churned, discount);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Journeys and purchases

    /** Writes the first journey of a buyer and the first purchase; returns its time. */
    private long firstJourney(long firstTouch, int via, Rng rng) {
        long delay = via == VIA_STORE || rng.chance(0.6) ? (long) rng.uniform(1200, 2400)
                : (long) Math.min(rng.exponential(3 * DAY), 20 * DAY) + (long) rng.uniform(1200, 2400);
        long purchaseAt = firstTouch + delay;
        boolean skipsConsideration = via != VIA_STORE && rng.chance(0.08);
        switch (via) {
            case VIA_WEB, VIA_SOCIAL -> {
                entryAd(firstTouch, via, rng);
                if (!skipsConsideration) {
                    productViews(firstTouch, purchaseAt, Place.PRODUCT, rng);
                }
                events.interaction(purchaseAt - (long) rng.uniform(60, 240), Place.CART, "added",
                        (int) rng.uniform(20, 120), false);
                recordPurchase(purchaseAt, Place.CHECKOUT);
            }
            case VIA_APP -> {
                events.interaction(firstTouch, Place.APP_HOME, VIEWED, (int) rng.uniform(10, 90), false);
                if (!skipsConsideration) {
                    productViews(firstTouch, purchaseAt, Place.APP_PRODUCT, rng);
                }
                recordPurchase(purchaseAt, Place.APP_CHECKOUT);
            }
            default -> {
                events.interaction(firstTouch, Place.STORE_VISIT, "visited", (int) delay, false);
                recordPurchase(purchaseAt, Place.STORE_TILL);
            }
        }
        return purchaseAt;
    }

    private void entryAd(long at, int via, Rng rng) {
        if (via == VIA_SOCIAL) {
            int row = events.interaction(at, Place.SOCIAL_AD, CLICKED, 0, false);
            events.campaign[row] = SOCIAL_CAMPAIGNS[rng.below(SOCIAL_CAMPAIGNS.length)];
        } else if (rng.chance(0.5)) {
            int row = events.interaction(at, Place.SEARCH_AD, CLICKED, 0, false);
            events.campaign[row] = SEARCH_CAMPAIGNS[rng.below(SEARCH_CAMPAIGNS.length)];
        } else {
            events.interaction(at, Place.HOME, VIEWED, (int) rng.uniform(10, 90), false);
        }
    }

    /** One to three product views between the first touch and the purchase (the last shortly before it). */
    private void productViews(long from, long purchaseAt, Place where, Rng rng) {
        int views = 1 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.2) ? 1 : 0);
        long last = purchaseAt - (long) rng.uniform(300, 900);
        for (int v = 0; v < views; v++) {
            long at = v == views - 1 ? last : from + 30 + (long) (rng.uniform() * Math.max(1, last - from - 60));
            events.interaction(Math.max(from + 1, at), where, VIEWED, (int) rng.uniform(20, 300), false);
        }
    }

    /** Writes the first journey of a customer who never buys, to where they drop out. */
    private void prospectJourney(long firstTouch, int via, Rng rng) {
        int drop = rng.pick(PROSPECT_DROP);
        long at = firstTouch;
        switch (via) {
            case VIA_WEB, VIA_SOCIAL -> {
                entryAd(at, via, rng);
                if (drop >= 1) {
                    at += (long) rng.uniform(60, rng.chance(0.5) ? 1200 : 5 * DAY);
                    productViews(at - 10, at + 600, Place.PRODUCT, rng);
                }
                if (drop >= 2) {
                    events.interaction(at + 700, Place.CART, "abandoned", (int) rng.uniform(30, 300), false);
                }
            }
            case VIA_APP -> {
                events.interaction(at, Place.APP_HOME, VIEWED, (int) rng.uniform(10, 90), false);
                if (drop >= 1) {
                    at += (long) rng.uniform(60, 1200);
                    productViews(at - 10, at + 600, Place.APP_PRODUCT, rng);
                }
                if (drop >= 2) {
                    events.interaction(at + 700, Place.APP_CHECKOUT, "abandoned", (int) rng.uniform(30, 300), false);
                }
            }
            default -> events.interaction(at, Place.STORE_VISIT, "visited", (int) rng.uniform(300, 1800), false);
        }
    }

    /**
     * Draws the repeat purchases of BG/NBD from the first purchase on: the customer buys at rate lambda ~
     * Gamma(r, alpha) per week and, after each repeat purchase, leaves with probability p ~ Beta(a, b). Each
     * purchase is worth z ~ Gamma(p, nu), nu ~ Gamma(q, v). Returns when the customer left, or the end.
     */
    private long repeatPurchases(long firstPurchase, Rng rng) {
        lambda = rng.gamma(WorldModel.BG_R, 1 / WorldModel.BG_ALPHA);
        double dropOut = rng.beta(WorldModel.BG_A, WorldModel.BG_B);
        double spendRate = rng.gamma(WorldModel.GG_Q, 1 / WorldModel.GG_V);
        writePurchase(0, rng, spendRate);
        double t = firstPurchase;
        long aliveUntil = END;
        while (true) {
            t += rng.exponential(WorldModel.WEEK / lambda);
            if (t >= END) {
                break;
            }
            long at = (long) t;
            purchaseSession(at, rng);
            writePurchase(purchases - 1, rng, spendRate);
            if (rng.chance(dropOut)) {
                aliveUntil = at;
                break;
            }
        }
        return aliveUntil;
    }

    private void writePurchase(int i, Rng rng, double spendRate) {
        double value = rng.gamma(WorldModel.GG_P, 1 / spendRate);
        long cents = Math.max(1, Math.round(value * 100));
        int items = 1 + (int) Math.min(8, value / 35);
        events.purchase(purchaseTime[i], purchasePlace[i], cents, items);
    }

    private void recordPurchase(long at, Place where) {
        if (purchases == purchaseTime.length) {
            purchaseTime = Arrays.copyOf(purchaseTime, purchases * 2);
            purchasePlace = Arrays.copyOf(purchasePlace, purchases * 2);
        }
        purchaseTime[purchases] = at;
        purchasePlace[purchases] = where;
        purchases++;
    }

    /** The session before a repeat purchase: an entry point, a product view, the cart, then the order. */
    private void purchaseSession(long at, Rng rng) {
        int via = rng.chance(0.8) ? preferredVia : rng.chance(0.5) ? VIA_WEB : appUser ? VIA_APP : VIA_STORE;
        switch (via) {
            case VIA_APP -> {
                if (rng.chance(0.4)) {
                    events.interaction(at - (long) rng.uniform(600, 1800), Place.APP_HOME, VIEWED,
                            (int) rng.uniform(10, 90), false);
                }
                events.interaction(at - (long) rng.uniform(120, 500), Place.APP_PRODUCT, VIEWED,
                        (int) rng.uniform(20, 240), false);
                recordPurchase(at, Place.APP_CHECKOUT);
            }
            case VIA_STORE -> {
                long visit = at - (long) rng.uniform(600, 2400);
                events.interaction(visit, Place.STORE_VISIT, "visited", (int) (at - visit), false);
                recordPurchase(at, Place.STORE_TILL);
            }
            default -> {
                double entry = rng.uniform();
                long entryAt = at - (long) rng.uniform(600, 1800);
                if (entry < 0.25 && marketing && at < marketingUntil) {
                    events.interaction(entryAt, Place.NEWSLETTER, CLICKED, 0, false);
                } else if (entry < 0.30 && sms) {
                    events.interaction(entryAt, Place.SMS_OFFER, CLICKED, 0, false);
                } else if (entry < 0.50) {
                    events.interaction(entryAt, Place.HOME, VIEWED, (int) rng.uniform(10, 90), false);
                }
                events.interaction(at - (long) rng.uniform(300, 500), Place.PRODUCT, VIEWED,
                        (int) rng.uniform(20, 240), false);
                events.interaction(at - (long) rng.uniform(60, 240), Place.CART, "added", (int) rng.uniform(20, 60),
                        false);
                recordPurchase(at, Place.CHECKOUT);
            }
        }
    }

    /** Sessions without a purchase while the customer is alive, newsletter and SMS clicks. */
    private void browsing(long from, long until, Rng rng) {
        double t = from;
        double meanGap = 2 * WorldModel.WEEK / lambda;
        while (true) {
            t += rng.exponential(meanGap);
            if (t >= until) {
                break;
            }
            long at = (long) t;
            if (preferredVia == VIA_APP) {
                events.interaction(at, Place.APP_PRODUCT, VIEWED, (int) rng.uniform(20, 240), false);
            } else if (preferredVia == VIA_STORE) {
                events.interaction(at, Place.STORE_VISIT, "visited", (int) rng.uniform(300, 1800), false);
            } else {
                events.interaction(at, Place.PRODUCT, VIEWED, (int) rng.uniform(20, 240), false);
                if (rng.chance(0.3)) {
                    events.interaction(at + (long) rng.uniform(60, 400), Place.CART, "abandoned",
                            (int) rng.uniform(20, 200), false);
                }
            }
        }
        if (marketing) {
            for (long send = from + 14 * DAY; send < Math.min(until, marketingUntil); send += 14 * DAY) {
                if (rng.chance(0.05)) {
                    events.interaction(send + (long) rng.exponential(6 * 3600), Place.NEWSLETTER, CLICKED, 0, false);
                }
            }
        }
        if (sms) {
            for (long send = from + 30 * DAY; send < until; send += 30 * DAY) {
                if (rng.chance(0.08)) {
                    events.interaction(send + (long) rng.exponential(3600), Place.SMS_OFFER, CLICKED, 0, false);
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Service contacts

    /**
     * After each purchase, an issue with probability CONTACT_BASE + CONTACT_PER_THETA * theta: up to three
     * contacts until it is resolved. Waits grow with theta, and long waits make resolution less likely.
     */
    private void serviceContacts(Rng rng) {
        for (int p = 0; p < purchases; p++) {
            if (!rng.chance(WorldModel.CONTACT_BASE + WorldModel.CONTACT_PER_THETA * theta)) {
                continue;
            }
            long at = purchaseTime[p] + 600 + (long) rng.exponential(2 * DAY);
            for (int attempt = 1; attempt <= 3; attempt++) {
                int channel = attempt == 1 ? rng.pick(CONTACT_CHANNELS) : rng.chance(0.7) ? 0 : 1;
                int wait = (int) Math.min(20 * 3600 * (channel == 2 ? 5 : 1),
                        rng.logNormal(MEDIAN_WAIT[channel] * (1 + WAIT_THETA[channel] * theta), channel == 2 ? 0.6 : 0.7));
                int handle = channel == 2 ? 0 : (int) rng.logNormal(MEDIAN_HANDLE[channel], 0.5);
                double waitMinutes = channel == 2 ? 0 : Math.min(20, wait / 60.0);
                double resolve = Math.min(0.97, Math.max(0.1, WorldModel.RESOLVE_BASE
                        - WorldModel.RESOLVE_PER_THETA * theta - WorldModel.RESOLVE_PER_WAIT_MINUTE * waitMinutes)
                        + 0.15 * (attempt - 1));
                int result = rng.chance(resolve) ? RESOLVED : rng.chance(0.35) ? ESCALATED : UNRESOLVED;
                int row = events.interaction(at, CONTACT_PLACES[channel], RESULTS[result], handle, false);
                events.wait[row] = wait;
                recordContact(at, at + wait + handle, channel, wait, result, attempt);
                if (result == RESOLVED || !rng.chance(0.8)) {
                    break;
                }
                at += DAY + (long) (rng.uniform() * 2 * DAY);
            }
        }
    }

    private void recordContact(long start, long end, int channel, int wait, int result, int attempt) {
        if (contacts == contactStart.length) {
            int n = contacts * 2;
            contactStart = Arrays.copyOf(contactStart, n);
            contactEnd = Arrays.copyOf(contactEnd, n);
            contactChannel = Arrays.copyOf(contactChannel, n);
            contactWait = Arrays.copyOf(contactWait, n);
            contactResult = Arrays.copyOf(contactResult, n);
            contactAttempt = Arrays.copyOf(contactAttempt, n);
        }
        contactStart[contacts] = start;
        contactEnd[contacts] = end;
        contactChannel[contacts] = channel;
        contactWait[contacts] = wait;
        contactResult[contacts] = result;
        contactAttempt[contacts] = attempt;
        contacts++;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Surveys

    /** The surveys after purchases (NPS, delivery CSAT) and after contacts (NPS, CSAT or CES). */
    private void surveys(Rng rng) {
        for (int p = 0; p < purchases; p++) {
            if (rng.chance(0.2)) {
                long at = purchaseTime[p] + (long) rng.uniform(20 * 3600, 48 * 3600);
                nps(at, Survey.POST_PURCHASE_NPS, purchasePlace[p], latestContactBefore(at), rng);
            }
            if (rng.chance(0.1)) {
                long at = purchaseTime[p] + (long) rng.uniform(3 * DAY, 6 * DAY);
                int score = clamp((int) Math.round(rng.normal(4.2, 0.8)), 1, 5);
                String comment = null;
                if (score <= 2 && rng.chance(0.5)) {
                    comment = Comments.of(Theme.DELIVERY, 0, rng);
                } else if (score == 5 && rng.chance(0.15)) {
                    comment = Comments.of(Theme.PRAISE, 0, rng);
                }
                events.feedback(at, Survey.DELIVERY_CSAT, score, comment, null);
            }
        }
        for (int c = 0; c < contacts; c++) {
            double which = rng.uniform();
            long at = contactEnd[c] + (long) rng.uniform(600, 6 * 3600);
            Place place = CONTACT_PLACES[contactChannel[c]];
            if (which < 0.18) {
                nps(at, Survey.SUPPORT_NPS, place, c, rng);
            } else if (which < 0.62) {
                boolean failed = contactResult[c] != RESOLVED;
                double slowness = StrictMath.log(1 + contactWait[c] / (double) TYPICAL_WAIT[contactChannel[c]]);
                Survey survey = which < 0.48 ? Survey.SUPPORT_CSAT : Survey.SUPPORT_CES;
                int score = survey == Survey.SUPPORT_CSAT
                        ? clamp((int) Math.round(4.4 - 1.7 * (failed ? 1 : 0) - 0.45 * slowness + rng.normal(0, 0.55)), 1, 5)
                        : clamp((int) Math.round(6.2 - 2.2 * (failed ? 1 : 0) - 0.9 * (contactAttempt[c] - 1)
                                - 0.5 * slowness + rng.normal(0, 0.8)), 1, 7);
                boolean low = survey == Survey.SUPPORT_CSAT ? score <= 2 : score <= 3;
                boolean high = survey == Survey.SUPPORT_CSAT ? score == 5 : score >= 6;
                String comment = null;
                if (low && rng.chance(0.45)) {
                    Theme theme = failed ? Theme.UNRESOLVED : slowness <= 1.2 ? Theme.MIXED
                            : contactChannel[c] == 2 ? Theme.SLOW_REPLY : Theme.LONG_WAIT;
                    comment = Comments.of(theme, theme == Theme.SLOW_REPLY ? Math.max(1, contactWait[c] / 3600)
                            : waitMinutes(c), rng);
                } else if (high && rng.chance(0.2)) {
                    comment = Comments.of(Theme.PRAISE, 0, rng);
                }
                events.feedback(at, survey, score, comment, place);
            }
        }
    }

    /**
     * An NPS response: the five driver ratings come from what happened (the latest contact's wait and outcome,
     * the customer's tastes), and the likelihood to recommend is linear in them (see {@link WorldModel}).
     */
    private void nps(long at, Survey survey, Place rated, int contact, Rng rng) {
        boolean contacted = contact >= 0;
        double slowness = contacted
                ? StrictMath.log(1 + contactWait[contact] / (double) TYPICAL_WAIT[contactChannel[contact]]) : 0;
        ratings[0] = rating(contacted ? 4.9 - 1.2 * slowness + rng.normal(0, 0.6) : rng.normal(4.1, 0.8));
        double resolution = !contacted ? rng.normal(4.2, 0.7)
                : switch (contactResult[contact]) {
                    case RESOLVED -> rng.normal(4.4, 0.6);
                    case ESCALATED -> rng.normal(2.5, 0.8);
                    default -> rng.normal(1.8, 0.7);
                };
        ratings[1] = rating(resolution);
        ratings[2] = rating(3.9 + 0.7 * productTaste + rng.normal(0, 0.5));
        ratings[3] = rating(3.2 + 0.6 * priceTaste + rng.normal(0, 0.7));
        ratings[4] = rating(rng.normal(4.1, 0.8));
        double recommend = WorldModel.RECOMMEND_INTERCEPT + rng.normal(0, WorldModel.RECOMMEND_NOISE);
        for (int k = 0; k < ratings.length; k++) {
            recommend += WorldModel.DRIVER_WEIGHTS[k] * ratings[k];
        }
        int score = clamp((int) Math.round(recommend), 0, 10);
        String comment = null;
        if (score <= 6) {
            if (rng.chance(0.55)) {
                Theme pain = painOf(contacted);
                boolean byMail = contacted && contactChannel[contact] == 2;
                comment = pain == Theme.LONG_WAIT && byMail
                        ? Comments.of(Theme.SLOW_REPLY, Math.max(1, contactWait[contact] / 3600), rng)
                        : Comments.of(pain, contacted ? waitMinutes(contact) : 0, rng);
            }
        } else if (score <= 8) {
            if (rng.chance(0.25)) {
                comment = Comments.of(Theme.MIXED, 0, rng);
            }
        } else if (rng.chance(0.4)) {
            comment = Comments.of(Theme.PRAISE, 0, rng);
        }
        int row = events.feedback(at, survey, score, comment, rated);
        events.ratings(row, ratings);
    }

    /** The theme of a detractor's comment: their lowest rating (support ratings only after a contact). */
    private Theme painOf(boolean contacted) {
        Theme[] themes = {Theme.LONG_WAIT, Theme.UNRESOLVED, Theme.PRODUCT, Theme.PRICE, Theme.DELIVERY};
        int worst = -1;
        for (int k = 0; k < ratings.length; k++) {
            if ((contacted || k >= 2) && (worst < 0 || ratings[k] < ratings[worst])) {
                worst = k;
            }
        }
        return ratings[worst] >= 4 ? Theme.MIXED : themes[worst];
    }

    private int waitMinutes(int contact) {
        return Math.max(1, (int) Math.round(contactWait[contact] / 60.0));
    }

    /** Returns the latest contact that ended before {@code at}, or -1. */
    private int latestContactBefore(long at) {
        int latest = -1;
        for (int c = 0; c < contacts; c++) {
            if (contactEnd[c] < at && (latest < 0 || contactEnd[c] > contactEnd[latest])) {
                latest = c;
            }
        }
        return latest;
    }

    private static int rating(double value) {
        return clamp((int) Math.round(value), 1, 5);
    }

    private static int clamp(int value, int low, int high) {
        return Math.max(low, Math.min(high, value));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Output

    private void appendCustomerId(Ascii out, boolean alias) {
        out.append(alias ? aliasId : ownId);
    }

    private String customerId(boolean alias) {
        return new String(alias ? aliasId : ownId, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static byte[] idOf(String prefix, int index, int width) {
        Ascii id = new Ascii(16);
        id.append(prefix).appendPadded(index + 1L, width);
        return id.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /**
     * Writes the customer's record (and their second id's) to {@code customers.ndjson}, exactly as
     * {@code CxmJson.mapper()} writes a {@code Customer} (the tests compare them byte for byte): profile
     * attributes, consents, segments and identities, the e-mail and phone hashed as {@code Identity} does.
     */
    private void writeCustomers(Block block, Rng rng, int via, int country, boolean buyer, Plan plan, long firstTouch,
            boolean serviceCalls, boolean phoneKnown, boolean hasAlias, boolean revokes, long joined, boolean churned) {
        Ascii out = block.customers;
        out.append("{\"id\":\"").append(ownId).append("\",\"firstSeen\":\"");
        Times.appendInstant(out, firstTouch);
        out.append("\",\"profile\":{\"country\":\"").append(COUNTRIES[country]).append("\",\"timeZone\":\"")
                .append(ZONES[country]).append("\",\"acquiredVia\":\"").append(VIA_LABELS[via])
                .append("\",\"plan\":\"").append(plan.label()).append('"');
        if (plan != Plan.NONE) {
            out.append(",\"memberSince\":\"");
            Times.appendInstant(out, joined);
            out.append('"');
        }
        out.append("},\"consents\":[");
        consent(out, "marketing-email", marketing ? "GRANTED" : "DENIED", firstTouch);
        out.append(',');
        consent(out, "service-call", serviceCalls ? "GRANTED" : "DENIED", firstTouch);
        out.append(',');
        consent(out, "sms", sms ? "GRANTED" : "DENIED", firstTouch);
        if (revokes) {
            out.append(',');
            consent(out, "marketing-email", "REVOKED", marketingUntil);
        }
        out.append("],\"segments\":[");
        if (!buyer) {
            out.append("\"prospects\"");
        } else if (plan == Plan.NONE) {
            out.append("\"buyers\"");
        } else {
            out.append(churned ? "\"buyers\",\"former-members\",\"plan-" : "\"buyers\",\"members\",\"plan-")
                    .append(plan.label()).append('"');
        }
        if (marketing && !revokes) {
            out.append(",\"newsletter\"");
        }
        out.append("],\"identities\":[");
        String number = customerId(false).substring(2);
        String email = Hashes.sha256Hex("customer" + number + "@example.com");
        identity(out, "EMAIL_HASH", email);
        if (phoneKnown) {
            out.append(',');
            identity(out, "PHONE_HASH", Hashes.sha256Hex("+4915" + number + (index % 10)));
        }
        if (appUser) {
            out.append(',');
            identity(out, "DEVICE_ID", "app-" + Integer.toHexString(rng.below(Integer.MAX_VALUE) | 0x10000000));
        }
        out.append("]}\n");
        block.records++;
        if (hasAlias) {
            long aliasSeen = END - 1;
            for (int i = 0; i < events.size; i++) {
                if (events.alias[i]) {
                    aliasSeen = Math.min(aliasSeen, events.time[i]);
                }
            }
            out.append("{\"id\":\"").append(aliasId).append("\",\"firstSeen\":\"");
            Times.appendInstant(out, aliasSeen);
            out.append("\",\"profile\":{\"source\":\"store-card\"},\"consents\":[],\"segments\":[],\"identities\":[");
            identity(out, "EMAIL_HASH", email);
            out.append(',');
            identity(out, "EXTERNAL_ID", "card-" + number);
            out.append("]}\n");
            block.records++;
        }
    }

    private static void consent(Ascii out, String purpose, String status, long at) {
        out.append("{\"purpose\":\"").append(purpose).append("\",\"status\":\"").append(status).append("\",\"at\":\"");
        Times.appendInstant(out, at);
        out.append("\"}");
    }

    private static void identity(Ascii out, String type, String value) {
        out.append("{\"type\":\"").append(type).append("\",\"value\":\"").append(value).append("\"}");
    }

    private void writeEvents(Block block) {
        int seqOwn = 0;
        int seqAlias = 0;
        for (int k = 0; k < events.size; k++) {
            int i = events.order[k];
            boolean alias = events.alias[i];
            int seq = alias ? ++seqAlias : ++seqOwn;
            byte[] id = alias ? aliasId : ownId;
            EventRows.csv(block.eventsCsv, events, i, id, orderPrefix, seq);
            EventRows.ndjson(block.eventsNdjson, events, i, id, orderPrefix, seq);
            int ratingsRow = events.ratingsRow[i];
            if (ratingsRow != EventBuffer.NONE) {
                Ascii out = block.drivers;
                appendCustomerId(out, false);
                out.append('.').append(seq).append(',');
                appendCustomerId(out, false);
                out.append(',').append(events.score[i]);
                int width = ratings.length;
                for (int d = 0; d < width; d++) {
                    out.append(',').append(events.ratings[ratingsRow * width + d]);
                }
                int score = events.score[i];
                out.append(',').append(score <= 6 ? "detractor" : score <= 8 ? "passive" : "promoter").append(',');
                String text = events.comment[i];
                if (text != null) {
                    out.appendCsvCell(text);
                }
                out.append('\n');
            }
        }
        block.events += events.size;
    }

    private void writeSubject(Block block, Plan plan, long joined, int tenureDays, boolean churned, boolean discount) {
        long until = joined + tenureDays * DAY;
        int count = 0;
        int unresolved = 0;
        for (int c = 0; c < contacts; c++) {
            if (contactStart[c] >= joined && contactStart[c] < until) {
                count++;
                unresolved += contactResult[c] != RESOLVED ? 1 : 0;
            }
        }
        double months = Math.max(1, tenureDays / (double) WorldModel.PERIOD_DAYS);
        Ascii out = block.subjects;
        appendCustomerId(out, false);
        out.append(',').append(tenureDays).append(',').append(churned ? '1' : '0').append(',').append(plan.label())
                .append(',').append(discount ? '1' : '0').append(',')
                .appendFixed(Math.round(count / months * 1000), 3).append(',')
                .appendFixed(count == 0 ? 0 : Math.round(unresolved * 1000.0 / count), 3).append('\n');
    }

    private static double[] cumulative(double... weights) {
        double[] sums = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            sums[i] = sum;
        }
        return sums;
    }
}
