/**
 * The Customer 360 profile: {@link dev.cxm.engage.profile.CustomerProfile}, one immutable view per customer
 * assembled from the customer record and their events by a {@link dev.cxm.engage.profile.ProfileBuilder}, one
 * event at a time or rebuilt from the stores; {@link dev.cxm.engage.profile.IdentityResolution} links customers
 * who share a verified identity into one profile.
 */
@NullMarked
package dev.cxm.engage.profile;

import org.jspecify.annotations.NullMarked;
