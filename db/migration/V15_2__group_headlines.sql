-- A group's headline rate (the rate a campaign sets targets for, progress tracks and imports store beside the
-- score) is data of the formula set, not code: by default the group's ratio (score / max, the portal's "ratio"),
-- or, where a group names one, the rate of one term of one of its metrics. The 766 sets' online payment (TTTT)
-- tracks term A of ONLINE_PAYMENT, the dossiers with a fee paid online: no plan sets a target for the procedures'
-- terms B and C that its ratio mixes in. A new set with another headline needs no change of code; the groups and
-- their order were data already (index_group.position).

alter table index_group
    add column headline_metric text,
    add column headline_term   integer,
    -- Both or neither: a term is named by its metric and its position in it (metric_term.position, 1-based).
    add constraint index_group_headline_whole check ((headline_metric is null) = (headline_term is null)),
    add constraint index_group_headline_term_positive check (headline_term is null or headline_term >= 1);

comment on column index_group.headline_metric is
    'The metric whose term''s rate is the group''s headline rate; null: the headline rate is score / max';
comment on column index_group.headline_term is 'The position (1-based) of that term in the metric';

-- The seeded sets are active, and an active set's content is frozen (V5): the headline states what the code did
-- for them until now, so it changes no score nor any rate; the freeze is lifted for this statement only.
alter table index_group disable trigger index_group_active_frozen;

update index_group g
set headline_metric = 'ONLINE_PAYMENT',
    headline_term   = 1
where g.code = 'TTTT'
  and exists (select 1 from metric m join metric_term t on t.metric_id = m.id
              where m.index_group_id = g.id and m.code = 'ONLINE_PAYMENT' and t.position = 1);

alter table index_group enable trigger index_group_active_frozen;
