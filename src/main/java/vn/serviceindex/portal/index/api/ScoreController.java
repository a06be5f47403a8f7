package vn.serviceindex.portal.index.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.serviceindex.portal.base.api.JsonBodies;
import vn.serviceindex.portal.base.domain.Text;
import vn.serviceindex.portal.base.domain.UserError;
import vn.serviceindex.portal.index.domain.GroupScore;
import vn.serviceindex.portal.index.domain.MetricScore;
import vn.serviceindex.portal.index.domain.UnitScore;
import vn.serviceindex.portal.index.service.ScoringService;
import vn.serviceindex.portal.index.service.ScoringService.UnitCounts;

/**
 * {@code POST /api/v1/score}: scores counts named as in the national portal's responses with a stored formula set.
 * The body is read as a JSON tree rather than bound to records so that every refusal can name the exact field
 * ({@code units[0].counts.totalOnTime}) and a count sent as a string ("12") is refused instead of coerced. The body
 * is read up to {@code portal.score.max-size} (413 beyond), strictly: a key given twice is refused.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ScoreController {

    private static final Set<String> REQUEST_PROPERTIES = Set.of("formulaSet", "units");
    private static final Set<String> UNIT_PROPERTIES = Set.of("code", "name", "counts");
    /** Codes and names as org_unit holds them. */
    private static final int MAX_CODE = 64;
    private static final int MAX_NAME = 500;

    private final ScoringService scoring;
    private final long maxBytes;

    ScoreController(ScoringService scoring, @Value("${portal.score.max-size:1MB}") DataSize maxSize) {
        this.scoring = scoring;
        this.maxBytes = maxSize.toBytes();
    }

    @PostMapping(path = "/score", consumes = MediaType.APPLICATION_JSON_VALUE)
    ScoreResponse score(HttpServletRequest request) {
        JsonNode body = JsonBodies.parse(JsonBodies.read(request, maxBytes));
        requireObject(body, "", REQUEST_PROPERTIES);
        String formulaSet = optionalText(body.get("formulaSet"), "formulaSet", 100);
        JsonNode units = body.get("units");
        if (units == null || units.isNull()) {
            throw UserError.at("units", "score.error.required", "units");
        }
        if (!units.isArray() || units.isEmpty()) {
            throw UserError.at("units", "score.error.unitsNotList");
        }
        List<UnitCounts> parsed = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            parsed.add(unit(units.get(i), "units[" + i + "]"));
        }
        ScoringService.Scores scores = scoring.score(formulaSet, parsed);
        return new ScoreResponse(scores.formulaSet(), scores.units().stream()
                .map(unit -> UnitResult.of(unit.code(), unit.score()))
                .toList());
    }

    private static UnitCounts unit(JsonNode unit, String path) {
        requireObject(unit, path, UNIT_PROPERTIES);
        String code = optionalText(unit.get("code"), path + ".code", MAX_CODE);
        if (code == null || code.isBlank()) {
            throw UserError.at(path + ".code", "score.error.required", path + ".code");
        }
        String name = optionalText(unit.get("name"), path + ".name", MAX_NAME);
        JsonNode counts = unit.get("counts");
        if (counts == null || counts.isNull()) {
            throw UserError.at(path + ".counts", "score.error.required", path + ".counts");
        }
        if (!counts.isObject()) {
            throw UserError.at(path + ".counts", "score.error.notAnObject", path + ".counts");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> count : counts.properties()) {
            String field = path + ".counts." + Text.line(path + ".counts", count.getKey(), MAX_NAME);
            if (!count.getValue().isNumber()) {
                throw UserError.at(field, "score.error.countNotNumber", field, count.getValue().toString());
            }
            values.put(count.getKey(), count.getValue().doubleValue());
        }
        return new UnitCounts(code.strip(), name, values);
    }

    /** Unknown properties are refused too: a misspelt "formulaset" must not silently score with another set. */
    private static void requireObject(JsonNode node, String path, Set<String> allowed) {
        if (!node.isObject()) {
            throw UserError.at(path.isEmpty() ? "$" : path, "score.error.notAnObject", path.isEmpty() ? "body" : path);
        }
        for (String property : node.propertyNames()) {
            if (!allowed.contains(property)) {
                String field = path.isEmpty() ? property : path + "." + property;
                Text.line(path.isEmpty() ? "$" : path, property, MAX_NAME);
                throw UserError.at(field, "score.error.unknownProperty", field);
            }
        }
    }

    private static @Nullable String optionalText(@Nullable JsonNode node, String field, int max) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw UserError.at(field, "score.error.notText", field);
        }
        return Text.line(field, node.stringValue(), max);
    }

    /** The answer: {@code {"formulaSet": …, "units": [{"code": …, "groups": {…}, "total": {…}}]}}. */
    record ScoreResponse(String formulaSet, List<UnitResult> units) {
    }

    /** Only the groups the unit gave counts for; the total covers those groups. */
    record UnitResult(String code, Map<String, GroupResult> groups, Total total) {

        static UnitResult of(String code, UnitScore score) {
            Map<String, GroupResult> groups = new LinkedHashMap<>();
            for (GroupScore group : score.groups()) {
                Map<String, MetricResult> metrics = new LinkedHashMap<>();
                for (MetricScore metric : group.metrics()) {
                    metrics.put(metric.code(),
                            new MetricResult(metric.score(), metric.max(), metric.lost(), metric.fullAtRate()));
                }
                groups.put(group.code(), new GroupResult(group.score(), group.max(), metrics));
            }
            return new UnitResult(code, groups, new Total(score.total(), score.max()));
        }
    }

    /** A group without data scores 0 of its max, as the national portal publishes it. */
    record GroupResult(double score, double max, Map<String, MetricResult> metrics) {
    }

    /**
     * A null score means "no data" (an empty denominator: it counts 0 in its group), as the national portal shows it.
     * {@code fullAt}: the headline rate % that earns the headline term's full points (80 for CLGQ 3.1). */
    record MetricResult(@Nullable Double score, double max, double lost, @Nullable Double fullAt) {
    }

    record Total(@Nullable Double score, double max) {
    }
}
