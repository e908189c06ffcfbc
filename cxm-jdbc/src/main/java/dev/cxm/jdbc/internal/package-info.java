/** The implementation of the JDBC stores: SQL, row mapping, streams over result sets; not API. */
@NullMarked
package dev.cxm.jdbc.internal;

import org.jspecify.annotations.NullMarked;
