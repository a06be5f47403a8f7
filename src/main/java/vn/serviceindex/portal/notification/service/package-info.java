/**
 * Notifications: put into inboxes when plans move and results come in (listeners of the campaign's and results'
 * events, in their transactions) and by the daily jobs (tasks due and late, milestone checks, forecasts, the e-mail
 * digest); read, marked read and chosen by each account for itself alone.
 */
@NullMarked
package vn.serviceindex.portal.notification.service;

import org.jspecify.annotations.NullMarked;
