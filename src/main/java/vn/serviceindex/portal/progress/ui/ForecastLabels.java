package vn.serviceindex.portal.progress.ui;

import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.progress.domain.GroupForecast;
import vn.serviceindex.portal.progress.domain.Outlook;
import vn.serviceindex.portal.progress.domain.Projection;
import vn.serviceindex.portal.progress.domain.Trend;
import vn.serviceindex.portal.progress.domain.Verdict;
import vn.serviceindex.portal.progress.domain.WhatIf;

/** How forecasts read on screen and in exports, in the user's language. */
public final class ForecastLabels {

    private ForecastLabels() {
    }

    public static String verdict(Component any, Verdict verdict) {
        return any.getTranslation(verdict.labelKey());
    }

    /** The CSS part of a verdict, so that a grid colours it: {@code forecast-will_miss}. */
    public static String part(Verdict verdict) {
        return "forecast-" + verdict.name().toLowerCase(Locale.ROOT);
    }

    /** "Kiểm tra sau 50 ngày (10/05/2024)", or "ngày 01/06/2024" for a day that is no milestone. */
    public static String check(Component any, LocalDate day, @Nullable String name, Locale locale) {
        return name == null ? any.getTranslation("forecast.check.day", Formats.date(day, locale))
                : any.getTranslation("forecast.check.milestone", name, Formats.date(day, locale));
    }

    /** "71,69 % (70,1 – 73,2 %)"; "–" without a projection. */
    public static String projection(@Nullable Projection projection, Locale locale) {
        if (projection == null) {
            return "–";
        }
        String range = Formats.decimal(projection.low(), locale) + " – " + Formats.decimal(projection.high(), locale);
        return ProgressLabels.rate(projection.rate(), locale) + " (" + range + " %)";
    }

    /** "theo xu hướng 4 kỳ gần nhất", or why there is none. */
    public static String basis(Component any, GroupForecast group) {
        Trend trend = group.trend();
        return trend == null ? any.getTranslation("forecast.basis.none")
                : any.getTranslation("forecast.basis", trend.used().size());
    }

    /** "+1,15": the rate points a week the trend gains; "–" without a trend. */
    public static String pace(GroupForecast group, Locale locale) {
        Trend trend = group.trend();
        if (trend == null) {
            return "–";
        }
        double pace = trend.slopePerWeek();
        return (pace > 0 ? "+" : "") + Formats.decimal(pace, locale);
    }

    /** "1,23": the rate points a week it takes; "Đã đạt" when nothing more is needed; "–" when unknown. */
    public static String weeklyGain(Component any, GroupForecast group, Locale locale) {
        Double gain = group.weeklyGainNeeded();
        if (gain == null) {
            return "–";
        }
        return gain == 0 ? any.getTranslation("forecast.weeklyGain.reached") : Formats.decimal(gain, locale);
    }

    /** "73,37 % (… %) / cần 77,37 %: Sẽ không đạt", the forecast at the end of the phase. */
    public static String outlook(Component any, Outlook outlook, Locale locale) {
        if (outlook.target() == null) {
            return projection(outlook.projection(), locale);
        }
        return any.getTranslation("forecast.outlook", projection(outlook.projection(), locale),
                ProgressLabels.rate(outlook.target(), locale), verdict(any, outlook.verdict()));
    }

    /** What reaching the target due at the check would bring: points, and the place where the unit is ranked. */
    public static String whatIf(Component any, @Nullable WhatIf whatIf, @Nullable Double target, Locale locale) {
        if (whatIf == null || target == null) {
            return "";
        }
        String due = ProgressLabels.rate(target, locale);
        if (whatIf.rankNow() == null || whatIf.rankThen() == null) {
            return any.getTranslation("forecast.whatIf.points", due, whatIf.points());
        }
        if (whatIf.climbs()) {
            return any.getTranslation("forecast.whatIf.climbs", due, whatIf.points(),
                    ProgressLabels.ordinal(whatIf.rankNow(), locale), ProgressLabels.ordinal(whatIf.rankThen(), locale));
        }
        return any.getTranslation("forecast.whatIf.stays", due, whatIf.points(),
                ProgressLabels.ordinal(whatIf.rankNow(), locale));
    }
}
