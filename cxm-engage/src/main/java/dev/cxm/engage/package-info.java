/**
 * cxm-engage: acting on the experience. The capabilities live in the sub-packages: {@code profile} (the
 * Customer 360 profile and identity resolution), {@code segment} (typed segment definitions and live
 * membership) and {@code action} (next-best actions under a contact policy, and the triggers that close the
 * loop).
 */
@NullMarked
package dev.cxm.engage;

import org.jspecify.annotations.NullMarked;
