package dev.cxm.metrics.clv;

import java.util.SplittableRandom;

/**
 * The buy-till-you-die stories told as code, independently of the library: draws each customer's latent
 * rates and plays their purchases forward in time. Tests compare the models' closed forms with what this
 * simulation produces.
 */
final class GenerativeSimulation {

    /**
     * One simulated customer: calibration history up to T, whether alive at T and (for discrete opportunities)
     * at the next opportunity, and purchases after T.
     */
    record Customer(int frequency, double recency, double age, boolean aliveAtAge, boolean aliveAtNextOpportunity,
            int holdoutPurchases) {}

    private final SplittableRandom random;

    GenerativeSimulation(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * BG/NBD ({@code atFirstPurchase = false}) or MBG/NBD ({@code true}): purchases at rate lambda while
     * alive; after each repeat purchase (and, for MBG/NBD, after the first one at time 0) the customer
     * drops out with probability p.
     */
    Customer betaGeometric(double r, double alpha, double a, double b, boolean atFirstPurchase, double age,
            double horizon) {
        double lambda = gamma(r) / alpha;
        double p = beta(a, b);
        boolean alive = !atFirstPurchase || random.nextDouble() >= p;
        int frequency = 0;
        double recency = 0;
        int holdout = 0;
        double time = 0;
        boolean aliveAtAge = alive;
        while (alive) {
            time += exponential() / lambda;
            if (time > age + horizon) {
                break;
            }
            if (time <= age) {
                frequency++;
                recency = time;
            } else {
                holdout++;
            }
            alive = random.nextDouble() >= p;
            if (time <= age) {
                aliveAtAge = alive;
            }
        }
        return new Customer(frequency, recency, age, aliveAtAge, aliveAtAge, holdout);
    }

    /** Returns the repeat purchase times in {@code (0, until]} of a new BG/NBD customer. */
    java.util.List<Double> betaGeometricPurchaseTimes(double r, double alpha, double a, double b, double until) {
        double lambda = gamma(r) / alpha;
        double p = beta(a, b);
        java.util.List<Double> times = new java.util.ArrayList<>();
        double time = 0;
        while (true) {
            time += exponential() / lambda;
            if (time > until) {
                return times;
            }
            times.add(time);
            if (random.nextDouble() < p) {
                return times;
            }
        }
    }

    /** Pareto/NBD: purchases at rate lambda until an exponential lifetime of rate mu ends. */
    Customer paretoNbd(double r, double alpha, double s, double beta, double age, double horizon) {
        double lambda = gamma(r) / alpha;
        double mu = gamma(s) / beta;
        double death = exponential() / mu;
        int frequency = 0;
        double recency = 0;
        int holdout = 0;
        double time = exponential() / lambda;
        while (time <= Math.min(death, age + horizon)) {
            if (time <= age) {
                frequency++;
                recency = time;
            } else {
                holdout++;
            }
            time += exponential() / lambda;
        }
        return new Customer(frequency, recency, age, death > age, death > age, holdout);
    }

    /**
     * BG/BB: in each of {@code opportunities + horizon} periods a customer alive at its start first survives
     * with probability 1 - theta, then buys with probability p.
     */
    Customer betaGeometricBetaBinomial(double alpha, double beta, double gamma, double delta, int opportunities,
            int horizon) {
        double p = beta(alpha, beta);
        double theta = beta(gamma, delta);
        int frequency = 0;
        int recency = 0;
        int holdout = 0;
        boolean alive = true;
        boolean aliveNow = opportunities == 0;
        boolean aliveAfter = false;
        for (int period = 1; period <= opportunities + Math.max(horizon, 1) && alive; period++) {
            alive = random.nextDouble() >= theta;
            if (period == opportunities) {
                aliveNow = alive;
            }
            if (period == opportunities + 1) {
                aliveAfter = alive;
            }
            if (alive && random.nextDouble() < p) {
                if (period <= opportunities) {
                    frequency++;
                    recency = period;
                } else if (period <= opportunities + horizon) {
                    holdout++;
                }
            }
        }
        return new Customer(frequency, recency, opportunities, aliveNow, aliveAfter, holdout);
    }

    double exponential() {
        return -Math.log(1 - random.nextDouble());
    }

    /** Gamma(shape, 1) by Marsaglia and Tsang (2000), boosted for shapes below 1. */
    double gamma(double shape) {
        if (shape < 1) {
            return gamma(shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    double beta(double a, double b) {
        double x = gamma(a);
        return x / (x + gamma(b));
    }

    private double normal() {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }
}
