/** The serialisers behind {@link dev.cxm.kafka.CxmSerdes}; not API. */
@NullMarked
package dev.cxm.kafka.internal;

import org.jspecify.annotations.NullMarked;
