package vn.serviceindex.portal.campaign.domain;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A milestone as typed in the campaign form; the date may still be missing. */
public record MilestoneEntry(String name, @Nullable LocalDate date) {
}
