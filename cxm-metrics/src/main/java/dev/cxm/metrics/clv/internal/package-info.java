/**
 * Implementation of the CLV package: the maximum-likelihood fitting core, hypergeometric series and the
 * parallel evaluation of likelihoods. Not exported.
 */
@NullMarked
package dev.cxm.metrics.clv.internal;

import org.jspecify.annotations.NullMarked;
