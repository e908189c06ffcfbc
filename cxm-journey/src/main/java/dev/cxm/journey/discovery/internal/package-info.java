/** Implementation; not API. */
@NullMarked
package dev.cxm.journey.discovery.internal;

import org.jspecify.annotations.NullMarked;
