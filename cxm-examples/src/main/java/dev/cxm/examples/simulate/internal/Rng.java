package dev.cxm.examples.simulate.internal;

import java.util.SplittableRandom;

/**
 * The random draws of the simulator on one {@link SplittableRandom} stream. Every transcendental function is
 * {@link StrictMath}'s, whose results the Java specification fixes bit for bit, so that a seed gives the same
 * world on every JVM and platform (Math's intrinsics may differ in the last place between JVMs).
 */
public final class Rng {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final SplittableRandom random;

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /**
     * Returns the stream of one customer: a function of the world's seed and the customer's index only, so
     * customers can be generated in any order, on any thread, and give the same draws.
     *
     * @param seed the world's seed
     * @param index the customer's index, from 0
     * @return the customer's stream
     */
    public static Rng forCustomer(long seed, long index) {
        return new Rng(new SplittableRandom(mix(seed + GOLDEN_GAMMA * (index + 1))));
    }

    /**
     * Returns an independent stream split off this one, for one process of the customer (purchases, service,
     * surveys), so that changing how one process draws leaves the others' draws as they were.
     *
     * @return the new stream
     */
    public Rng split() {
        return new Rng(random.split());
    }

    /** SplitMix64's finaliser (Steele, Lea &amp; Flood 2014): spreads neighbouring seeds over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /**
     * Returns a uniform draw from [0, 1).
     *
     * @return the draw
     */
    public double uniform() {
        return random.nextDouble();
    }

    /**
     * Returns a uniform draw from [low, high).
     *
     * @param low the lower bound
     * @param high the upper bound, above {@code low}
     * @return the draw
     */
    public double uniform(double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /**
     * Returns a uniform integer from [0, bound).
     *
     * @param bound the exclusive upper bound, positive
     * @return the draw
     */
    public int below(int bound) {
        return random.nextInt(bound);
    }

    /**
     * Returns true with probability {@code p}.
     *
     * @param p the probability
     * @return the draw
     */
    public boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /**
     * Returns an exponential draw with the given mean.
     *
     * @param mean the mean, positive
     * @return the draw
     */
    public double exponential(double mean) {
        return -mean * StrictMath.log1p(-random.nextDouble());
    }

    /**
     * Returns a standard normal draw (Marsaglia's polar method; the second value is dropped so that every
     * draw takes the same stream positions whatever came before).
     *
     * @return the draw
     */
    public double normal() {
        while (true) {
            double u = 2 * random.nextDouble() - 1;
            double v = 2 * random.nextDouble() - 1;
            double s = u * u + v * v;
            if (s > 0 && s < 1) {
                return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
            }
        }
    }

    /**
     * Returns a normal draw.
     *
     * @param mean the mean
     * @param sd the standard deviation
     * @return the draw
     */
    public double normal(double mean, double sd) {
        return mean + sd * normal();
    }

    /**
     * Returns a log-normal draw: {@code median * exp(sigma Z)}.
     *
     * @param median the median, positive
     * @param sigma the standard deviation of the logarithm
     * @return the draw
     */
    public double logNormal(double median, double sigma) {
        return median * StrictMath.exp(sigma * normal());
    }

    /**
     * Returns a Gamma draw (Marsaglia &amp; Tsang 2000; below shape 1 boosted by {@code U^(1/shape)}).
     *
     * @param shape the shape, positive
     * @param scale the scale, positive (the mean is {@code shape * scale})
     * @return the draw
     */
    public double gamma(double shape, double scale) {
        if (shape < 1) {
            double boost = StrictMath.pow(1 - random.nextDouble(), 1 / shape);
            return gamma(shape + 1, scale) * boost;
        }
        double d = shape - 1.0 / 3;
        double c = 1 / StrictMath.sqrt(9 * d);
        while (true) {
            double x = normal();
            double v = 1 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x
                    || StrictMath.log(u) < 0.5 * x * x + d * (1 - v + StrictMath.log(v))) {
                return d * v * scale;
            }
        }
    }

    /**
     * Returns a Beta draw, as {@code X / (X + Y)} of two Gamma draws.
     *
     * @param a the first shape, positive
     * @param b the second shape, positive
     * @return the draw, in (0, 1)
     */
    public double beta(double a, double b) {
        double x = gamma(a, 1);
        double y = gamma(b, 1);
        return x / (x + y);
    }

    /**
     * Returns a Poisson draw by counting exponential gaps (the means here are small).
     *
     * @param mean the mean, 0 or more
     * @return the draw
     */
    public int poisson(double mean) {
        int count = 0;
        double time = exponential(1);
        while (time < mean) {
            count++;
            time += exponential(1);
        }
        return count;
    }

    /**
     * Returns an index drawn with the given weights.
     *
     * @param cumulative the cumulative weights, ending in the total
     * @return the index of the drawn weight
     */
    public int pick(double[] cumulative) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (u < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }
}
