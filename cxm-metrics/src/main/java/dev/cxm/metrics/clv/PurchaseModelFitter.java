package dev.cxm.metrics.clv;

import dev.cxm.metrics.clv.rfm.RfmCells;
import dev.cxm.metrics.clv.rfm.RfmSummary;
import dev.cxm.metrics.stats.ModelFit;

/**
 * A configured fitter of a purchase model ({@link BgNbd}, {@link MbgNbd}, {@link ParetoNbd}, {@link BgBb}):
 * the same inputs and the same result on every model, so that a host can choose the model by name
 * ({@link PurchaseModels#named(String)}) and treat the fits alike.
 *
 * <p>Every fit returns a {@link ModelFit}: malformed input (a unit the model cannot take, a BG/BB time that is
 * not a whole number of opportunities) throws {@link IllegalArgumentException} naming the customer (or the
 * row of anonymous cells); data that cannot identify the model (no customers, nobody repeats a purchase) and
 * fits that do not converge come back with {@code converged == false}, no model and the problem.
 *
 * @param <M> the fitted model
 */
public sealed interface PurchaseModelFitter<M extends PurchaseModel> permits BgNbd, MbgNbd, ParetoNbd, BgBb {

    /**
     * Returns the short name of the model fitted, as {@link PurchaseModel#name()} and {@link ModelFit#name()}
     * give it: {@code bg-nbd}, {@code mbg-nbd}, {@code pareto-nbd} or {@code bg-bb}.
     *
     * @return the model's name
     */
    String modelName();

    /**
     * Returns how the fitter fits.
     *
     * @return the fit options
     */
    FitOptions options();

    /**
     * Fits the model to {@code cells}, whose unit the model keeps.
     *
     * @param cells the customers, or cells of identical customers
     * @return the fit
     * @throws IllegalArgumentException when a row is malformed for this model, naming its customer or row
     */
    ModelFit<M> fit(RfmCells cells);

    /**
     * Fits the model to the customers of {@code summary}.
     *
     * @param summary the customers
     * @return the fit
     * @throws IllegalArgumentException when a customer is malformed for this model, naming the customer
     */
    default ModelFit<M> fit(RfmSummary summary) {
        return fit(RfmCells.of(summary));
    }
}
