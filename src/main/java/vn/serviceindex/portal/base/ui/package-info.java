/** The shell every view shares: layout, navigation, translations, formats and error display. */
@NullMarked
package vn.serviceindex.portal.base.ui;

import org.jspecify.annotations.NullMarked;
