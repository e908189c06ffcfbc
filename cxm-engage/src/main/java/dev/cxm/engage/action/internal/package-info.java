/** Implementation of the action package; not API. */
@NullMarked
package dev.cxm.engage.action.internal;

import org.jspecify.annotations.NullMarked;
