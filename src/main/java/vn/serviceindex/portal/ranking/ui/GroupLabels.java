package vn.serviceindex.portal.ranking.ui;

import java.util.List;
import java.util.Locale;
import vn.serviceindex.portal.base.i18n.Messages;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.index.domain.IndexGroup;

/**
 * The name of a formula set's group as screens show it: the portal's short name where the messages have one
 * ({@code ranking.group.TDGQ}), else the name the set gives it, so that a set with a new group needs no new code.
 */
public final class GroupLabels {

    private GroupLabels() {
    }

    public static String of(IndexGroup group, Locale locale) {
        return Messages.find("ranking.group." + group.code(), locale)
                .orElseGet(() -> Formats.inLanguage(locale, group.nameVi(), group.nameEn()));
    }

    /** The name of the group with this code among the groups; the code itself when none has it. */
    public static String of(String code, List<IndexGroup> groups, Locale locale) {
        return groups.stream().filter(g -> g.code().equals(code)).findFirst().map(g -> of(g, locale))
                .orElseGet(() -> Messages.find("ranking.group." + code, locale).orElse(code));
    }
}
