/** The campaign's screens: the unit's plan, the province's overview and settings, the workspace card. */
@NullMarked
package vn.serviceindex.portal.campaign.ui;

import org.jspecify.annotations.NullMarked;
