package vn.serviceindex.portal.result.domain;

/** How a successor's figures of a period before the restructuring were made from its predecessors'. */
public enum Combination {
    /** Every predecessor's counts were known: summed (times each share), then scored with the period's formula set. */
    SUMMED_COUNTS,
    /** Counts were missing somewhere: the headline rates and scores weighted by the predecessors' volumes. */
    WEIGHTED_RATES,
    /** A predecessor has neither counts nor a rate with a volume: no combined figure is claimed. */
    NOT_COMBINABLE
}
