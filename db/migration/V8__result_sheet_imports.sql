-- Result sheets (CSV, XLSX) filled in by people are imported beside the national portal's JSON files. A sheet holds
-- many groups and periods in one file, so only a JSON file's import names one group and one period; every imported
-- group row still says which file, when and by whom through result_group.import_id.
alter table portal_import
    add column format varchar(8) not null default 'JSON',
    alter column group_code drop not null,
    alter column period drop not null,
    add constraint portal_import_format_known check (format in ('JSON', 'CSV', 'XLSX')),
    -- A portal response covers one group and one period (the user states the period): both stay required for it.
    add constraint portal_import_json_group_and_period check (format <> 'JSON'
        or (group_code is not null and period is not null));
