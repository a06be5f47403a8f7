/** Campaign and plan use cases: transactions, scope checks, and the SQL of the campaign and plan tables. */
@NullMarked
package vn.serviceindex.portal.campaign.service;

import org.jspecify.annotations.NullMarked;
