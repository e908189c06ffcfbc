/** How the simulator draws and writes a world; not part of any API. */
@NullMarked
package dev.cxm.examples.simulate.internal;

import org.jspecify.annotations.NullMarked;
