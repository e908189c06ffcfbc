/**
 * Spring Boot auto-configuration of cxm: {@link dev.cxm.spring.CxmAutoConfiguration} makes an event store,
 * the feedback metrics and their thread-safe recorders, and, with Micrometer, the live-score meters, from the
 * properties under {@code cxm.*} ({@link dev.cxm.spring.CxmProperties}); each backs off when the host defines
 * its own bean.
 */
@NullMarked
package dev.cxm.spring;

import org.jspecify.annotations.NullMarked;
