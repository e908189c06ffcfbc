/** Implementation of the profile package; not API. */
@NullMarked
package dev.cxm.engage.profile.internal;

import org.jspecify.annotations.NullMarked;
