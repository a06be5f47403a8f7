package vn.serviceindex.portal.result.domain;

import org.jspecify.annotations.Nullable;

/**
 * A data-quality warning the national portal attached to a metric of a unit ({@code dataQualityStatus},
 * {@code dataQualityMessage}): kept with the result and shown in the import preview.
 */
public record PortalWarning(String unitName, String metricCode, String status, @Nullable String message) {
}
