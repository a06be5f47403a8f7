package vn.serviceindex.portal.campaign.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.MessageKey;
import vn.serviceindex.portal.base.domain.Text;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.TargetRule;

/**
 * The campaign form as typed by the province. {@link #validated} checks what one campaign can check on its own;
 * the service checks what needs the database (the units, the plans already written).
 *
 * @param unitIds the covered units when not the whole province
 */
public record CampaignDraft(String name, String referenceNumber, @Nullable LocalDate referenceDate,
                            @Nullable LocalDate startDate, @Nullable LocalDate endDate, boolean wholeProvince,
                            List<Long> unitIds, List<MilestoneEntry> milestones, List<GroupSetting> groups) {

    public static final int MAX_NAME = 300;
    public static final int MAX_REFERENCE = 100;
    public static final int MAX_MILESTONE_NAME = 200;
    /** The fields as refusals place them. */
    public static final String NAME = "name";
    public static final String REFERENCE_NUMBER = "referenceNumber";
    public static final String REFERENCE_DATE = "referenceDate";
    public static final String START_DATE = "startDate";
    public static final String END_DATE = "endDate";

    public CampaignDraft {
        unitIds = List.copyOf(unitIds);
        milestones = List.copyOf(milestones);
        groups = List.copyOf(groups);
    }

    public static CampaignDraft of(Campaign campaign, List<Long> unitIds) {
        List<GroupSetting> groups = new ArrayList<>();
        for (GroupCode group : GroupCode.values()) {
            groups.add(campaign.rule(group).map(GroupSetting::of).orElse(GroupSetting.none(group)));
        }
        return new CampaignDraft(campaign.name(), campaign.referenceNumber(), campaign.referenceDate(),
                campaign.startDate(), campaign.endDate(), campaign.wholeProvince(), unitIds,
                campaign.milestones().stream().map(m -> new MilestoneEntry(m.name(), m.date())).toList(), groups);
    }

    /** @throws UserError the first problem, in the order of the form */
    public Campaign validated(long id, long provinceId, int version) {
        String cleanName = Text.line(NAME, name.strip());
        String cleanReference = Text.line(REFERENCE_NUMBER, referenceNumber.strip());
        if (cleanName.isEmpty()) {
            throw UserError.at(NAME, "campaign.error.nameRequired");
        }
        if (cleanName.length() > MAX_NAME) {
            throw UserError.at(NAME, "campaign.error.nameTooLong", MAX_NAME);
        }
        if (cleanReference.isEmpty() || referenceDate == null) {
            throw UserError.at(cleanReference.isEmpty() ? REFERENCE_NUMBER : REFERENCE_DATE,
                    "campaign.error.referenceRequired");
        }
        if (cleanReference.length() > MAX_REFERENCE) {
            throw UserError.at(REFERENCE_NUMBER, "campaign.error.referenceTooLong", MAX_REFERENCE);
        }
        if (startDate == null || endDate == null) {
            throw UserError.at(startDate == null ? START_DATE : END_DATE, "campaign.error.datesRequired");
        }
        if (!endDate.isAfter(startDate)) {
            throw UserError.at(END_DATE, "campaign.error.endBeforeStart");
        }
        if (!wholeProvince && unitIds.isEmpty()) {
            throw new UserError("campaign.error.unitsRequired");
        }
        List<Milestone> cleanMilestones = new ArrayList<>();
        Set<LocalDate> days = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            MilestoneEntry entry = milestones.get(i);
            String milestoneName = Text.line("milestones[" + i + "].name", entry.name().strip());
            if (milestoneName.isEmpty()) {
                throw new UserError("campaign.error.milestoneNameRequired", i + 1);
            }
            if (milestoneName.length() > MAX_MILESTONE_NAME) {
                throw new UserError("campaign.error.milestoneNameTooLong", milestoneName, MAX_MILESTONE_NAME);
            }
            if (entry.date() == null) {
                throw new UserError("campaign.error.milestoneDateRequired", milestoneName);
            }
            if (entry.date().isBefore(startDate) || entry.date().isAfter(endDate)) {
                throw new UserError("campaign.error.milestoneOutside", milestoneName, entry.date(), startDate,
                        endDate);
            }
            if (!days.add(entry.date())) {
                throw new UserError("campaign.error.milestoneDuplicate", entry.date());
            }
            cleanMilestones.add(new Milestone(milestoneName, entry.date()));
        }
        List<GroupRule> rules = new ArrayList<>();
        for (GroupSetting setting : groups) {
            rule(setting).ifPresent(rules::add);
        }
        if (rules.isEmpty()) {
            throw new UserError("campaign.error.groupsRequired");
        }
        if (rules.stream().map(GroupRule::group).distinct().count() != rules.size()) {
            throw new UserError("campaign.error.groupTwice");
        }
        return new Campaign(id, provinceId, cleanName, cleanReference, referenceDate, startDate, endDate,
                wholeProvince, cleanMilestones, rules, version);
    }

    private static Optional<GroupRule> rule(GroupSetting setting) {
        MessageKey group = new MessageKey(setting.group().labelKey());
        return switch (setting.kind()) {
            case NONE -> Optional.empty();
            case FIXED -> {
                Double target = setting.fixedTarget();
                if (target == null || !(target > 0) || target > 100) {
                    throw new UserError("campaign.error.fixedTargetRange", group);
                }
                yield Optional.of(GroupRule.fixed(setting.group(), target));
            }
            case RULE -> {
                Double central = setting.centralTarget();
                Double increment = setting.increment();
                if (central == null || !(central >= 0) || central > 100) {
                    throw new UserError("campaign.error.centralTargetRange", group);
                }
                if (increment == null || !(increment >= 0) || increment > 100) {
                    throw new UserError("campaign.error.incrementRange", group);
                }
                yield Optional.of(GroupRule.rule(setting.group(),
                        new TargetRule(central, increment, setting.mode(), 100)));
            }
        };
    }
}
