/** Implementation shared by the engage packages; not API. */
@NullMarked
package dev.cxm.engage.internal;

import org.jspecify.annotations.NullMarked;
