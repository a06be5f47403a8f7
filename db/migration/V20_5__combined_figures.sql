-- Results across the reform (README "Results across the reform"): a new unit's figures for a period before the
-- restructuring that opened it are its predecessors' combined, computed when read (the portal scores summed counts
-- with the period's formula set in Java, never a stored copy that could drift from the old units' own figures).

-- A unit's predecessors: the links of the restructurings still in force (an undone one links nothing). With the
-- reader's rights, so the walls of unit_lineage and restructuring hold through it; the service reads it as system
-- work once it has checked that the reader reads the successor.
create view unit_predecessor with (security_invoker = true) as
select l.successor_id,
       l.predecessor_id,
       l.kind,
       -- A split's share of the predecessor in percent; null for a merge, rename, re-parent (all of it), or a split
       -- whose share is not known.
       l.share,
       r.effective_date,
       r.id as restructuring_id
from unit_lineage l
join restructuring r on r.id = l.restructuring_id
where r.undone_at is null;

comment on view unit_predecessor is
    'Per new unit, its predecessors by the restructurings in force, with the kind of link and a split''s share';

-- A baseline may come from the predecessors' combined results ("gộp từ các đơn vị cũ").
alter table campaign_baseline drop constraint campaign_baseline_source_known;
alter table campaign_baseline add constraint campaign_baseline_source_known
    check (source in ('TYPED', 'IMPORTED', 'COMBINED'));
