/**
 * Next-best actions: a catalogue of {@link dev.cxm.engage.action.Action}s under a
 * {@link dev.cxm.engage.action.ContactPolicy}, from which {@link dev.cxm.engage.action.NextBestAction} decides,
 * for one profile at one instant, the best eligible action and why every other was not chosen.
 */
@NullMarked
package dev.cxm.engage.action;

import org.jspecify.annotations.NullMarked;
