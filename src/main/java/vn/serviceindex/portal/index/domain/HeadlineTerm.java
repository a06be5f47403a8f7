package vn.serviceindex.portal.index.domain;

/**
 * Which rate a group's headline rate (the rate a campaign sets targets for and progress tracks) is, when it is not
 * the group's ratio (score / max): the rate of one term of one of the group's metrics. Online payment (TTTT) in the
 * 766 sets tracks term A of its metric, the dossiers with a fee paid online, since no plan sets a target for the
 * procedures' terms B and C. Data of the formula set (index_group.headline_metric, headline_term, V15_2).
 *
 * @param metricCode the metric of the group
 * @param term       the term's position in the metric, 1-based
 */
public record HeadlineTerm(String metricCode, int term) {

    public HeadlineTerm {
        if (term < 1) {
            throw new IllegalArgumentException("a term's position is 1-based, was " + term);
        }
    }
}
