package vn.serviceindex.portal.progress.api;

import com.vaadin.flow.i18n.I18NProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.base.export.TableFormat;
import vn.serviceindex.portal.base.export.TableWriter;
import vn.serviceindex.portal.base.ui.PortalTranslations;
import vn.serviceindex.portal.progress.domain.AtRisk;
import vn.serviceindex.portal.progress.domain.BacktestCase;
import vn.serviceindex.portal.progress.domain.BacktestSummary;
import vn.serviceindex.portal.progress.domain.ForecastSheet;
import vn.serviceindex.portal.progress.domain.GroupForecast;
import vn.serviceindex.portal.progress.domain.Outlook;
import vn.serviceindex.portal.progress.domain.Projection;
import vn.serviceindex.portal.progress.domain.Trend;
import vn.serviceindex.portal.progress.domain.UnitForecast;
import vn.serviceindex.portal.progress.service.ForecastService;
import vn.serviceindex.portal.ranking.service.LeaderboardService;

/**
 * {@code GET /api/v1/forecasts}: per covered unit under a root and per group, the figures the forecast used, the
 * projected rate and its range at the check, the target due then, the verdict and the weekly gain it takes;
 * {@code /forecasts/at-risk} the units most at risk as CSV or XLSX; {@code /forecasts/backtest} how the method fared
 * on the figures stored. Scope as for progress: the root must be readable, and only readable units are answered.
 */
@RestController
@RequestMapping("/api/v1/forecasts")
class ForecastController {

    /** One figure: its period, the day it counts at, its rate, and whether the trend used it. */
    record Figure(String period, String on, double rate, boolean used) {
    }

    /** A forecast for one day: the target due, the projection and its range, the verdict. */
    record Day(String on, @Nullable Double target, @Nullable Double projected, @Nullable Double low,
               @Nullable Double high, String verdict, String verdictText, @Nullable Double gap) {
    }

    record Group(String group, String targetsFrom, List<Figure> observations, @Nullable String basis,
                 @Nullable Double trendPerMonth, @Nullable Double trendPerWeek, Day check, Day phaseEnd,
                 @Nullable Double weeklyGainNeeded, @Nullable Double pointsIfReached) {
    }

    record Unit(String unitCode, String unitName, String level, List<Group> groups) {
    }

    record Answer(String root, String campaign, String today, String check, @Nullable String checkName,
                  String method, List<Unit> units) {
    }

    record Backtested(String root, BacktestSummary overall, double heldShare, double withinRangeShare,
                      Map<String, BacktestSummary> byGroup) {
    }

    private final ForecastService forecasts;
    private final LeaderboardService leaderboards;
    private final I18NProvider translations;

    ForecastController(ForecastService forecasts, LeaderboardService leaderboards, I18NProvider translations) {
        this.forecasts = forecasts;
        this.leaderboards = leaderboards;
        this.translations = translations;
    }

    /**
     * @param root  the code of a province, district or unit
     * @param check the day to forecast for, {@code 2024-05-10}; by default the campaign's next milestone check
     */
    @GetMapping
    Answer forecasts(@RequestParam String root, @RequestParam(required = false) @Nullable String check,
                     HttpServletRequest request) {
        ForecastSheet sheet = sheet(root, check);
        Locale locale = locale(request);
        List<Unit> units = sheet.units().stream().map(unit -> new Unit(unit.unitCode(), unit.unitName(),
                unit.level(), unit.groups().stream().map(g -> group(g, locale)).toList())).toList();
        return new Answer(root, sheet.campaign().name(), sheet.today().toString(), sheet.check().toString(),
                sheet.checkName(), translations.getTranslation("forecast.panel.method", locale, Trend.WINDOW), units);
    }

    /** The units most at risk, as the dashboard exports them: largest gap at the check first. */
    @GetMapping("/at-risk")
    void atRisk(@RequestParam String root, @RequestParam(required = false) @Nullable String check,
                @RequestParam(defaultValue = "csv") String format, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        TableFormat table = switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> TableFormat.CSV;
            case "xlsx" -> TableFormat.XLSX;
            default -> throw refused("format", "forecast.error.format", format);
        };
        ForecastSheet sheet = sheet(root, check);
        Locale locale = locale(request);
        response.setContentType(table.contentType());
        response.setHeader("Content-Disposition", "attachment; filename=\"du-bao-co-nguy-co-" + root + "-"
                + sheet.check() + "." + table.extension() + "\"");
        List<String> headers = AtRisk.COLUMN_KEYS.stream().map(key -> translations.getTranslation(key, locale))
                .toList();
        try (var writer = new TableWriter(table, response.getOutputStream(),
                translations.getTranslation("forecast.export.sheet", locale), headers)) {
            for (AtRisk line : sheet.atRisk()) {
                writer.write(line.cells(key -> translations.getTranslation(key, locale)));
            }
        }
    }

    /** The method tried on every figure stored under the root: each month's forecast against the next month. */
    @GetMapping("/backtest")
    Backtested backtest(@RequestParam String root) {
        List<BacktestCase> cases = forecasts.backtest(rootId(root));
        BacktestSummary overall = BacktestSummary.of(cases);
        Map<String, BacktestSummary> byGroup = new LinkedHashMap<>();
        cases.stream().collect(Collectors.groupingBy(BacktestCase::groupCode, LinkedHashMap::new,
                Collectors.toList())).forEach((group, list) -> byGroup.put(group, BacktestSummary.of(list)));
        return new Backtested(root, overall, round(overall.heldShare()), round(overall.withinRangeShare()), byGroup);
    }

    private ForecastSheet sheet(String root, @Nullable String check) {
        long rootId = rootId(root);
        LocalDate day = null;
        if (check != null && !check.isBlank()) {
            try {
                day = LocalDate.parse(check.strip());
            } catch (DateTimeParseException e) {
                throw refused("check", "forecast.error.check", check);
            }
        }
        ForecastSheet found;
        try {
            found = forecasts.forecasts(rootId, day).orElse(null);
        } catch (UserError refusal) {
            if (refusal.messageKey().equals("forecast.error.checkOutside")) {
                throw refused("check", refusal.messageKey(), refusal.arguments());
            }
            throw refusal;
        }
        if (found == null) {
            throw refused("root", "forecast.error.noCampaign", root);
        }
        return found;
    }

    private long rootId(String root) {
        try {
            return leaderboards.unitIdByCode(root.strip());
        } catch (UserError unknown) {
            throw refused("root", "forecast.error.unknownRoot", root);
        }
    }

    /** A refusal naming the parameter at fault, which the API answers as {@code {error, key, field}}. */
    private static UserError refused(String field, String messageKey, Object... arguments) {
        return UserError.at(field, messageKey, arguments);
    }

    private Group group(GroupForecast group, Locale locale) {
        Trend trend = group.trend();
        List<Figure> figures = new ArrayList<>();
        group.observations().forEach(o -> figures.add(new Figure(o.period(), o.on().toString(), o.rate(),
                group.used().contains(o))));
        return new Group(group.groupCode(), group.targetFromPlan() ? "PLAN" : "RULE", figures,
                trend == null ? null : translations.getTranslation("forecast.basis", locale, trend.used().size()),
                trend == null ? null : round(trend.slopePerMonth()), trend == null ? null : trend.slopePerWeek(),
                day(group.check(), locale), day(group.phaseEnd(), locale), group.weeklyGainNeeded(),
                group.whatIf() == null ? null : group.whatIf().points());
    }

    private Day day(Outlook outlook, Locale locale) {
        Projection projection = outlook.projection();
        return new Day(outlook.on().toString(), outlook.target(), projection == null ? null : projection.rate(),
                projection == null ? null : projection.low(), projection == null ? null : projection.high(),
                outlook.verdict().name(), translations.getTranslation(outlook.verdict().labelKey(), locale),
                outlook.gap());
    }

    /** As the API's errors: Vietnamese unless the caller asks for English. */
    private static Locale locale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? PortalTranslations.VIETNAMESE
                : PortalTranslations.supported(request.getLocale());
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
