-- Formula sets of the citizen and business service index (Decision 766/QĐ-TTg of 23-06-2022).
--
-- The index's weights, caps and thresholds are data: a change of the national rules is a new formula set,
-- edited by an administrator, not a release. A set holds groups, a group metrics, a metric terms:
--     rate %       = 100 × Σ numerator_fields / Σ denominator_fields
--     term         = min(cap, points × rate % / threshold_percent)
--     metric score = min(metric max_points, Σ terms); group = Σ metrics; total = Σ groups
-- CHECK constraints below hold the rules one row can state. The rules across rows (group maxima summing to 100,
-- metric maxima summing to their group's max, a term's cap not above its metric's max, a fixed-score metric
-- without terms) cannot be CHECKs; the domain's FormulaValidation refuses such sets before they are saved.
-- Points are numeric(5,2): the portal publishes two decimals and numeric keeps 2.5 exactly 2.5 here.

CREATE TABLE formula_set (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Users pick a set by name ("766-2026"), so it must be unique and readable.
    name           text        NOT NULL UNIQUE
        CONSTRAINT formula_set_name_not_blank CHECK (btrim(name) <> ''),
    -- First day of the first period the set scores; results of earlier periods keep their own set.
    valid_from     date        NOT NULL,
    notes          text        NOT NULL DEFAULT '',
    -- A draft is inactive; only active sets score results.
    active         boolean     NOT NULL DEFAULT false,
    -- When the set was activated (audit); kept after deactivation so the history stays readable.
    activated_from timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    -- An active set must say since when, or nobody can tell which scores it produced.
    CONSTRAINT formula_set_active_has_activation CHECK (NOT active OR activated_from IS NOT NULL)
);

-- Two active sets valid from the same day would make the set of a period ambiguous.
CREATE UNIQUE INDEX formula_set_one_active_per_day ON formula_set (valid_from) WHERE active;

CREATE TABLE index_group (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    formula_set_id bigint       NOT NULL REFERENCES formula_set (id) ON DELETE CASCADE,
    -- The portal's group code (CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH): imports match on it.
    code           text         NOT NULL
        CONSTRAINT index_group_code_not_blank CHECK (btrim(code) <> ''),
    name_vi        text         NOT NULL
        CONSTRAINT index_group_name_vi_not_blank CHECK (btrim(name_vi) <> ''),
    name_en        text         NOT NULL
        CONSTRAINT index_group_name_en_not_blank CHECK (btrim(name_en) <> ''),
    -- A group's share of the index's 100 points.
    max_points     numeric(5, 2) NOT NULL
        CONSTRAINT index_group_max_points_range CHECK (max_points >= 0 AND max_points <= 100),
    -- Display order, 1-based.
    position       integer      NOT NULL
        CONSTRAINT index_group_position_positive CHECK (position >= 1),
    CONSTRAINT index_group_code_unique UNIQUE (formula_set_id, code),
    CONSTRAINT index_group_position_unique UNIQUE (formula_set_id, position),
    -- Target of metric's composite foreign key, which keeps a metric in the same set as its group.
    CONSTRAINT index_group_id_set_unique UNIQUE (id, formula_set_id)
);

CREATE TABLE metric (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Repeated from the group so that metric codes can be unique across the whole set (below).
    formula_set_id   bigint       NOT NULL,
    index_group_id   bigint       NOT NULL,
    -- The portal's metric code (PUBLISH_ON_TIME …); per-metric counts are named <code>.numerator/.denominator.
    code             text         NOT NULL
        CONSTRAINT metric_code_not_blank CHECK (btrim(code) <> ''),
    name_vi          text         NOT NULL
        CONSTRAINT metric_name_vi_not_blank CHECK (btrim(name_vi) <> ''),
    name_en          text         NOT NULL
        CONSTRAINT metric_name_en_not_blank CHECK (btrim(name_en) <> ''),
    -- 0 marks a tracked-only metric (kept and shown, never scored), e.g. the petition classification shares.
    max_points       numeric(5, 2) NOT NULL
        CONSTRAINT metric_max_points_range CHECK (max_points >= 0 AND max_points <= 100),
    -- What an empty denominator scores: ZERO (0, shown as "no data"), FULL (the max), NOT_APPLICABLE (left out).
    when_empty       text         NOT NULL DEFAULT 'ZERO'
        CONSTRAINT metric_when_empty_known CHECK (when_empty IN ('ZERO', 'FULL', 'NOT_APPLICABLE')),
    -- Whether the rate % is rounded to two decimals before it enters the terms: the portal does for TTTT only.
    round_rate_first boolean      NOT NULL DEFAULT false,
    -- Points every unit gets regardless of counts (MDSH electronic certified copies); NULL for computed metrics.
    -- A fixed score above the max would push the group past its max.
    fixed_score      numeric(5, 2)
        CONSTRAINT metric_fixed_score_range CHECK (fixed_score IS NULL OR (fixed_score >= 0 AND fixed_score <= max_points)),
    position         integer      NOT NULL
        CONSTRAINT metric_position_positive CHECK (position >= 1),
    -- Deleting a set deletes its groups and, through this key, their metrics.
    CONSTRAINT metric_group_fk FOREIGN KEY (index_group_id, formula_set_id)
        REFERENCES index_group (id, formula_set_id) ON DELETE CASCADE,
    CONSTRAINT metric_code_unique_in_set UNIQUE (formula_set_id, code),
    CONSTRAINT metric_position_unique UNIQUE (index_group_id, position)
);

CREATE INDEX metric_index_group_id ON metric (index_group_id);

CREATE TABLE metric_term (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    metric_id          bigint       NOT NULL REFERENCES metric (id) ON DELETE CASCADE,
    -- A count or a sum of counts (CLGQ 3.1: partialCount + fullCount); a rate needs at least one on each side,
    -- and a NULL or blank name would never match an imported count.
    numerator_fields   text[]       NOT NULL
        CONSTRAINT metric_term_numerator_fields_present CHECK (
            cardinality(numerator_fields) >= 1
            AND array_position(numerator_fields, NULL) IS NULL
            AND array_position(numerator_fields, '') IS NULL),
    denominator_fields text[]       NOT NULL
        CONSTRAINT metric_term_denominator_fields_present CHECK (
            cardinality(denominator_fields) >= 1
            AND array_position(denominator_fields, NULL) IS NULL
            AND array_position(denominator_fields, '') IS NULL),
    -- Negative points or caps would let a better rate lose points.
    points             numeric(5, 2) NOT NULL
        CONSTRAINT metric_term_points_non_negative CHECK (points >= 0),
    cap                numeric(5, 2) NOT NULL
        CONSTRAINT metric_term_cap_non_negative CHECK (cap >= 0),
    -- The rate % earning full points: 100 for proportional terms; 0 would divide by zero, above 100 is unreachable.
    threshold_percent  numeric(5, 2) NOT NULL DEFAULT 100
        CONSTRAINT metric_term_threshold_range CHECK (threshold_percent > 0 AND threshold_percent <= 100),
    -- Terms are added in this order, as the portal does (it matters for the last cent of a double).
    position           integer      NOT NULL
        CONSTRAINT metric_term_position_positive CHECK (position >= 1),
    CONSTRAINT metric_term_position_unique UNIQUE (metric_id, position)
);

COMMENT ON TABLE formula_set IS 'A versioned set of the index''s formulas (Decision 766/QĐ-TTg)';
COMMENT ON TABLE index_group IS 'A group of the index: CKMB, TDGQ, CLGQ, TTTT, MDHL, MDSH';
COMMENT ON TABLE metric IS 'A metric of a group; score = min(max_points, sum of its terms)';
COMMENT ON TABLE metric_term IS 'min(cap, points × rate % / threshold_percent), rate % = 100 × Σ numerator / Σ denominator';

-- The default set for 2026, reconstructed from the national portal's published figures (every published group
-- score of a province reproduced exactly). One row per line, in the order of the reference table.

INSERT INTO formula_set (name, valid_from, notes, active, activated_from)
VALUES ('766-2026', DATE '2026-01-01',
        'Bộ chỉ số theo Quyết định 766/QĐ-TTg, cách tính của Cổng Dịch vụ công quốc gia năm 2026 (mặc định).',
        true, now());

INSERT INTO index_group (formula_set_id, code, name_vi, name_en, max_points, position)
SELECT s.id, g.code, g.name_vi, g.name_en, g.max_points, g.position
FROM formula_set s
CROSS JOIN (VALUES
    ('CKMB', 'Công khai, minh bạch', 'Publicity and transparency', 18, 1),
    ('TDGQ', 'Tiến độ giải quyết', 'On-time handling', 20, 2),
    ('CLGQ', 'Dịch vụ công trực tuyến', 'Online public services', 12, 3),
    ('TTTT', 'Thanh toán trực tuyến', 'Online payment', 10, 4),
    ('MDHL', 'Mức độ hài lòng', 'Satisfaction', 18, 5),
    ('MDSH', 'Mức độ số hóa', 'Digitisation of dossiers and results', 22, 6)
) AS g (code, name_vi, name_en, max_points, position)
WHERE s.name = '766-2026';

INSERT INTO metric (formula_set_id, index_group_id, code, name_vi, name_en, max_points, when_empty,
                    round_rate_first, fixed_score, position)
SELECT g.formula_set_id, g.id, m.code, m.name_vi, m.name_en, m.max_points, m.when_empty,
       m.round_rate_first, m.fixed_score, m.position
FROM index_group g
JOIN formula_set s ON s.id = g.formula_set_id
JOIN (VALUES
    ('CKMB', 'PUBLISH_ON_TIME', 'Công bố thủ tục hành chính đúng hạn', 'Procedures published on time', 6, 'ZERO', false, NULL::numeric, 1),
    ('CKMB', 'PUBLIC_UPDATE_ON_TIME', 'Cập nhật, công khai thủ tục hành chính đúng hạn', 'Procedures updated and published on time', 4, 'ZERO', false, NULL, 2),
    ('CKMB', 'PUBLIC_CONTENT_FULL', 'Công khai đầy đủ nội dung thủ tục hành chính', 'Procedures published with full content', 2, 'ZERO', false, NULL, 3),
    ('CKMB', 'DOSSIER_SYNC', 'Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia', 'Dossiers synchronised to the national portal', 6, 'ZERO', false, NULL, 4),
    ('TDGQ', 'ON_TIME_HANDLING', 'Hồ sơ giải quyết đúng hạn', 'Dossiers handled on time', 20, 'ZERO', false, NULL, 1),
    ('CLGQ', 'ONLINE_PROCEDURES', 'Thủ tục hành chính cung cấp dịch vụ công trực tuyến', 'Procedures offered online', 2, 'ZERO', false, NULL, 1),
    ('CLGQ', 'ONLINE_SERVICES_USED', 'Dịch vụ công trực tuyến phát sinh hồ sơ trực tuyến', 'Online services that received online dossiers', 4, 'ZERO', false, NULL, 2),
    ('CLGQ', 'ONLINE_DOSSIER_SHARE', 'Tỷ lệ hồ sơ trực tuyến', 'Online share of dossiers', 6, 'ZERO', false, NULL, 3),
    ('TTTT', 'ONLINE_PAYMENT', 'Thanh toán trực tuyến', 'Online payment', 10, 'ZERO', true, NULL, 1),
    ('MDHL', 'PETITION_PROCESSING_ON_TIME', 'Xử lý phản ánh, kiến nghị đúng hạn', 'Petitions handled on time', 6, 'FULL', false, NULL, 1),
    ('MDHL', 'PETITION_HANDLING_SATISFACTION', 'Hài lòng về xử lý phản ánh, kiến nghị', 'Satisfaction with petition handling', 6, 'FULL', false, NULL, 2),
    ('MDHL', 'DOSSIER_RECEIVING_SATISFACTION', 'Hài lòng về tiếp nhận, giải quyết hồ sơ', 'Satisfaction with receiving and handling dossiers', 6, 'ZERO', false, NULL, 3),
    ('MDHL', 'PETITION_CLASSIFICATION_TTHC', 'Phân loại phản ánh, kiến nghị về thủ tục hành chính', 'Petitions classified: administrative procedures', 0, 'ZERO', false, NULL, 4),
    ('MDHL', 'PETITION_CLASSIFICATION_STAFF', 'Phân loại phản ánh, kiến nghị về cán bộ, công chức', 'Petitions classified: staff', 0, 'ZERO', false, NULL, 5),
    ('MDSH', 'ORIGINAL_RESULT_AVAILABLE', 'Hồ sơ có kết quả giải quyết điện tử', 'Dossiers with an electronic result', 6, 'ZERO', false, NULL, 1),
    ('MDSH', 'SO_HOA_GIAY_TO_GIAI_QUYET', 'Số hóa hồ sơ, giấy tờ giải quyết thủ tục hành chính', 'Dossiers digitised', 4, 'ZERO', false, NULL, 2),
    ('MDSH', 'ELECTRONIC_CERTIFIED_COPY', 'Chứng thực bản sao điện tử', 'Electronic certified copies', 2, 'ZERO', false, 2, 3),
    ('MDSH', 'REUSED_DIGITIZED_DATA', 'Tái sử dụng dữ liệu đã số hóa', 'Digitised data reused', 2, 'ZERO', false, NULL, 4),
    ('MDSH', 'SYNCED_WITH_DVCQG_PERSONAL_STORAGE', 'Đồng bộ kho dữ liệu cá nhân trên Cổng Dịch vụ công quốc gia', 'Synchronised to the citizen''s personal store', 4, 'ZERO', false, NULL, 5),
    ('MDSH', 'CITIZEN_DATA_CONNECTED_DOSSIER', 'Kết nối dữ liệu dân cư (hồ sơ)', 'Citizen data connected (dossiers)', 2, 'ZERO', false, NULL, 6),
    ('MDSH', 'CITIZEN_DATA_CONNECTED_FORMALITY', 'Kết nối dữ liệu dân cư (thủ tục hành chính)', 'Citizen data connected (procedures)', 2, 'ZERO', false, NULL, 7)
) AS m (group_code, code, name_vi, name_en, max_points, when_empty, round_rate_first, fixed_score, position)
    ON m.group_code = g.code
WHERE s.name = '766-2026';

-- ELECTRONIC_CERTIFIED_COPY has no terms (fixed score); the tracked-only petition classification shares neither.
INSERT INTO metric_term (metric_id, numerator_fields, denominator_fields, points, cap, threshold_percent, position)
SELECT m.id, t.numerator_fields, t.denominator_fields, t.points, t.cap, t.threshold_percent, t.position
FROM metric m
JOIN formula_set s ON s.id = m.formula_set_id
JOIN (VALUES
    ('PUBLISH_ON_TIME', ARRAY['PUBLISH_ON_TIME.numerator'], ARRAY['PUBLISH_ON_TIME.denominator'], 6, 6, 100, 1),
    ('PUBLIC_UPDATE_ON_TIME', ARRAY['PUBLIC_UPDATE_ON_TIME.numerator'], ARRAY['PUBLIC_UPDATE_ON_TIME.denominator'], 4, 4, 100, 1),
    ('PUBLIC_CONTENT_FULL', ARRAY['PUBLIC_CONTENT_FULL.numerator'], ARRAY['PUBLIC_CONTENT_FULL.denominator'], 2, 2, 100, 1),
    ('DOSSIER_SYNC', ARRAY['DOSSIER_SYNC.numerator'], ARRAY['DOSSIER_SYNC.denominator'], 6, 6, 100, 1),
    ('ON_TIME_HANDLING', ARRAY['totalOnTime'], ARRAY['totalReceived'], 20, 20, 100, 1),
    ('ONLINE_PROCEDURES', ARRAY['partialCount', 'fullCount'], ARRAY['authorityCount'], 2, 2, 80, 1),
    ('ONLINE_SERVICES_USED', ARRAY['onlineDossierCount'], ARRAY['onlineServiceTotal'], 4, 4, 100, 1),
    ('ONLINE_DOSSIER_SHARE', ARRAY['channelOnlineSum'], ARRAY['channelTotalSum'], 6, 6, 50, 1),
    ('ONLINE_PAYMENT', ARRAY['totalDossierOnlinePaymentSuccess'], ARRAY['totalDossierFinancialObligation'], 6, 6, 100, 1),
    ('ONLINE_PAYMENT', ARRAY['totalDossierOnlineFormalityPaymentSuccess'], ARRAY['totalFeeFormality'], 2.5, 2, 100, 2),
    ('ONLINE_PAYMENT', ARRAY['totalFeeDossierFormality'], ARRAY['totalFeeFormality'], 2.5, 2.5, 100, 3),
    ('PETITION_PROCESSING_ON_TIME', ARRAY['PETITION_PROCESSING_ON_TIME.numerator'], ARRAY['PETITION_PROCESSING_ON_TIME.denominator'], 6, 6, 100, 1),
    ('PETITION_HANDLING_SATISFACTION', ARRAY['PETITION_HANDLING_SATISFACTION.numerator'], ARRAY['PETITION_HANDLING_SATISFACTION.denominator'], 6, 6, 100, 1),
    ('DOSSIER_RECEIVING_SATISFACTION', ARRAY['DOSSIER_RECEIVING_SATISFACTION.numerator'], ARRAY['DOSSIER_RECEIVING_SATISFACTION.denominator'], 6, 6, 90, 1),
    ('ORIGINAL_RESULT_AVAILABLE', ARRAY['ORIGINAL_RESULT_AVAILABLE.numerator'], ARRAY['ORIGINAL_RESULT_AVAILABLE.denominator'], 6, 6, 100, 1),
    ('SO_HOA_GIAY_TO_GIAI_QUYET', ARRAY['SO_HOA_GIAY_TO_GIAI_QUYET.numerator'], ARRAY['SO_HOA_GIAY_TO_GIAI_QUYET.denominator'], 4, 4, 100, 1),
    ('REUSED_DIGITIZED_DATA', ARRAY['REUSED_DIGITIZED_DATA.numerator'], ARRAY['REUSED_DIGITIZED_DATA.denominator'], 2, 2, 80, 1),
    ('SYNCED_WITH_DVCQG_PERSONAL_STORAGE', ARRAY['SYNCED_WITH_DVCQG_PERSONAL_STORAGE.numerator'], ARRAY['SYNCED_WITH_DVCQG_PERSONAL_STORAGE.denominator'], 4, 4, 100, 1),
    ('CITIZEN_DATA_CONNECTED_DOSSIER', ARRAY['CITIZEN_DATA_CONNECTED_DOSSIER.numerator'], ARRAY['CITIZEN_DATA_CONNECTED_DOSSIER.denominator'], 2, 2, 100, 1),
    ('CITIZEN_DATA_CONNECTED_FORMALITY', ARRAY['CITIZEN_DATA_CONNECTED_FORMALITY.numerator'], ARRAY['CITIZEN_DATA_CONNECTED_FORMALITY.denominator'], 2, 2, 100, 1)
) AS t (metric_code, numerator_fields, denominator_fields, points, cap, threshold_percent, position)
    ON t.metric_code = m.code
WHERE s.name = '766-2026';
