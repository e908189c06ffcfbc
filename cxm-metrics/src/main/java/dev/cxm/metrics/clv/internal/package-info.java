/**
 * Implementation of the CLV package: the maximum-likelihood fitting core and the models' likelihoods, the
 * BG/NBD-type predictions, hypergeometric series and the parallel evaluation of likelihoods. Not exported.
 */
@NullMarked
package dev.cxm.metrics.clv.internal;

import org.jspecify.annotations.NullMarked;
