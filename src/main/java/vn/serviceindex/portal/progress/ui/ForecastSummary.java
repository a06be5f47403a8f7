package vn.serviceindex.portal.progress.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.progress.domain.GroupForecast;
import vn.serviceindex.portal.progress.domain.UnitForecast;
import vn.serviceindex.portal.progress.domain.Verdict;
import vn.serviceindex.portal.progress.service.ForecastService;

/**
 * The unit's forecast in short, for its progress card on the workspace: per group with a target, what is due at the
 * next check beside the forecast and the verdict. Empty (and hidden) for a unit no campaign covers.
 */
@StyleSheet("context://frontend/styles/forecast.css")
public class ForecastSummary extends Div {

    @Nullable UnitForecast forecast;

    public ForecastSummary(ForecastService forecasts, long unitId) {
        addClassName("forecast-summary");
        try {
            forecast = forecasts.unitForecast(unitId).orElse(null);
        } catch (UserError refused) {
            forecast = null;
        }
        setVisible(forecast != null);
        if (forecast == null) {
            return;
        }
        Locale locale = getLocale();
        UnitForecast unit = forecast;
        add(new H4(getTranslation("forecast.card.title",
                ForecastLabels.check(this, unit.check(), unit.checkName(), locale))));
        add(new Paragraph(getTranslation("forecast.card.summary", unit.count(Verdict.WILL_REACH),
                unit.count(Verdict.AT_RISK), unit.count(Verdict.WILL_MISS), unit.count(Verdict.NOT_ENOUGH_DATA))));
        for (GroupForecast group : unit.groups()) {
            if (group.check().target() == null) {
                continue;
            }
            var verdict = new Span(ForecastLabels.verdict(this, group.verdict()));
            verdict.addClassNames("forecast-verdict", ForecastLabels.part(group.verdict()));
            var line = new Paragraph(getTranslation("forecast.card.line", ProgressLabels.group(this,
                    group.groupCode()), ProgressLabels.rate(group.check().target(), locale),
                    ForecastLabels.projection(group.check().projection(), locale)) + " ");
            line.add(verdict);
            line.addClassName("forecast-card-line");
            add(line);
        }
    }
}
