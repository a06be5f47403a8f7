package vn.serviceindex.portal.result.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.serviceindex.portal.base.domain.JsonPaths;
import vn.serviceindex.portal.base.domain.Text;
import vn.serviceindex.portal.base.domain.TooLarge;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.FormulaSet;
import vn.serviceindex.portal.index.domain.IndexGroup;
import vn.serviceindex.portal.index.domain.Metric;
import vn.serviceindex.portal.unit.domain.UnitLevel;

/**
 * Reads a national portal evaluation response into a {@link PortalEvaluation}, recognising its group from the
 * content against a formula set, and refuses any file that would store a wrong number: every refusal is a
 * {@link UserError} at the JSON path of the bad value. Pure: no database, no clock.
 */
public final class PortalEvaluationReader {

    /** Names of units are stored in org_unit.name (≤ 500) and codes in org_unit.code (≤ 64). */
    public static final int MAX_NAME = 500;
    public static final int MAX_CODE = 64;

    private static final double EPSILON = 1e-9;
    // NaN and Infinity are read so that they can be refused by path instead of as "not JSON".
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** Fields that describe a unit or its score, never a count. */
    private static final Set<String> SCORE_FIELDS = Set.of("totalScore", "totalMaxScore", "score", "maxScore",
            "ratio", "scoreDelta", "stt");

    private final FormulaSet set;

    private PortalEvaluationReader(FormulaSet set) {
        this.set = set;
    }

    /**
     * @param maxBytes files above this size are refused before parsing (a 50 MB upload must not fill the heap)
     * @throws UserError for every file that cannot be imported as it is
     */
    public static PortalEvaluation read(byte[] content, long maxBytes, FormulaSet set) {
        if (content.length == 0) {
            throw UserError.at("$", "result.import.error.empty");
        }
        if (content.length > maxBytes) {
            throw new TooLarge(null, "result.import.error.tooLarge",
                    Math.max(1, maxBytes / (1024 * 1024)));
        }
        JsonNode tree;
        try {
            tree = JSON.readTree(content);
        } catch (UnexpectedEndOfInputException e) {
            throw UserError.at("$", "result.import.error.truncated");
        } catch (JacksonException e) {
            String duplicate = JsonPaths.duplicateKey(e).orElse(null);
            if (duplicate != null) {
                throw UserError.at(duplicate, "result.import.error.duplicateKey", duplicate);
            }
            String where = e.getLocation() == null ? "?"
                    : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw UserError.at("$", "result.import.error.notJson", where);
        }
        if (tree == null || tree.isMissingNode()) {
            throw UserError.at("$", "result.import.error.empty");
        }
        return new PortalEvaluationReader(set).evaluation(tree);
    }

    private PortalEvaluation evaluation(JsonNode tree) {
        if (!tree.isObject() || !tree.has("code") || !tree.has("data")) {
            throw wrongShape("$");
        }
        String code = tree.get("code").isString() ? tree.get("code").asString() : tree.get("code").toString();
        if (!"OK".equals(code)) {
            JsonNode message = tree.get("message");
            throw UserError.at("code", "result.import.error.portalNotOk", Text.quoted(code, 40),
                    message == null || message.isNull() ? "" : Text.quoted(message.asString(), 200));
        }
        JsonNode data = tree.get("data");
        if (data.isObject() && data.get("parent") instanceof JsonNode parent && parent.isObject()
                && data.get("children") instanceof JsonNode children && children.isArray()) {
            return parentChildren(data, parent, children);
        }
        if (data.isObject() && data.get("overview") instanceof JsonNode overview && overview.isObject()
                && data.get("evaluation") instanceof JsonNode evaluation && evaluation.isArray()) {
            return perMetric(overview, evaluation);
        }
        throw wrongShape("data");
    }

    // --- shapes 1 and 2: parent and children, group recognised by its count fields

    private PortalEvaluation parentChildren(JsonNode data, JsonNode parent, JsonNode children) {
        Set<String> fields = new HashSet<>(parent.propertyNames());
        for (JsonNode child : children) {
            if (child.isObject()) {
                fields.addAll(child.propertyNames());
            }
        }
        Set<String> groups = new LinkedHashSet<>();
        for (IndexGroup group : set.groups()) {
            if (group.countFields().stream().anyMatch(fields::contains)) {
                groups.add(group.code());
            }
        }
        IndexGroup group = single(groups);
        PortalEvaluation.Shape shape = data.has("monthlyChart") || fields.contains("totalReceived")
                ? PortalEvaluation.Shape.PARENT_CHILDREN_MONTHLY : PortalEvaluation.Shape.PARENT_CHILDREN;
        PortalUnitResult root = unit(group, parent, "data.parent", true, null);
        List<PortalUnitResult> units = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            units.add(unit(group, children.get(i), "data.children[" + i + "]", false, null));
        }
        return checked(new PortalEvaluation(group.code(), shape, root, units));
    }

    // --- shape 3: overview and evaluation, group recognised by its metric codes

    private PortalEvaluation perMetric(JsonNode overview, JsonNode evaluation) {
        Set<String> groups = new LinkedHashSet<>();
        List<JsonNode> lines = new ArrayList<>();
        lines.add(overview);
        evaluation.forEach(lines::add);
        for (JsonNode line : lines) {
            if (line.get("metrics") instanceof JsonNode metrics && metrics.isArray()) {
                for (JsonNode metric : metrics) {
                    if (metric.get("code") instanceof JsonNode code && code.isString()) {
                        groupOfMetric(code.asString()).ifPresent(g -> groups.add(g.code()));
                    }
                }
            }
        }
        IndexGroup group = single(groups);
        PortalUnitResult root = unit(group, overview, "data.overview", true, overview.get("metrics"));
        List<PortalUnitResult> units = new ArrayList<>();
        for (int i = 0; i < evaluation.size(); i++) {
            JsonNode line = evaluation.get(i);
            units.add(unit(group, line, "data.evaluation[" + i + "]", false, line.get("metrics")));
        }
        return checked(new PortalEvaluation(group.code(), PortalEvaluation.Shape.PER_METRIC, root, units));
    }

    private java.util.Optional<IndexGroup> groupOfMetric(String metricCode) {
        return set.groups().stream().filter(g -> g.metric(metricCode).isPresent()).findFirst();
    }

    private IndexGroup single(Set<String> groups) {
        if (groups.isEmpty()) {
            throw UserError.at("data", "result.import.error.unknownGroup", set.name());
        }
        if (groups.size() > 1) {
            throw UserError.at("data", "result.import.error.mixedGroups", String.join(", ", groups));
        }
        return set.group(groups.iterator().next()).orElseThrow();
    }

    // --- one unit's line

    private PortalUnitResult unit(IndexGroup group, JsonNode line, String path, boolean root,
                                  @Nullable JsonNode metrics) {
        if (!line.isObject()) {
            throw wrongShape(path);
        }
        UUID portalId = portalId(line, path);
        String name = text(line, path, "departmentName", true, MAX_NAME);
        String code = text(line, path, "departmentCode", false, MAX_CODE);
        UnitLevel level = root ? UnitLevel.PROVINCE : level(line, path);
        Double score = number(line, path, line.has("score") ? "score" : "totalScore");
        Double maxScore = number(line, path, line.has("maxScore") ? "maxScore" : "totalMaxScore");
        Double ratio = number(line, path, "ratio");
        String scorePath = path + "." + (line.has("score") ? "score" : "totalScore");
        if (score != null && (score < 0 || score > group.maxPoints() + EPSILON
                || maxScore != null && score > maxScore + EPSILON)) {
            throw UserError.at(scorePath, "result.import.error.scoreAboveMax", scorePath, score,
                    maxScore != null ? Math.min(maxScore, group.maxPoints()) : group.maxPoints());
        }
        if (maxScore != null && (maxScore < 0 || maxScore > group.maxPoints() + EPSILON)) {
            String maxPath = path + "." + (line.has("maxScore") ? "maxScore" : "totalMaxScore");
            throw UserError.at(maxPath, "result.import.error.scoreAboveMax", maxPath, maxScore,
                    group.maxPoints());
        }
        if (ratio != null && (ratio < 0 || ratio > 100 + EPSILON)) {
            throw UserError.at(path + ".ratio", "result.import.error.rateRange", path + ".ratio", ratio);
        }
        Map<String, Double> counts = new LinkedHashMap<>();
        Map<String, String> countPaths = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : line.properties()) {
            String fieldName = field.getKey();
            if (SCORE_FIELDS.contains(fieldName) || !isCountField(group, fieldName)) {
                continue;
            }
            Double value = count(field.getValue(), path + "." + fieldName);
            if (set.countFields().contains(fieldName)) {
                whole(value, path + "." + fieldName);
            }
            if (value != null) {
                counts.put(fieldName, value);
                countPaths.put(fieldName, path + "." + fieldName);
            }
        }
        List<PortalWarning> warnings = new ArrayList<>();
        if (metrics != null && !metrics.isNull()) {
            if (!metrics.isArray()) {
                throw wrongShape(path + ".metrics");
            }
            for (int i = 0; i < metrics.size(); i++) {
                metric(group, metrics.get(i), path + ".metrics[" + i + "]", name, counts, countPaths, warnings);
            }
        }
        checkConsistent(group, counts, countPaths);
        return new PortalUnitResult(path, portalId, code, name, level, score, maxScore, ratio, counts, warnings);
    }

    private void metric(IndexGroup group, JsonNode node, String path, String unitName, Map<String, Double> counts,
                        Map<String, String> countPaths, List<PortalWarning> warnings) {
        if (!node.isObject() || !(node.get("code") instanceof JsonNode codeNode) || !codeNode.isString()) {
            throw wrongShape(path);
        }
        String code = codeNode.asString();
        Metric metric = group.metric(code).orElse(null);
        if (metric == null) {
            warnings.add(new PortalWarning(unitName, code, "UNKNOWN_METRIC", null));
        }
        Double numerator = whole(count(node.get("numerator"), path + ".numerator"), path + ".numerator");
        Double denominator = whole(count(node.get("denominator"), path + ".denominator"), path + ".denominator");
        if (numerator != null) {
            counts.put(code + ".numerator", numerator);
            countPaths.put(code + ".numerator", path + ".numerator");
        }
        if (denominator != null) {
            counts.put(code + ".denominator", denominator);
            countPaths.put(code + ".denominator", path + ".denominator");
        }
        Double score = number(node, path, "score");
        Double maxScore = number(node, path, "maxScore");
        Double ratio = number(node, path, "ratio");
        double allowed = metric != null ? metric.maxPoints() : group.maxPoints();
        if (maxScore != null) {
            allowed = Math.min(allowed, maxScore);
        }
        if (score != null && (score < 0 || score > allowed + EPSILON)) {
            throw UserError.at(path + ".score", "result.import.error.scoreAboveMax", path + ".score", score,
                    allowed);
        }
        if (ratio != null && (ratio < 0 || ratio > 100 + EPSILON)) {
            throw UserError.at(path + ".ratio", "result.import.error.rateRange", path + ".ratio", ratio);
        }
        if (node.get("dataQualityStatus") instanceof JsonNode status && status.isString()
                && !status.asString().isBlank()) {
            JsonNode message = node.get("dataQualityMessage");
            warnings.add(new PortalWarning(unitName, code, status.asString(),
                    message == null || message.isNull() ? null : message.asString()));
        }
    }

    /** A rate above 100 % is a contradiction: more dossiers paid online than dossiers with a fee. */
    private static void checkConsistent(IndexGroup group, Map<String, Double> counts, Map<String, String> paths) {
        CountContradiction.in(group, counts).ifPresent(contradiction -> {
            String at = paths.get(contradiction.field());
            throw UserError.at(at, "result.import.error.contradiction", at, contradiction.numeratorText(),
                    format(contradiction.numeratorValue()), contradiction.denominatorText(),
                    format(contradiction.denominatorValue()));
        });
    }

    private boolean isCountField(IndexGroup group, String field) {
        return group.countFields().contains(field) || set.countFields().contains(field)
                || field.startsWith("total") || field.startsWith("avg") || field.endsWith("Count");
    }

    // --- values

    private static UUID portalId(JsonNode line, String path) {
        JsonNode node = line.get("departmentId");
        if (node == null || node.isNull()) {
            throw UserError.at(path + ".departmentId", "result.import.error.missing", path + ".departmentId");
        }
        try {
            if (!node.isString()) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(node.asString().strip());
        } catch (IllegalArgumentException e) {
            throw UserError.at(path + ".departmentId", "result.import.error.badId", path + ".departmentId",
                    abbreviated(node.toString()));
        }
    }

    private static @Nullable String text(JsonNode line, String path, String field, boolean required, int max) {
        JsonNode node = line.get(field);
        String at = path + "." + field;
        if (node == null || node.isNull() || node.isString() && node.asString().isBlank()) {
            if (required) {
                throw UserError.at(at, "result.import.error.missing", at);
            }
            return null;
        }
        if (!node.isString()) {
            throw UserError.at(at, "result.import.error.notText", at, abbreviated(node.toString()));
        }
        String value = node.asString().strip();
        Text.forbiddenCharacter(value, false).ifPresent(c -> {
            throw UserError.at(at, "result.import.error.control", at, c);
        });
        if (value.length() > max) {
            throw UserError.at(at, "result.import.error.tooLong", at, value.length(), max);
        }
        return value;
    }

    private static @Nullable UnitLevel level(JsonNode line, String path) {
        String field = line.has("level") ? "level" : "departmentLevel";
        JsonNode node = line.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        String value = node.isString() ? node.asString().strip() : node.toString();
        return switch (value) {
            // The portal's PROVINCE level under a province root is a provincial department or agency.
            case "PROVINCE" -> UnitLevel.DEPARTMENT;
            case "DISTRICT" -> UnitLevel.DISTRICT;
            case "COMMUNE" -> UnitLevel.COMMUNE;
            default -> throw UserError.at(path + "." + field, "result.import.error.level",
                    path + "." + field, abbreviated(value));
        };
    }

    /** A count: absent or null is "no data"; otherwise a finite number, never negative. */
    private static @Nullable Double count(@Nullable JsonNode node, String path) {
        Double value = numeric(node, path);
        if (value != null && value < 0) {
            throw UserError.at(path, "result.import.error.negative", path, format(value));
        }
        return value;
    }

    /**
     * A count the formulas use is a number of dossiers, petitions or procedures: 12.5 of them is a mix-up of fields,
     * refused as the sheet import refuses it. Averages the portal adds (avgProcessingDays) are no such counts.
     */
    private static @Nullable Double whole(@Nullable Double value, String path) {
        if (value != null && value != Math.rint(value)) {
            throw UserError.at(path, "result.import.error.notWhole", path, format(value));
        }
        return value;
    }

    private static @Nullable Double number(JsonNode line, String path, String field) {
        return numeric(line.get(field), path + "." + field);
    }

    private static @Nullable Double numeric(@Nullable JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw UserError.at(path, "result.import.error.notNumber", path, abbreviated(node.toString()));
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value)) {
            throw UserError.at(path, "result.import.error.notFinite", path);
        }
        return value;
    }

    private PortalEvaluation checked(PortalEvaluation evaluation) {
        Set<UUID> seen = new HashSet<>();
        for (PortalUnitResult unit : evaluation.allUnits()) {
            if (!seen.add(unit.portalId())) {
                throw UserError.at(unit.path() + ".departmentId", "result.import.error.duplicateUnit",
                        unit.path() + ".departmentId", unit.portalId());
            }
        }
        return evaluation;
    }

    private static UserError wrongShape(String path) {
        return UserError.at(path, "result.import.error.wrongShape", path);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static String abbreviated(String value) {
        return Text.quoted(value, 40);
    }
}
