/** Formula-set administration and the page that explains how the index is scored. */
@NullMarked
package vn.serviceindex.portal.index.ui;

import org.jspecify.annotations.NullMarked;
