-- National leaderboards (issue 13): all district-level units or all communes of the nation in one period. A
-- province's board finds its results unit by unit (result_once leads with unit_id); a national one reads a
-- period's results across every province, which this index serves without a probe per unit.
create index result_period_unit on result (period, unit_id);
