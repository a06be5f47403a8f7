/** The import wizard: upload, preview, confirm. */
@NullMarked
package vn.serviceindex.portal.result.ui;

import org.jspecify.annotations.NullMarked;
