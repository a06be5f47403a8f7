/** Campaigns, unit plans, phases, targets and tasks as records, with their rules as pure functions. */
@NullMarked
package vn.serviceindex.portal.campaign.domain;

import org.jspecify.annotations.NullMarked;
