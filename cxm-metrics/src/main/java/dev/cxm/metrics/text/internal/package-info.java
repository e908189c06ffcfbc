/** Implementation of {@code dev.cxm.metrics.text}: the lexicon tables and the sentiment and theme rules; not API. */
@NullMarked
package dev.cxm.metrics.text.internal;

import org.jspecify.annotations.NullMarked;
