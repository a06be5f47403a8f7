package vn.serviceindex.portal.audit.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import vn.serviceindex.portal.audit.domain.AuditChange;
import vn.serviceindex.portal.audit.domain.AuditRecord;
import vn.serviceindex.portal.audit.domain.AuditReferences;
import vn.serviceindex.portal.audit.domain.FieldChange;
import vn.serviceindex.portal.base.ui.Formats;
import vn.serviceindex.portal.base.ui.PortalTranslations;

/**
 * How the history reads to a person. One change in one line: "Phê duyệt kế hoạch 85/KH-UBND", "Chỉ tiêu Thanh toán
 * trực tuyến, giai đoạn 2: 72,37 % → 77,37 %"; each changed field with its label ({@code audit.field.<table>.<column>},
 * then {@code audit.field.<column>}) and its values as the screens show them: names instead of ids, statuses as
 * words, dates as dd/MM/yyyy, Vietnam time, decimal comma. Technical columns (ids, tree paths) are left to the export.
 */
final class AuditLabels {

    private static final PortalTranslations TEXTS = new PortalTranslations();
    /** Columns a reader has no use for: the row's own id and the unit tree's materialised path. */
    private static final Set<String> TECHNICAL = Set.of("id", "path", "version");
    /** Columns holding a decimal number (written with a decimal comma in Vietnamese). */
    private static final Set<String> NUMBERS = Set.of("target", "proposed", "headline_rate", "official_score",
            "official_max", "computed_score", "computed_max", "official_total", "value", "fixed_target",
            "central_target", "increment", "cap", "max_points", "fixed_score", "points", "threshold_percent");
    /** Columns holding a rate in percent. */
    private static final Set<String> PERCENT = Set.of("target", "proposed", "headline_rate", "fixed_target",
            "central_target", "value", "threshold_percent");
    /** Coded columns and the bundle prefix of their words. */
    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("level", "unit.level."), Map.entry("role", "role."), Map.entry("group_code", "campaign.group."),
            Map.entry("kind", "campaign.kind."), Map.entry("increment_mode", "campaign.mode."),
            Map.entry("from_status", "plan.status."), Map.entry("to_status", "plan.status."),
            Map.entry("action", "plan.action."), Map.entry("source", "audit.value.source."),
            Map.entry("language", "audit.value.language."), Map.entry("when_empty", "audit.value.whenEmpty."));
    /** The column a change of a row of these tables is about. */
    private static final Map<String, String> MAIN_FIELD = Map.of("plan_target", "target",
            "result_group", "headline_rate", "campaign_baseline", "value", "unit_plan", "status",
            "plan_task", "status");
    /** Columns that name a row, in order of preference. */
    private static final List<String> NAMING = List.of("name", "display_name", "title", "number", "file_name",
            "name_vi", "username", "period", "group_code");

    private AuditLabels() {
    }

    static String entity(String entity, Locale locale) {
        return PortalTranslations.find("audit.entity." + entity, locale).orElse(entity);
    }

    static String field(String entity, String field, Locale locale) {
        return PortalTranslations.find("audit.field." + entity + "." + field, locale)
                .or(() -> PortalTranslations.find("audit.field." + field, locale)).orElse(field);
    }

    static String time(AuditRecord record, Locale locale) {
        return time(record.recordedAt().toInstant(), locale);
    }

    static String time(Instant instant, Locale locale) {
        return Formats.dateTimeSeconds(instant, locale);
    }

    /** The account by name and login, or, for a change that bypassed the portal, the database user. */
    static String actor(AuditRecord record, Locale locale) {
        if (record.byThePortalItself()) {
            return TEXTS.getTranslation("audit.portalItself", locale, record.actorName());
        }
        if (!record.viaPortal()) {
            return TEXTS.getTranslation("audit.outsidePortal", locale, record.dbUser());
        }
        return record.actorDisplay() == null ? String.valueOf(record.actorName())
                : record.actorDisplay() + " (" + record.actorName() + ")";
    }

    /** The unit of the change; with the number of further units when it touched several (an import). */
    static String units(AuditChange change) {
        List<String> names = change.unitNames();
        if (names.isEmpty()) {
            return "";
        }
        return names.size() == 1 ? names.getFirst() : names.getFirst() + " (+" + (names.size() - 1) + ")";
    }

    // --- values as the screens show them

    static String value(AuditRecord record, String column, @Nullable String value, AuditReferences references,
                        Locale locale) {
        if (value == null) {
            return "—";
        }
        if ("***".equals(value)) {
            return TEXTS.getTranslation("audit.value.hidden", locale);
        }
        String table = AuditReferences.REFERENCE_COLUMNS.get(column);
        if (table != null) {
            return reference(table, value, references, locale);
        }
        if (column.equals("status")) {
            String prefix = record.entity().equals("plan_task") ? "plan.task.status." : "plan.status.";
            return PortalTranslations.find(prefix + value, locale).orElse(value);
        }
        String codes = CODES.get(column);
        if (codes != null) {
            return PortalTranslations.find(codes + value, locale).orElse(value);
        }
        if (value.equals("true") || value.equals("false")) {
            return TEXTS.getTranslation("audit.value." + value, locale);
        }
        return plain(column, value, locale);
    }

    private static String plain(String column, String value, Locale locale) {
        boolean english = Formats.english(locale);
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return Formats.date(LocalDate.parse(value), locale);
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            try {
                return time(OffsetDateTime.parse(value).toInstant(), locale);
            } catch (DateTimeParseException notATime) {
                return value;
            }
        }
        if (column.equals("period") && value.matches("\\d{4}-\\d{2}")) {
            return english ? value : value.substring(5) + "/" + value.substring(0, 4);
        }
        if (NUMBERS.contains(column) && value.matches("-?\\d+(\\.\\d+)?")) {
            String number = english ? value : value.replace('.', ',');
            return PERCENT.contains(column) ? number + " %" : number;
        }
        if (value.startsWith("{") && value.endsWith("}")) {
            // counts of dossiers: {"a": 1, "b": 2} reads as a: 1, b: 2
            return value.substring(1, value.length() - 1).replace("\"", "");
        }
        return value;
    }

    /** A row named by id in words: a unit's name, a plan's number, "giai đoạn 2" … */
    static String reference(String table, String id, AuditReferences references, Locale locale) {
        Optional<Map<String, String>> row = references.row(table, id);
        if (row.isEmpty()) {
            return "#" + id;
        }
        Map<String, String> columns = row.get();
        return switch (table) {
            case "plan_phase" -> TEXTS.getTranslation("audit.ref.phase", locale, columns.get("position"));
            case "index_group", "metric" -> Objects.requireNonNullElse(
                    columns.get(Formats.english(locale) ? "name_en" : "name_vi"), "#" + id);
            case "result" -> plain("period", String.valueOf(columns.get("period")), locale);
            case "unit_plan" -> Objects.requireNonNullElse(columns.get("number"),
                    Objects.requireNonNullElse(columns.get("title"), "#" + id));
            default -> NAMING.stream().map(columns::get).filter(Objects::nonNull).findFirst().orElse("#" + id);
        };
    }

    // --- a record, a change

    /** What the record is about, in words: "Chỉ tiêu Thanh toán trực tuyến, giai đoạn 2", "Đơn vị Xã Ia Tô". */
    static String subject(AuditRecord record, AuditReferences references, Locale locale) {
        String group = codeWord("group_code", references.column(record, "group_code"), locale);
        return switch (record.entity()) {
            case "plan_target" -> TEXTS.getTranslation("audit.subject.plan_target", locale, group,
                    position(references.column(record, "phase_id"), references));
            case "result_group" -> TEXTS.getTranslation("audit.subject.result_group", locale, group,
                    referenceOrDash("result", references.column(record, "result_id"), references, locale));
            case "unit_plan" -> TEXTS.getTranslation("audit.subject.unit_plan", locale,
                    reference("unit_plan", record.entityId(), references, locale));
            case "plan_phase" -> TEXTS.getTranslation("audit.subject.plan_phase", locale,
                    Objects.requireNonNullElse(references.column(record, "position"), "?"),
                    referenceOrDash("unit_plan", references.column(record, "plan_id"), references, locale));
            case "plan_task" -> TEXTS.getTranslation("audit.subject.plan_task", locale,
                    Objects.requireNonNullElse(references.column(record, "title"), "#" + record.entityId()));
            case "role_assignment" -> TEXTS.getTranslation("audit.subject.role_assignment", locale,
                    codeWord("role", references.column(record, "role"), locale),
                    referenceOrDash("account", references.column(record, "account_id"), references, locale));
            case "campaign_group_rule", "campaign_baseline" -> entity(record.entity(), locale) + " " + group;
            default -> {
                String name = NAMING.stream().map(column -> references.column(record, column))
                        .filter(Objects::nonNull).findFirst().orElse("#" + record.entityId());
                yield entity(record.entity(), locale) + " " + name;
            }
        };
    }

    /** Every changed field of a record but the technical ones: "Tên đơn vị: Xã Ia Tô → Xã Ia Tô (đổi tên)". */
    static List<String> fieldLines(AuditRecord record, AuditReferences references, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (FieldChange change : record.changes()) {
            if (TECHNICAL.contains(change.field())) {
                continue;
            }
            String label = field(record.entity(), change.field(), locale);
            String after = value(record, change.field(), change.newValue(), references, locale);
            lines.add(switch (record.operation()) {
                case "INSERT" -> label + ": " + after;
                case "DELETE" -> label + ": " + value(record, change.field(), change.oldValue(), references, locale);
                default -> label + ": " + value(record, change.field(), change.oldValue(), references, locale)
                        + " → " + after;
            });
        }
        return lines;
    }

    /** The record's heading in an expanded change: "Sửa: Chỉ tiêu Thanh toán trực tuyến, giai đoạn 2". */
    static String heading(AuditRecord record, AuditReferences references, Locale locale) {
        return TEXTS.getTranslation("audit.operation." + record.operation(), locale) + ": "
                + subject(record, references, locale);
    }

    /** The change in one line. */
    static String summary(AuditChange change, Locale locale) {
        AuditReferences references = change.references();
        Optional<AuditRecord> transition = change.records().stream()
                .filter(r -> r.entity().equals("plan_transition") && r.operation().equals("INSERT")).findFirst();
        if (transition.isPresent()) {
            AuditRecord t = transition.get();
            String plan = referenceOrDash("unit_plan", references.column(t, "plan_id"), references, locale);
            return TEXTS.getTranslation("audit.summary.transition." + references.column(t, "action"), locale, plan);
        }
        Optional<AuditRecord> fileImport = change.records().stream()
                .filter(r -> r.entity().equals("portal_import") && r.operation().equals("INSERT")).findFirst();
        if (fileImport.isPresent()) {
            String file = Objects.requireNonNullElse(references.column(fileImport.get(), "file_name"), "");
            return more(TEXTS.getTranslation("audit.summary.import", locale, file), change.records().size() - 1,
                    locale);
        }
        AuditRecord main = change.records().stream().filter(r -> r.operation().equals("UPDATE")).findFirst()
                .orElse(change.first());
        return more(sentence(main, references, locale), change.records().size() - 1, locale);
    }

    private static String sentence(AuditRecord record, AuditReferences references, Locale locale) {
        String subject = subject(record, references, locale);
        List<FieldChange> visible = record.changes().stream().filter(c -> !TECHNICAL.contains(c.field())).toList();
        if (!record.operation().equals("UPDATE")) {
            return TEXTS.getTranslation("audit.summary." + record.operation(), locale, subject);
        }
        // A target's value, a result's rate: what the change is about, whatever else changed with it (a reason).
        Optional<FieldChange> main = Optional.ofNullable(MAIN_FIELD.get(record.entity())).flatMap(record::change);
        if (main.isPresent() || visible.size() == 1) {
            FieldChange only = main.orElse(visible.getFirst());
            String old = value(record, only.field(), only.oldValue(), references, locale);
            String now = value(record, only.field(), only.newValue(), references, locale);
            if (record.entity().equals("plan_target") && only.field().equals("target")) {
                return subject + ": " + old + " → " + now;
            }
            return subject + " — " + field(record.entity(), only.field(), locale) + ": " + old + " → " + now;
        }
        return TEXTS.getTranslation("audit.summary.changedFields", locale, subject, String.join(", ",
                visible.stream().map(c -> field(record.entity(), c.field(), locale)).toList()));
    }

    private static String more(String line, int others, Locale locale) {
        return others <= 0 ? line : TEXTS.getTranslation("audit.summary.more", locale, line, others);
    }

    private static String codeWord(String column, @Nullable String code, Locale locale) {
        return code == null ? "?" : PortalTranslations.find(CODES.get(column) + code, locale).orElse(code);
    }

    private static String position(@Nullable String phaseId, AuditReferences references) {
        return Stream.ofNullable(phaseId).flatMap(id -> references.row("plan_phase", id).stream())
                .map(row -> row.get("position")).filter(Objects::nonNull).findFirst().orElse("?");
    }

    private static String referenceOrDash(String table, @Nullable String id, AuditReferences references,
                                          Locale locale) {
        return id == null ? "—" : reference(table, id, references, locale);
    }
}
