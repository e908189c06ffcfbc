/**
 * The cxm domain model: customers, channels and touchpoints, and the events a customer leaves behind
 * (interactions, purchases, feedback responses). Every type is an immutable value that validates itself
 * on construction.
 */
@NullMarked
package dev.cxm.core.model;

import org.jspecify.annotations.NullMarked;
