package vn.serviceindex.portal.campaign.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.campaign.domain.Campaign;
import vn.serviceindex.portal.campaign.domain.CampaignProgress;
import vn.serviceindex.portal.campaign.service.CampaignService;

/** The campaigns the account follows; the province's monitors launch new ones here. */
@Route("campaigns")
@RolesAllowed({"PROVINCE_MONITOR", "ADMIN", "AUDITOR"})
@Menu(order = 10, icon = "FLAG", title = "nav.campaigns")
public class CampaignsView extends VerticalLayout implements HasDynamicTitle {

    private final CampaignService campaigns;
    final Grid<Campaign> grid = new Grid<>();
    final Button create = new Button();

    CampaignsView(CampaignService campaigns) {
        this.campaigns = campaigns;
        addClassName("campaigns-view");
        Locale locale = getLocale();
        grid.addColumn(Campaign::name).setHeader(getTranslation("campaign.field.name")).setFlexGrow(3);
        grid.addColumn(c -> c.referenceNumber() + " (" + Formats.date(c.referenceDate(), locale) + ")")
                .setHeader(getTranslation("campaign.field.reference")).setFlexGrow(2);
        grid.addColumn(c -> CampaignLabels.period(c.startDate(), c.endDate(), locale))
                .setHeader(getTranslation("campaign.field.period")).setFlexGrow(2);
        grid.addColumn(this::stage).setHeader(getTranslation("campaign.field.progress"));
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(click -> open(click.getItem()));

        create.setText(getTranslation("campaign.action.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> getUI().ifPresent(ui -> ui.navigate("campaigns/new")));
        create.setVisible(!campaigns.provincesToManage().isEmpty());

        grid.setItems(campaigns.readable());
        add(new H2(getTranslation("campaign.list.title")), create, grid);
    }

    private String stage(Campaign campaign) {
        CampaignProgress progress = campaigns.progress(campaign);
        return switch (progress.stage()) {
            case NOT_STARTED -> getTranslation("campaign.stage.notStarted");
            case RUNNING -> getTranslation("campaign.banner.day", progress.day(), progress.totalDays());
            case ENDED -> getTranslation("campaign.stage.ended");
        };
    }

    void open(Campaign campaign) {
        getUI().ifPresent(ui -> ui.navigate(CampaignPlansView.class,
                new RouteParameters("campaignId", Long.toString(campaign.id()))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("campaign.list.title");
    }
}
