package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.MessageKey;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.DateFields;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.FieldErrors;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.CampaignDefaults;
import vn.serviceindex.portal.campaign.domain.CampaignDraft;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.domain.GroupSetting;
import vn.serviceindex.portal.campaign.domain.MilestoneEntry;
import vn.serviceindex.portal.campaign.domain.TargetKind;
import vn.serviceindex.portal.campaign.service.CampaignService;
import vn.serviceindex.portal.index.domain.IncrementMode;
import vn.serviceindex.portal.unit.domain.OrgUnit;

/**
 * Launching a campaign, or changing one: its name and legal reference, its period, its milestone checks, the units
 * it covers (the whole province by default) and, per group, a fixed target or the province's rule. Read-only for
 * accounts that may not manage it.
 */
@Route("campaigns/:campaignId([0-9]+)/settings")
@RouteAlias("campaigns/new")
@RolesAllowed({"PROVINCE_MONITOR", "ADMIN", "AUDITOR"})
public class CampaignSettingsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CampaignService campaigns;
    final H2 title = new H2();
    final Select<OrgUnit> province = new Select<>();
    final TextField name = new TextField();
    final TextField referenceNumber = new TextField();
    final DatePicker referenceDate = DateFields.datePicker("");
    final DatePicker startDate = DateFields.datePicker("");
    final DatePicker endDate = DateFields.datePicker("");
    final Checkbox wholeProvince = new Checkbox();
    final MultiSelectComboBox<OrgUnit> units = new MultiSelectComboBox<>();
    final VerticalLayout milestones = new VerticalLayout();
    final Button addMilestone = new Button();
    final Map<GroupCode, GroupRow> groups = new EnumMap<>(GroupCode.class);
    final Button save = new Button();
    final VerticalLayout content = new VerticalLayout();
    private @Nullable Campaign editing;
    private boolean manageable;

    CampaignSettingsView(CampaignService campaigns) {
        this.campaigns = campaigns;
        addClassName("campaign-settings-view");
        province.setLabel(getTranslation("campaign.field.province"));
        province.setItemLabelGenerator(OrgUnit::name);
        province.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                units.setItems(campaigns.unitsBelow(change.getValue().id()));
            }
        });
        name.setLabel(getTranslation("campaign.field.name"));
        name.setMaxLength(CampaignDraft.MAX_NAME);
        name.setRequiredIndicatorVisible(true);
        referenceNumber.setLabel(getTranslation("campaign.field.referenceNumber"));
        referenceNumber.setPlaceholder("Kế hoạch 629/KH-UBND");
        referenceNumber.setMaxLength(CampaignDraft.MAX_REFERENCE);
        referenceNumber.setRequiredIndicatorVisible(true);
        referenceDate.setLabel(getTranslation("campaign.field.referenceDate"));
        startDate.setLabel(getTranslation("campaign.field.start"));
        startDate.addValueChangeListener(change -> suggestMilestones());
        endDate.setLabel(getTranslation("campaign.field.end"));
        wholeProvince.setLabel(getTranslation("campaign.field.wholeProvince"));
        wholeProvince.addValueChangeListener(change -> units.setVisible(!change.getValue()));
        units.setLabel(getTranslation("campaign.field.units"));
        units.setItemLabelGenerator(u -> u.name() + " (" + u.code() + ")");
        units.setWidthFull();
        milestones.setPadding(false);
        addMilestone.setText(getTranslation("campaign.milestone.add"));
        addMilestone.addClickListener(click -> milestones.add(new MilestoneRow(new MilestoneEntry("", null))));
        for (GroupCode group : GroupCode.values()) {
            groups.put(group, new GroupRow(group));
        }
        save.setText(getTranslation("action.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        content.setPadding(false);
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().getLong("campaignId");
        try {
            if (id.isPresent()) {
                editing = campaigns.get(id.get());
                manageable = campaigns.mayManage(editing);
                province.setItems(List.of());
                units.setItems(campaigns.unitsBelow(editing.provinceId()));
                fill(CampaignDraft.of(editing, campaigns.coveredUnitIds(editing.id())));
                title.setText(editing.name());
            } else {
                editing = null;
                List<OrgUnit> provinces = campaigns.provincesToManage();
                manageable = !provinces.isEmpty();
                if (!manageable) {
                    throw new UserError("error.notPermitted.change");
                }
                province.setItems(provinces);
                province.setValue(provinces.getFirst());
                fill(CampaignDefaults.blank());
                title.setText(getTranslation("campaign.action.create"));
            }
        } catch (UserError error) {
            RefusalPage.show(content, error);
            return;
        }
        layout();
    }

    private void layout() {
        province.setVisible(editing == null && province.getListDataView().getItemCount() > 1);
        var form = new FormLayout(province, name, referenceNumber, referenceDate, startDate, endDate);
        form.setColspan(name, 2);
        var rules = new Div();
        rules.addClassName("campaign-rules");
        groups.values().forEach(rules::add);
        content.removeAll();
        content.add(title, form, new H3(getTranslation("campaign.section.units")), wholeProvince, units,
                new H3(getTranslation("campaign.section.milestones")), milestones, addMilestone,
                new H3(getTranslation("campaign.section.groups")), new Paragraph(getTranslation("campaign.rule.help")),
                rules, new HorizontalLayout(save));
        setReadOnly(!manageable);
    }

    private void setReadOnly(boolean readOnly) {
        name.setReadOnly(readOnly);
        referenceNumber.setReadOnly(readOnly);
        referenceDate.setReadOnly(readOnly);
        startDate.setReadOnly(readOnly);
        endDate.setReadOnly(readOnly);
        wholeProvince.setReadOnly(readOnly);
        units.setReadOnly(readOnly);
        milestones.getChildren().forEach(row -> ((MilestoneRow) row).setReadOnly(readOnly));
        groups.values().forEach(row -> row.setReadOnly(readOnly));
        addMilestone.setVisible(!readOnly);
        save.setVisible(!readOnly);
    }

    private void fill(CampaignDraft draft) {
        name.setValue(draft.name());
        referenceNumber.setValue(draft.referenceNumber());
        referenceDate.setValue(draft.referenceDate());
        milestones.removeAll();
        draft.milestones().forEach(m -> milestones.add(new MilestoneRow(m)));
        startDate.setValue(draft.startDate());
        endDate.setValue(draft.endDate());
        wholeProvince.setValue(draft.wholeProvince());
        units.setVisible(!draft.wholeProvince());
        Set<Long> chosen = new HashSet<>(draft.unitIds());
        units.setValue(units.getListDataView().getItems().filter(u -> chosen.contains(u.id())).toList());
        draft.groups().forEach(setting -> groups.get(setting.group()).fill(setting));
    }

    /** The default milestone checks, once the start date of a new campaign is known. */
    private void suggestMilestones() {
        LocalDate start = startDate.getValue();
        if (start == null || milestones.getComponentCount() > 0 || editing != null) {
            return;
        }
        for (var suggested : CampaignDefaults.milestones(start)) {
            milestones.add(new MilestoneRow(new MilestoneEntry(
                    getTranslation("campaign.milestone.after", suggested.days()), suggested.date())));
        }
        if (endDate.getValue() == null) {
            endDate.setValue(CampaignDefaults.end(start));
        }
    }

    CampaignDraft draft() {
        List<MilestoneEntry> entries = milestones.getChildren().map(row -> ((MilestoneRow) row).entry()).toList();
        List<GroupSetting> settings = new ArrayList<>();
        for (GroupRow row : groups.values()) {
            settings.add(row.setting());
        }
        return new CampaignDraft(name.getValue(), referenceNumber.getValue(), referenceDate.getValue(),
                startDate.getValue(), endDate.getValue(), wholeProvince.getValue(),
                units.getValue().stream().map(OrgUnit::id).toList(), entries, settings);
    }

    void save() {
        FieldErrors errors = new FieldErrors().field(CampaignDraft.NAME, name)
                .field(CampaignDraft.REFERENCE_NUMBER, referenceNumber)
                .field(CampaignDraft.REFERENCE_DATE, referenceDate)
                .field(CampaignDraft.START_DATE, startDate).field(CampaignDraft.END_DATE, endDate);
        errors.clear();
        try {
            CampaignDraft draft = draft();
            Campaign saved;
            if (editing == null) {
                OrgUnit chosen = province.getValue();
                if (chosen == null) {
                    throw new UserError("campaign.error.provinceRequired");
                }
                saved = campaigns.create(chosen.id(), draft);
            } else {
                saved = campaigns.update(editing.id(), editing.version(), draft);
            }
            Notifications.success("campaign.saved", saved.name());
            getUI().ifPresent(ui -> ui.navigate(CampaignPlansView.class,
                    new RouteParameters("campaignId", Long.toString(saved.id()))));
        } catch (UserError error) {
            errors.show(error);
        }
    }

    @Override
    public String getPageTitle() {
        return editing == null ? getTranslation("campaign.action.create") : editing.name();
    }

    /** One milestone: its name and date. */
    class MilestoneRow extends HorizontalLayout {

        final TextField milestoneName = new TextField();
        final DatePicker date = DateFields.datePicker("");
        final Button remove = new Button();

        MilestoneRow(MilestoneEntry entry) {
            milestoneName.setLabel(getTranslation("campaign.milestone.name"));
            milestoneName.setMaxLength(CampaignDraft.MAX_MILESTONE_NAME);
            milestoneName.setValue(entry.name());
            milestoneName.setWidth("20rem");
            date.setLabel(getTranslation("campaign.milestone.date"));
            date.setValue(entry.date());
            remove.setText(getTranslation("campaign.milestone.remove"));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.addClickListener(click -> milestones.remove(this));
            setDefaultVerticalComponentAlignment(Alignment.BASELINE);
            add(milestoneName, date, remove);
        }

        MilestoneEntry entry() {
            return new MilestoneEntry(milestoneName.getValue(), date.getValue());
        }

        void setReadOnly(boolean readOnly) {
            milestoneName.setReadOnly(readOnly);
            date.setReadOnly(readOnly);
            remove.setVisible(!readOnly);
        }
    }

    /** One group's target: none, a fixed rate, or the rule (central target C, increment, points or percent). */
    class GroupRow extends Div {

        final Select<TargetKind> kind = new Select<>();
        final TextField fixedTarget = new TextField();
        final TextField centralTarget = new TextField();
        final TextField increment = new TextField();
        final Select<IncrementMode> mode = new Select<>();
        private final GroupCode group;

        GroupRow(GroupCode group) {
            this.group = group;
            addClassName("campaign-rule");
            kind.setLabel(getTranslation(group.labelKey()));
            kind.setItems(TargetKind.values());
            kind.setItemLabelGenerator(k -> getTranslation("campaign.kind." + k.name()));
            kind.addValueChangeListener(change -> showKind());
            fixedTarget.setLabel(getTranslation("campaign.rule.fixedTarget"));
            fixedTarget.setSuffixComponent(new Span("%"));
            centralTarget.setLabel(getTranslation("campaign.rule.centralTarget"));
            centralTarget.setSuffixComponent(new Span("%"));
            increment.setLabel(getTranslation("campaign.rule.increment"));
            mode.setLabel(getTranslation("campaign.rule.mode"));
            mode.setItems(IncrementMode.values());
            mode.setItemLabelGenerator(m -> getTranslation("campaign.mode." + m.name()));
            add(kind, fixedTarget, centralTarget, increment, mode);
        }

        void fill(GroupSetting setting) {
            Locale locale = getLocale();
            kind.setValue(setting.kind());
            fixedTarget.setValue(setting.fixedTarget() == null ? "" : Formats.decimal(setting.fixedTarget(), locale));
            centralTarget.setValue(setting.centralTarget() == null ? ""
                    : Formats.decimal(setting.centralTarget(), locale));
            increment.setValue(setting.increment() == null ? "" : Formats.decimal(setting.increment(), locale));
            mode.setValue(setting.mode());
            showKind();
        }

        private void showKind() {
            fixedTarget.setVisible(kind.getValue() == TargetKind.FIXED);
            boolean rule = kind.getValue() == TargetKind.RULE;
            centralTarget.setVisible(rule);
            increment.setVisible(rule);
            mode.setVisible(rule);
        }

        GroupSetting setting() {
            TargetKind chosen = kind.getValue() == null ? TargetKind.NONE : kind.getValue();
            return new GroupSetting(group, chosen, number(fixedTarget, chosen == TargetKind.FIXED),
                    number(centralTarget, chosen == TargetKind.RULE), number(increment, chosen == TargetKind.RULE),
                    mode.getValue() == null ? IncrementMode.POINTS : mode.getValue());
        }

        /** A typed number; text that is no number is refused here, a blank one is left to the campaign's rules. */
        private @Nullable Double number(TextField field, boolean used) {
            if (!used || field.getValue().isBlank()) {
                return null;
            }
            return Formats.parseDecimal(field.getValue()).orElseThrow(() -> new UserError(
                    "campaign.error.notANumber", field.getLabel(), new MessageKey(group.labelKey())));
        }

        void setReadOnly(boolean readOnly) {
            kind.setReadOnly(readOnly);
            fixedTarget.setReadOnly(readOnly);
            centralTarget.setReadOnly(readOnly);
            increment.setReadOnly(readOnly);
            mode.setReadOnly(readOnly);
        }
    }
}
