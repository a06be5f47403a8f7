package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.MessageKey;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.Notifications;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.GroupCode;
import vn.serviceindex.portal.campaign.service.CampaignService;
import vn.serviceindex.portal.result.domain.CombinedResult;
import vn.serviceindex.portal.unit.domain.OrgUnit;

/**
 * The covered units' previous-year results per group, which the rule starts from. The province types them (or
 * corrects them); select a unit, then "Edit".
 */
@Route("campaigns/:campaignId([0-9]+)/baselines")
@RolesAllowed({"PROVINCE_MONITOR", "ADMIN", "AUDITOR"})
public class BaselinesView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CampaignService campaigns;
    final H2 title = new H2();
    final Grid<OrgUnit> grid = new Grid<>();
    final Button edit = new Button();
    final Button fromResults = new Button();
    final VerticalLayout content = new VerticalLayout();
    @Nullable BaselineDialog openDialog;
    private @Nullable Campaign campaign;
    private Map<Long, Map<GroupCode, Double>> values = new HashMap<>();
    private Map<Long, CombinedResult> combined = Map.of();

    BaselinesView(CampaignService campaigns) {
        this.campaigns = campaigns;
        addClassName("baselines-view");
        Locale locale = getLocale();
        grid.addColumn(OrgUnit::code).setHeader(getTranslation("unit.field.code"));
        // A new unit's baselines taken from its predecessors' combined results say so, with the year and the names.
        grid.addColumn(u -> combined.containsKey(u.id()) ? u.name() + " (" + combined.get(u.id()).period().text()
                        + ", " + getTranslation("result.combined.label", combined.get(u.id()).predecessorList()) + ")"
                        : u.name())
                .setHeader(getTranslation("unit.field.name")).setFlexGrow(3);
        for (GroupCode group : GroupCode.values()) {
            grid.addColumn(u -> Formats.decimal(values.getOrDefault(u.id(), Map.of()).get(group), locale))
                    .setHeader(getTranslation("campaign.group.short." + group.name()))
                    .setTooltipGenerator(u -> getTranslation(group.labelKey()));
        }
        grid.addSelectionListener(selection -> edit.setEnabled(!selection.getAllSelectedItems().isEmpty()));
        grid.setPageSize(100);
        edit.setText(getTranslation("campaign.baseline.edit"));
        edit.setEnabled(false);
        edit.addClickListener(click -> grid.getSelectedItems().stream().findFirst().ifPresent(this::openEdit));
        fromResults.setText(getTranslation("campaign.baseline.fromResults"));
        fromResults.addClickListener(click -> takeFromResults());
        content.setPadding(false);
        add(content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id = event.getRouteParameters().getLong("campaignId").orElse(0L);
        try {
            campaign = campaigns.get(id);
        } catch (UserError error) {
            RefusalPage.show(content, error);
            return;
        }
        title.setText(getTranslation("campaign.baseline.title", campaign.startDate().getYear() - 1));
        boolean manageable = campaigns.mayManage(campaign);
        edit.setVisible(manageable);
        fromResults.setVisible(manageable);
        content.removeAll();
        content.add(title, new Paragraph(campaign.name()), new HorizontalLayout(edit, fromResults), grid);
        refresh();
    }

    void refresh() {
        if (campaign == null) {
            return;
        }
        values = campaigns.baselines(campaign.id());
        combined = campaigns.combinedBaselineSources(campaign.id());
        grid.setItems(campaigns.coveredUnits(campaign.id()));
    }

    /** The results of the year before the campaign, as imported from the national portal, become the baselines. */
    void takeFromResults() {
        Campaign current = campaign;
        if (current == null) {
            return;
        }
        try {
            int taken = campaigns.takeBaselinesFromResults(current.id());
            Notifications.success("campaign.baseline.taken", taken, current.startDate().getYear() - 1);
            refresh();
        } catch (UserError error) {
            Notifications.error(error);
        }
    }

    void openEdit(OrgUnit unit) {
        openDialog = new BaselineDialog(unit);
        openDialog.open();
    }

    @Override
    public String getPageTitle() {
        return campaign == null ? getTranslation("campaign.list.title")
                : getTranslation("campaign.baseline.title", campaign.startDate().getYear() - 1);
    }

    /** One unit's six results; a blank field removes that group's baseline. */
    class BaselineDialog extends Dialog {

        final Map<GroupCode, TextField> fields = new EnumMap<>(GroupCode.class);
        final Button save = new Button(getTranslation("action.save"));
        private final OrgUnit unit;

        BaselineDialog(OrgUnit unit) {
            this.unit = unit;
            setHeaderTitle(getTranslation("campaign.baseline.dialog", unit.name()));
            var form = new FormLayout();
            Map<GroupCode, Double> current = values.getOrDefault(unit.id(), Map.of());
            for (GroupCode group : GroupCode.values()) {
                var field = new TextField(getTranslation(group.labelKey()));
                field.setSuffixComponent(new Span("%"));
                Double value = current.get(group);
                field.setValue(value == null ? "" : Formats.decimal(value, getLocale()));
                fields.put(group, field);
                form.add(field);
            }
            add(form);
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(click -> save());
            getFooter().add(new Button(getTranslation("action.cancel"), click -> close()), save);
        }

        void save() {
            Campaign current = campaign;
            if (current == null) {
                return;
            }
            try {
                Map<GroupCode, @Nullable Double> typed = new EnumMap<>(GroupCode.class);
                for (var entry : fields.entrySet()) {
                    String text = entry.getValue().getValue();
                    Optional<Double> number = Formats.parseDecimal(text);
                    if (!text.isBlank() && number.isEmpty()) {
                        throw new UserError("campaign.error.baselineNotANumber",
                                new MessageKey(entry.getKey().labelKey()));
                    }
                    typed.put(entry.getKey(), number.orElse(null));
                }
                campaigns.setBaselines(current.id(), unit.id(), typed);
                Notifications.success("campaign.baseline.saved", unit.name());
                close();
                refresh();
            } catch (UserError error) {
                Notifications.error(error);
            }
        }
    }
}
