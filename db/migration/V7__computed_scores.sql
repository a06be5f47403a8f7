-- Scores the portal recomputes from stored counts with the result's formula set. They rank a unit that has no
-- official score yet (marked as computed on every leaderboard) and explain an official one; they never replace it.
-- Stored, not recomputed on each read: the result's formula set is frozen once active (V5), so they cannot go stale,
-- and leaderboards stay plain SQL.
alter table result_group
    add column computed_score numeric(5, 2),
    add column computed_max   numeric(5, 2),
    add constraint result_group_computed_non_negative check (computed_score is null or computed_score >= 0),
    -- A recomputation can no more exceed the group's max than the portal's own score.
    add constraint result_group_computed_within_max check (computed_score is null or computed_max is null
        or computed_score <= computed_max);
