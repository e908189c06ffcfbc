/** Data-protection support: erasing every record of a customer from every store, with a report. */
@NullMarked
package dev.cxm.core.privacy;

import org.jspecify.annotations.NullMarked;
