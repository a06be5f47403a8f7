package vn.serviceindex.portal.index.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import vn.serviceindex.portal.base.api.BadRequest;
import vn.serviceindex.portal.index.domain.GroupScore;
import vn.serviceindex.portal.index.domain.MetricScore;
import vn.serviceindex.portal.index.domain.UnitScore;
import vn.serviceindex.portal.index.service.ScoringService;
import vn.serviceindex.portal.index.service.ScoringService.UnitCounts;

/**
 * {@code POST /api/v1/score}: scores counts named as in the national portal's responses with a stored formula set.
 * The body is read as a JSON tree rather than bound to records so that every refusal can name the exact field
 * ({@code units[0].counts.totalOnTime}) and a count sent as a string ("12") is refused instead of coerced.
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ScoreController {

    private static final Set<String> REQUEST_PROPERTIES = Set.of("formulaSet", "units");
    private static final Set<String> UNIT_PROPERTIES = Set.of("code", "name", "counts");

    private final ScoringService scoring;

    ScoreController(ScoringService scoring) {
        this.scoring = scoring;
    }

    @PostMapping("/score")
    ScoreResponse score(@RequestBody JsonNode body) {
        requireObject(body, "", REQUEST_PROPERTIES);
        String formulaSet = optionalText(body.get("formulaSet"), "formulaSet");
        JsonNode units = body.get("units");
        if (units == null || units.isNull()) {
            throw new BadRequest("units", "score.error.required", "units");
        }
        if (!units.isArray() || units.isEmpty()) {
            throw new BadRequest("units", "score.error.unitsNotList");
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
        String code = optionalText(unit.get("code"), path + ".code");
        if (code == null || code.isBlank()) {
            throw new BadRequest(path + ".code", "score.error.required", path + ".code");
        }
        String name = optionalText(unit.get("name"), path + ".name");
        JsonNode counts = unit.get("counts");
        if (counts == null || counts.isNull()) {
            throw new BadRequest(path + ".counts", "score.error.required", path + ".counts");
        }
        if (!counts.isObject()) {
            throw new BadRequest(path + ".counts", "score.error.notAnObject", path + ".counts");
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> count : counts.properties()) {
            String field = path + ".counts." + count.getKey();
            if (!count.getValue().isNumber()) {
                throw new BadRequest(field, "score.error.countNotNumber", field, count.getValue().toString());
            }
            values.put(count.getKey(), count.getValue().doubleValue());
        }
        return new UnitCounts(code.strip(), name, values);
    }

    /** Unknown properties are refused too: a misspelt "formulaset" must not silently score with another set. */
    private static void requireObject(JsonNode node, String path, Set<String> allowed) {
        if (!node.isObject()) {
            String field = path.isEmpty() ? null : path;
            throw new BadRequest(field, "score.error.notAnObject", path.isEmpty() ? "body" : path);
        }
        for (String property : node.propertyNames()) {
            if (!allowed.contains(property)) {
                String field = path.isEmpty() ? property : path + "." + property;
                throw new BadRequest(field, "score.error.unknownProperty", field);
            }
        }
    }

    private static @Nullable String optionalText(@Nullable JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new BadRequest(field, "score.error.notText", field);
        }
        return node.stringValue();
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

    /** A null score means "no data" (no counts behind it), as the national portal shows it. */
    record GroupResult(@Nullable Double score, double max, Map<String, MetricResult> metrics) {
    }

    /** {@code fullAt}: the headline rate % that earns the headline term's full points (80 for CLGQ 3.1). */
    record MetricResult(@Nullable Double score, double max, double lost, @Nullable Double fullAt) {
    }

    record Total(@Nullable Double score, double max) {
    }
}
