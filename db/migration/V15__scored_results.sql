-- The score that ranks, in one place: per unit, period and group the group row of the unit's result under the
-- newest formula set (should a period hold results under two sets), with its score — the portal's official score
-- where it published one, the portal's recomputation from the stored counts otherwise. Leaderboards, score
-- distributions and trends, progress, forecasts, the dashboard and the API read this view instead of repeating
-- "official, else computed" and "the newest set's result" in their own SQL.
--
-- A plain view (no window function, no aggregate): PostgreSQL inlines it, so a query's filters on unit_id, period
-- and group_code reach the result and result_group indexes, and the newest-set rule is an anti-join on the
-- result_once index (unit_id, period, formula_set_id). Columns a query does not read cost nothing; the left join to
-- index_group is removed unless max_points is read (index_group_code_unique makes it unique).

create view scored_result as
select r.id                                                    as result_id,
       r.unit_id,
       r.period,
       r.formula_set_id,
       period_start(r.period)                                  as starts,
       period_end(r.period)                                    as ends,
       period_kind(r.period)                                   as kind,
       period_fineness(r.period)                               as fineness,
       g.id                                                    as result_group_id,
       g.group_code,
       g.headline_rate,
       g.counts,
       g.official_score,
       g.official_max,
       g.computed_score,
       g.computed_max,
       -- The score that ranks: official, else computed; null when neither is known.
       coalesce(g.official_score, g.computed_score)            as score,
       g.official_score is not null                            as official,
       -- The max the score is out of: the portal's, else the recomputation's, else the formula set's.
       coalesce(g.official_max, g.computed_max, ig.max_points) as max_points
from result r
join result_group g on g.result_id = r.id
left join index_group ig on ig.formula_set_id = r.formula_set_id and ig.code = g.group_code
where not exists (select 1 from result newer
                  where newer.unit_id = r.unit_id and newer.period = r.period
                    and newer.formula_set_id > r.formula_set_id);

comment on view scored_result is
    'Per unit, period and group: the newest formula set''s result group with its ranking score (official, else computed)';
