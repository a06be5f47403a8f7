/** Reading the change history within the reader's scope, and checking its hash chain. */
@NullMarked
package vn.serviceindex.portal.audit.service;

import org.jspecify.annotations.NullMarked;
