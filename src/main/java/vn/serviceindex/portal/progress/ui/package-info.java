/** The unit's progress page, its workspace card and its exports. */
@NullMarked
package vn.serviceindex.portal.progress.ui;

import org.jspecify.annotations.NullMarked;
