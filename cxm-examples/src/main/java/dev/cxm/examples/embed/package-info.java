/**
 * Small standalone programs, each showing one capability as a host application would embed it: NPS with its
 * interval in a service ({@link dev.cxm.examples.embed.NpsInService}), CLV from an order table over plain JDBC
 * ({@link dev.cxm.examples.embed.ClvFromOrderTable}), journey tracking that reacts to stalls
 * ({@link dev.cxm.examples.embed.JourneyStalls}), a detractor follow-up loop
 * ({@link dev.cxm.examples.embed.DetractorFollowUp}) and metrics on a parallel stream
 * ({@link dev.cxm.examples.embed.ParallelMetrics}). {@link dev.cxm.examples.embed.ExampleData} gives them a
 * small simulated world to run on.
 */
@NullMarked
package dev.cxm.examples.embed;

import org.jspecify.annotations.NullMarked;
