package dev.cxm.metrics.clv;

import java.util.function.ToDoubleFunction;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

/** Central finite differences, the tests' independent check of analytic derivatives and standard errors. */
final class FiniteDifferences {

    private FiniteDifferences() {}

    /** Returns the gradient of {@code f} at {@code x}, with relative steps {@code h}. */
    static double[] gradient(ToDoubleFunction<double[]> f, double[] x, double h) {
        double[] gradient = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double step = h * x[i];
            gradient[i] = (f.applyAsDouble(shift(x, i, step)) - f.applyAsDouble(shift(x, i, -step))) / (2 * step);
        }
        return gradient;
    }

    /** Returns the Hessian of {@code f} at {@code x}, with relative steps {@code h}. */
    static double[][] hessian(ToDoubleFunction<double[]> f, double[] x, double h) {
        int n = x.length;
        double[][] hessian = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double hi = h * x[i];
                double hj = h * x[j];
                double value = (f.applyAsDouble(shift(shift(x, i, hi), j, hj)) - f.applyAsDouble(shift(shift(x, i, hi), j, -hj))
                        - f.applyAsDouble(shift(shift(x, i, -hi), j, hj)) + f.applyAsDouble(shift(shift(x, i, -hi), j, -hj)))
                        / (4 * hi * hj);
                hessian[i][j] = value;
                hessian[j][i] = value;
            }
        }
        return hessian;
    }

    /** Returns the standard errors sqrt(diag((-H)^-1)) of a log-likelihood with Hessian {@code hessian}. */
    static double[] standardErrors(double[][] hessian) {
        RealMatrix information = new Array2DRowRealMatrix(hessian).scalarMultiply(-1);
        RealMatrix covariance = new LUDecomposition(information).getSolver().getInverse();
        double[] errors = new double[hessian.length];
        for (int i = 0; i < errors.length; i++) {
            errors[i] = Math.sqrt(covariance.getEntry(i, i));
        }
        return errors;
    }

    private static double[] shift(double[] x, int i, double by) {
        double[] shifted = x.clone();
        shifted[i] += by;
        return shifted;
    }
}
