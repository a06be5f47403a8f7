/**
 * The message bundles, below both the screens ({@code base.ui}) and the HTTP API ({@code base.api}), which each
 * show refusals in the user's language from the same texts.
 */
@NullMarked
package vn.serviceindex.portal.base.i18n;

import org.jspecify.annotations.NullMarked;
