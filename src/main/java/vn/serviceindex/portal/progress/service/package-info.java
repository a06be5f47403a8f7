/** Progress against targets: bulk reads of plans, baselines and results, within the reader's scope. */
@NullMarked
package vn.serviceindex.portal.progress.service;

import org.jspecify.annotations.NullMarked;
