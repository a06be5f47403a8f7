/** The auditor's search, entity timelines and the history panels other screens open. */
@NullMarked
package vn.serviceindex.portal.audit.ui;

import org.jspecify.annotations.NullMarked;
