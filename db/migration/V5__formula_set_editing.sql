-- Editing formula sets: an administrator copies a set, edits the copy as a draft and activates it from a date.

-- Optimistic locking: two administrators editing the same draft must not silently overwrite each other's work.
-- The audit triggers skip this column (it changes on every save and tells an auditor nothing).
ALTER TABLE formula_set ADD COLUMN version integer NOT NULL DEFAULT 0;

-- Names are typed by hand and repeated in lists, API answers ("formulaSet": "766-2026") and audit records.
ALTER TABLE formula_set ADD CONSTRAINT formula_set_name_length CHECK (char_length(name) <= 100);

-- An active set has scored results, and scores of its periods must stay reproducible: its formulas, name, start
-- date and notes are frozen. A change of the rules is a copy, edited as a draft and activated from a date. Only
-- the activation columns (and the lock counter) may change, so that a later deactivation stays possible.
-- Errors carry a constraint name so that the portal shows its own text (error.constraint.formula_set_active_frozen).
CREATE FUNCTION formula_set_refuse_active_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF tg_op = 'DELETE' AND old.active
        OR tg_op = 'UPDATE' AND old.active
               AND (new.name, new.valid_from, new.notes) IS DISTINCT FROM (old.name, old.valid_from, old.notes) THEN
        RAISE EXCEPTION 'formula set % is active and cannot be changed; copy it', old.name
            USING ERRCODE = 'check_violation', CONSTRAINT = 'formula_set_active_frozen';
    END IF;
    IF tg_op = 'DELETE' THEN
        RETURN old;
    END IF;
    RETURN new;
END
$$;

CREATE TRIGGER formula_set_active_frozen
    BEFORE UPDATE OR DELETE ON formula_set
    FOR EACH ROW EXECUTE FUNCTION formula_set_refuse_active_change();

-- The same rule for a set's content. Groups and metrics carry their set's id; terms reach it through their metric.
-- Both the old and the new row are checked, so that no row moves into or out of an active set either.
CREATE FUNCTION formula_content_refuse_active_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    touched jsonb[] := CASE tg_op WHEN 'INSERT' THEN ARRAY[to_jsonb(new)]
                                  WHEN 'DELETE' THEN ARRAY[to_jsonb(old)]
                                  ELSE ARRAY[to_jsonb(old), to_jsonb(new)] END;
    row_data jsonb;
    set_id   bigint;
BEGIN
    FOREACH row_data IN ARRAY touched LOOP
        set_id := (row_data ->> 'formula_set_id')::bigint;
        IF set_id IS NULL THEN
            SELECT m.formula_set_id INTO set_id FROM metric m WHERE m.id = (row_data ->> 'metric_id')::bigint;
        END IF;
        IF EXISTS (SELECT 1 FROM formula_set s WHERE s.id = set_id AND s.active) THEN
            RAISE EXCEPTION 'formula set % is active: its % rows cannot be changed; copy it', set_id, tg_table_name
                USING ERRCODE = 'check_violation', CONSTRAINT = 'formula_set_active_frozen';
        END IF;
    END LOOP;
    IF tg_op = 'DELETE' THEN
        RETURN old;
    END IF;
    RETURN new;
END
$$;

CREATE TRIGGER index_group_active_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON index_group
    FOR EACH ROW EXECUTE FUNCTION formula_content_refuse_active_change();
CREATE TRIGGER metric_active_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON metric
    FOR EACH ROW EXECUTE FUNCTION formula_content_refuse_active_change();
CREATE TRIGGER metric_term_active_frozen
    BEFORE INSERT OR UPDATE OR DELETE ON metric_term
    FOR EACH ROW EXECUTE FUNCTION formula_content_refuse_active_change();
