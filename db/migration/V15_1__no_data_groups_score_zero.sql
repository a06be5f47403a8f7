-- A group none of whose metrics has data (every denominator empty) now scores 0 of its max, as the national portal
-- publishes it (IndexScoring, GroupScore): only the metric shows "no data". Groups recomputed before this change
-- were stored with no computed score although they had counts; give them what ComputedScores now stores. Such a
-- group's metrics can only be ZERO or NOT_APPLICABLE on their empty denominator, or tracked-only (max 0): a FULL
-- or a fixed-score metric would have given the group a score. So its max is the sum of the metrics' maxima that
-- are not NOT_APPLICABLE, and its score 0.
update result_group g
set computed_score = 0,
    computed_max   = (select sum(case when mt.when_empty = 'NOT_APPLICABLE' then 0 else mt.max_points end)
                      from result r
                      join index_group ig on ig.formula_set_id = r.formula_set_id and ig.code = g.group_code
                      join metric mt on mt.index_group_id = ig.id
                      where r.id = g.result_id)
where g.computed_score is null
  and g.counts <> '{}'::jsonb
  and exists (select 1 from result r
              join index_group ig on ig.formula_set_id = r.formula_set_id and ig.code = g.group_code
              where r.id = g.result_id);
