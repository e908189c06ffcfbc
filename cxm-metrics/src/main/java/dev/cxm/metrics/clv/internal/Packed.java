package dev.cxm.metrics.clv.internal;

/** Index arithmetic of a packed evaluation: value, gradient, then the Hessian's upper triangle row by row. */
public final class Packed {

    private Packed() {}

    /** Returns the length of a packed evaluation of {@code n} parameters. */
    public static int size(int n) {
        return 1 + n + n * (n + 1) / 2;
    }

    /** Returns the index of the derivative with respect to parameter {@code i}. */
    public static int gradient(int i) {
        return 1 + i;
    }

    /** Returns the index of the second derivative with respect to parameters {@code i} and {@code j}. */
    public static int hessian(int n, int i, int j) {
        int row = Math.min(i, j);
        int column = Math.max(i, j);
        return 1 + n + row * n - row * (row - 1) / 2 + (column - row);
    }
}
