package vn.serviceindex.portal.index.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.index.domain.CountSum;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.index.domain.StoredFormulaSet;
import vn.serviceindex.portal.index.domain.Term;
import vn.serviceindex.portal.index.service.FormulaSetService;

/**
 * "How the index is scored", for everybody: the formula set active today, in words, per group and metric
 * ("6 điểm × tỷ lệ", "đủ điểm khi đạt 80 %"), with the portal's rounding rule. It is generated from the stored
 * set, so it always explains the formulas that actually score.
 */
@Route("index")
// Every role, but not none: an account without a role reads nothing.
@RolesAllowed({"UNIT_EDITOR", "UNIT_VIEWER", "PROVINCE_MONITOR", "AUDITOR", "ADMIN"})
@Menu(order = 30, icon = "OPEN_BOOK", title = "nav.indexGuide")
public class IndexGuideView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final FormulaSetService formulaSets;
    final Paragraph setLine = new Paragraph();
    final Div groups = new Div();

    IndexGuideView(FormulaSetService formulaSets) {
        this.formulaSets = formulaSets;
        addClassName("index-guide-view");
        setMaxWidth("60rem");
        groups.addClassName("index-guide-groups");
        add(new H2(getTranslation("guide.title")), setLine, groups);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        groups.removeAll();
        formulaSets.activeToday().ifPresentOrElse(this::explain,
                () -> setLine.setText(getTranslation("guide.noActiveSet")));
    }

    private void explain(StoredFormulaSet stored) {
        FormulaSet set = stored.formulas();
        setLine.setText(getTranslation("guide.activeSet", set.name(), Formats.date(set.validFrom(), getLocale())));
        groups.add(new Paragraph(getTranslation("guide.intro", set.groups().size())));
        for (IndexGroup group : set.groups()) {
            groups.add(new H3(getTranslation("guide.group", group.code(), name(group.nameVi(), group.nameEn()),
                    group.maxPoints())));
            var metrics = new UnorderedList();
            group.metrics().forEach(metric -> metrics.add(metricItem(metric)));
            groups.add(metrics);
        }
        groups.add(new H3(getTranslation("guide.rounding.title")),
                new Paragraph(getTranslation("guide.rounding.terms")),
                new Paragraph(getTranslation("guide.rounding.sums")),
                new Paragraph(getTranslation("guide.published")));
    }

    private ListItem metricItem(Metric metric) {
        var item = new ListItem();
        item.addClassName("index-guide-metric");
        var title = new Span(metric.isTrackedOnly()
                ? getTranslation("guide.metricTracked", name(metric.nameVi(), metric.nameEn()), metric.code())
                : getTranslation("guide.metric", name(metric.nameVi(), metric.nameEn()), metric.code(),
                        metric.maxPoints()));
        title.addClassName("index-guide-metric-title");
        item.add(title, new Span(" "));
        if (metric.isFixed()) {
            item.add(new Span(getTranslation("guide.fixed", metric.fixedScore())));
            return item;
        }
        if (metric.isTrackedOnly()) {
            item.add(new Span(getTranslation("guide.trackedOnly")));
            return item;
        }
        if (metric.terms().size() == 1) {
            item.add(new Span(termText(metric.terms().getFirst())));
        } else {
            item.add(new Span(getTranslation("guide.sumOfTerms", metric.maxPoints())));
            var terms = new UnorderedList();
            metric.terms().forEach(term -> terms.add(new ListItem(termText(term))));
            item.add(terms);
        }
        List<String> notes = new ArrayList<>();
        if (metric.roundRateFirst()) {
            notes.add(getTranslation("guide.roundRateFirst"));
        }
        notes.add(getTranslation("guide.whenEmpty." + metric.whenEmpty().name(), metric.maxPoints()));
        var remarks = new Div(new Span(String.join(" ", notes)));
        remarks.addClassName("index-guide-remarks");
        // The space keeps the text readable when copied or read aloud; the block starts a line anyway.
        item.add(new Span(" "), remarks);
        return item;
    }

    /**
     * {@code min(cap, points × rate % / threshold %)} in words: "6 điểm × tỷ lệ", "2 điểm × tỷ lệ ÷ 80 %, đủ điểm
     * khi đạt 80 %", "2,5 điểm × tỷ lệ, tối đa 2 điểm (khi đạt 80 %)", and which counts make the rate.
     */
    String termText(Term term) {
        String text = term.thresholdPercent() == 100 ? getTranslation("guide.term", term.points())
                : getTranslation("guide.termThreshold", term.points(), term.thresholdPercent());
        Double fullAt = term.fullAtRate();
        if (fullAt != null && fullAt < 100) {
            text += term.cap() == term.points() ? getTranslation("guide.fullAt", fullAt)
                    : getTranslation("guide.cappedAt", term.cap(), fullAt);
        }
        return text + " " + getTranslation("guide.rate", fields(term.numerator()), fields(term.denominator()));
    }

    /** "totalOnTime", or "(partialCount + fullCount)" so that the sum reads as the numerator. */
    private static String fields(CountSum sum) {
        String joined = String.join(" + ", sum.fields());
        return sum.fields().size() > 1 ? "(" + joined + ")" : joined;
    }

    private String name(String vietnamese, String english) {
        return Formats.inLanguage(getLocale(), vietnamese, english);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("guide.title");
    }
}
