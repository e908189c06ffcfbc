package dev.cxm.metrics.clv.internal;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

import dev.cxm.metrics.clv.BgNbd;
import dev.cxm.metrics.clv.FitOptions;
import dev.cxm.metrics.clv.MbgNbd;
import dev.cxm.metrics.clv.rfm.internal.CellColumns;
import dev.cxm.metrics.stats.ModelFit;

/**
 * The log-likelihood of the BG/NBD model (Fader, Hardie & Lee 2005, eq. 6) and of the MBG/NBD model
 * (Batislam, Denizel & Filiztekin 2007), which differ only in whether the first purchase is a chance to
 * drop out, with analytic gradient and Hessian in {@code (r, alpha, a, b)}.
 *
 * <p>With {@code k = 0} (BG/NBD) or {@code 1} (MBG/NBD) and {@code B = b + x + k}, a customer's likelihood is
 * <pre>
 *   Gamma(r + x) alpha^r / Gamma(r) * B(a, B) / B(a, b)
 *       * [ (alpha + T)^-(r + x) + [x + k > 0] a / (B - 1) (alpha + t_x)^-(r + x) ]
 * </pre>
 * Terms that depend on the frequency alone are computed once per distinct frequency; the rest per row, in
 * log space (the bracket as {@code (alpha + t_x)^-(r+x) (d + exp(-u))} with {@code u >= 0}), in parallel.
 */
public final class BetaGeometricLikelihood extends CellLikelihood {

    static final String[] NAMES = {"r", "alpha", "a", "b"};
    private static final int N = 4;
    private static final int R = 0;
    private static final int ALPHA = 1;
    private static final int A = 2;
    private static final int B = 3;
    private static final int H_RR = Packed.hessian(N, R, R);
    private static final int H_RALPHA = Packed.hessian(N, R, ALPHA);
    private static final int H_ALPHAALPHA = Packed.hessian(N, ALPHA, ALPHA);
    private static final int H_RA = Packed.hessian(N, R, A);
    private static final int H_RB = Packed.hessian(N, R, B);
    private static final int H_ALPHAA = Packed.hessian(N, ALPHA, A);
    private static final int H_ALPHAB = Packed.hessian(N, ALPHA, B);
    private static final int H_AA = Packed.hessian(N, A, A);
    private static final int H_AB = Packed.hessian(N, A, B);
    private static final int H_BB = Packed.hessian(N, B, B);

    private final CellColumns cells;
    private final int extra;

    /** Takes the rows and the drop-out chances before the first repeat purchase: 0 for BG/NBD, 1 for MBG/NBD. */
    public BetaGeometricLikelihood(CellColumns cells, int extra) {
        super(NAMES, 2, cells.totalWeight(), new String[][] {{"r", "alpha", "no heterogeneity in purchase rates"},
                {"a", "b", "no heterogeneity in drop-out probabilities"}});
        this.cells = cells;
        this.extra = extra;
    }

    /** Builds a BG/NBD-type model from fitted parameters. */
    @FunctionalInterface
    public interface ModelOf<M> {
        /** Returns the model of the parameters, in {@code unit}. */
        M of(double r, double alpha, double a, double b, java.time.temporal.ChronoUnit unit);
    }

    /**
     * Fits a BG/NBD-type model, {@code extra} drop-out chances before the first repeat purchase (0 for
     * BG/NBD, 1 for MBG/NBD): the one fit both {@link BgNbd} and {@link MbgNbd} run.
     */
    public static <M> ModelFit<M> fit(String name, int extra, CellColumns cells, FitOptions options,
            ModelOf<M> modelOf) {
        java.util.Optional<String> unidentified = ModelFitter.unidentifiedPurchases(name, cells);
        if (unidentified.isPresent()) {
            return ModelFitter.notIdentified(name, unidentified.get(), ModelFitter.Extras.NONE);
        }
        double rate = ModelFitter.meanRate(cells);
        return ModelFitter.fit(name, cells, options, new double[] {1, 1 / rate, 1, 1},
                rows -> new BetaGeometricLikelihood(rows, extra),
                p -> modelOf.of(p[0], p[1], p[2], p[3], cells.unit()), ModelFitter.Extras.NONE);
    }

    @Override
    public double[] evaluate(double[] parameters, int order) {
        double r = parameters[R];
        double alpha = parameters[ALPHA];
        double a = parameters[A];
        double b = parameters[B];
        int[] xs = cells.distinctFrequencies();
        double[] weightOf = cells.weightPerFrequency();
        // Per distinct frequency: log d = log(a / (B - 1)), or NaN without the drop-out branch.
        double[] logD = new double[xs.length];
        double[] inverseBMinusOne = new double[xs.length];
        double[] sum = new double[Packed.size(N)];
        double lnBeta = Beta.logBeta(a, b);
        addLogGammaRatio(N, R, r, xs, weightOf, order, sum);
        double psiAB = order >= 1 ? Gamma.digamma(a + b) : 0;
        double psiB = order >= 1 ? Gamma.digamma(b) : 0;
        double triAB = order >= 2 ? Gamma.trigamma(a + b) : 0;
        double triB = order >= 2 ? Gamma.trigamma(b) : 0;
        for (int j = 0; j < xs.length; j++) {
            int x = xs[j];
            double w = weightOf[j];
            double bigB = b + x + extra;
            logD[j] = x + extra > 0 ? Math.log(a) - Math.log(bigB - 1) : Double.NaN;
            inverseBMinusOne[j] = x + extra > 0 ? 1 / (bigB - 1) : 0;
            sum[0] += w * (Beta.logBeta(a, bigB) - lnBeta);
            if (order >= 1) {
                double psiAbigB = Gamma.digamma(a + bigB);
                sum[Packed.gradient(A)] += w * (psiAB - psiAbigB);
                sum[Packed.gradient(B)] += w * (Gamma.digamma(bigB) - psiAbigB - psiB + psiAB);
                if (order >= 2) {
                    double triAbigB = Gamma.trigamma(a + bigB);
                    sum[H_AA] += w * (triAB - triAbigB);
                    sum[H_AB] += w * (triAB - triAbigB);
                    sum[H_BB] += w * (Gamma.trigamma(bigB) - triAbigB - triB + triAB);
                }
            }
        }
        double total = cells.totalWeight();
        double logAlpha = Math.log(alpha);
        sum[0] += total * r * logAlpha;
        if (order >= 1) {
            sum[Packed.gradient(R)] += total * logAlpha;
            sum[Packed.gradient(ALPHA)] += total * r / alpha;
            if (order >= 2) {
                sum[H_RALPHA] += total / alpha;
                sum[H_ALPHAALPHA] -= total * r / (alpha * alpha);
            }
        }
        int[] frequency = cells.frequencies();
        int[] slot = cells.frequencyIndex();
        double[] recency = cells.recencies();
        double[] age = cells.ages();
        double[] weight = cells.weights();
        double inverseA = 1 / a;
        double[] rows = ParallelRows.sum(cells.size(), sum.length, (from, to, part) -> {
            for (int i = from; i < to; i++) {
                double w = weight[i];
                double m = r + frequency[i];
                double logAgeTerm = Math.log(alpha + age[i]);
                double inverseAge = 1 / (alpha + age[i]);
                double logDead = logD[slot[i]];
                if (Double.isNaN(logDead)) {
                    part[0] -= w * m * logAgeTerm;
                    if (order >= 1) {
                        part[1 + R] -= w * logAgeTerm;
                        part[1 + ALPHA] -= w * m * inverseAge;
                        if (order >= 2) {
                            part[H_RALPHA] -= w * inverseAge;
                            part[H_ALPHAALPHA] += w * m * inverseAge * inverseAge;
                        }
                    }
                    continue;
                }
                double logRecencyTerm = Math.log(alpha + recency[i]);
                double d = Math.exp(logDead);
                double alive = Math.exp(-m * (logAgeTerm - logRecencyTerm));
                double s = d + alive;
                part[0] += w * (Math.log(s) - m * logRecencyTerm);
                if (order == 0) {
                    continue;
                }
                double pi = alive / s;
                double q = 1 - pi;
                double inverseRecency = 1 / (alpha + recency[i]);
                double inverseB = inverseBMinusOne[slot[i]];
                // gradients of the alive (3) and dead (4) branch logs
                double g3r = -logAgeTerm;
                double g3alpha = -m * inverseAge;
                double g4r = -logRecencyTerm;
                double g4alpha = -m * inverseRecency;
                part[1 + R] += w * (pi * g3r + q * g4r);
                part[1 + ALPHA] += w * (pi * g3alpha + q * g4alpha);
                part[1 + A] += w * q * inverseA;
                part[1 + B] -= w * q * inverseB;
                if (order >= 2) {
                    double mix = w * pi * q;
                    double dr = g3r - g4r;
                    double dalpha = g3alpha - g4alpha;
                    double da = -inverseA;
                    double db = inverseB;
                    part[H_RR] += mix * dr * dr;
                    part[H_RALPHA] += w * (-pi * inverseAge - q * inverseRecency) + mix * dr * dalpha;
                    part[H_RA] += mix * dr * da;
                    part[H_RB] += mix * dr * db;
                    part[H_ALPHAALPHA] += w * m * (pi * inverseAge * inverseAge + q * inverseRecency * inverseRecency)
                            + mix * dalpha * dalpha;
                    part[H_ALPHAA] += mix * dalpha * da;
                    part[H_ALPHAB] += mix * dalpha * db;
                    part[H_AA] += -w * q * inverseA * inverseA + mix * da * da;
                    part[H_AB] += mix * da * db;
                    part[H_BB] += w * q * inverseB * inverseB + mix * db * db;
                }
            }
        });
        for (int k = 0; k < sum.length; k++) {
            sum[k] += rows[k];
        }
        return sum;
    }
}
