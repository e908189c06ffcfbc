package dev.cxm.metrics.clv.rfm.internal;

import java.util.function.Function;

import dev.cxm.metrics.clv.rfm.RfmCells;

/**
 * The door through which the model fits read the columns of {@link RfmCells} without copying them:
 * {@code RfmCells} hands its reader in when its class initialises, so the columns stay out of its public
 * API and out of reach of anything outside this module (the package is not exported).
 */
public final class CellAccess {

    private static volatile Function<RfmCells, CellColumns> reader;

    private CellAccess() {}

    /**
     * Sets the reader; called once, by {@code RfmCells}.
     *
     * @param columnsOf returns the columns of a set of cells
     * @throws IllegalStateException when a reader is already set
     */
    public static synchronized void register(Function<RfmCells, CellColumns> columnsOf) {
        if (reader != null) {
            throw new IllegalStateException("CellAccess: the reader of RfmCells is already set");
        }
        reader = columnsOf;
    }

    /**
     * Returns the columns of {@code cells}, shared, not copied: nothing may change them.
     *
     * @param cells the cells (whose class, having an instance, has registered its reader)
     * @return their columns
     */
    public static CellColumns columns(RfmCells cells) {
        return reader.apply(cells);
    }
}
