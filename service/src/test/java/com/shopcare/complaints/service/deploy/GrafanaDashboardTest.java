package com.shopcare.complaints.service.deploy;

import com.shopcare.complaints.service.ServiceClient;
import com.shopcare.complaints.service.ServiceClient.Reply;
import com.shopcare.complaints.service.TestKeys;
import com.shopcare.complaints.service.decision.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Grafana dashboard asks only for what the service really exports: every metric and label its queries name is
 * in a real scrape of {@code /actuator/prometheus}, after decisions and rejected requests have made every series.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GrafanaDashboardTest {

    private static final Path DASHBOARD = Path.of(System.getProperty("basedir", "."))
            .resolve("../deploy/grafana/complaint-decisions.json").normalize();
    /** Labels Prometheus itself adds to every series of a target at scrape time; never in the service's answer. */
    private static final Set<String> TARGET_LABELS = Set.of("instance", "job");

    @LocalServerPort
    int port;

    @Test
    void everyPanelQueriesPrometheusThroughTheDatasourceVariable() throws IOException {
        JsonNode dashboard = dashboard();

        assertThat(dashboard.get("schemaVersion").asInt()).isBetween(36, 41);
        assertThat(dashboard.at("/templating/list").valueStream()).anySatisfy(variable -> {
            assertThat(variable.get("name").asString()).isEqualTo("datasource");
            assertThat(variable.get("type").asString()).isEqualTo("datasource");
            assertThat(variable.get("query").asString()).isEqualTo("prometheus");
        });
        List<JsonNode> panels = panels(dashboard);
        assertThat(panels).isNotEmpty();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asString();
            assertThat(panel.path("targets").valueStream()).as("queries of panel '%s'", title).isNotEmpty()
                    .allSatisfy(target -> {
                        assertThat(target.path("expr").asString()).as("expr in '%s'", title).isNotBlank();
                        JsonNode datasource = target.has("datasource") ? target.get("datasource") : panel.get("datasource");
                        assertThat(datasource.path("uid").asString()).as("datasource of '%s'", title)
                                .isIn("${datasource}", "$datasource");
                    });
        }
    }

    @Test
    void everyMetricAndLabelThePanelsQueryIsInARealScrape() throws Exception {
        Map<String, List<Query>> queries = queriesByPanel(dashboard());
        makeEverySeries();
        Set<String> wanted = new TreeSet<>();
        queries.values().forEach(list -> list.forEach(q -> q.references().forEach(r -> wanted.add(r.metric()))));
        Scrape scrape = scrapeUntilPresent(wanted);

        queries.forEach((panel, list) -> list.forEach(query -> {
            assertThat(query.references()).as("metrics found in '%s' of panel '%s'", query.expr(), panel).isNotEmpty();
            for (Reference reference : query.references()) {
                assertThat(scrape.metrics()).as("metric of panel '%s' (%s)", panel, query.expr())
                        .containsKey(reference.metric());
                Map<String, Set<String>> labels = scrape.metrics().get(reference.metric());
                reference.matchers().forEach((label, value) -> {
                    assertThat(labels).as("label %s of %s in panel '%s'", label, reference.metric(), panel)
                            .containsKey(label);
                    if (value != null) {
                        assertThat(labels.get(label)).as("values of %s{%s} in panel '%s'", reference.metric(),
                                label, panel).contains(value);
                    }
                });
            }
            for (Grouping grouping : query.groupings()) {
                for (Reference reference : grouping.over()) {
                    Set<String> known = new HashSet<>(scrape.metrics().get(reference.metric()).keySet());
                    known.addAll(TARGET_LABELS);
                    assertThat(known).as("labels of %s for 'by (%s)' in panel '%s'", reference.metric(),
                            String.join(", ", grouping.labels()), panel).containsAll(grouping.labels());
                }
            }
        }));
    }

    @Test
    void percentilesAreComputedFromHistogramBucketsByLe() throws IOException {
        List<Query> quantiles = new ArrayList<>();
        queriesByPanel(dashboard()).values().forEach(list -> list.stream()
                .filter(q -> q.expr().contains("histogram_quantile")).forEach(quantiles::add));

        assertThat(quantiles).as("latency percentile queries").isNotEmpty();
        for (Query query : quantiles) {
            assertThat(query.references()).as(query.expr())
                    .allSatisfy(r -> assertThat(r.metric()).endsWith("_bucket"));
            assertThat(query.groupings()).as(query.expr()).anySatisfy(g -> assertThat(g.labels()).contains("le"));
        }
    }

    // --- the service

    /** Decisions (every path and level label appears with them) and rejections of three reasons. */
    private void makeEverySeries() {
        ServiceClient shop = new ServiceClient(port, TestKeys.SHOP_EU_1);
        for (int i = 0; i < 3; i++) {
            assertThat(shop.post("/v1/decisions", "application/json", Requests.DOCUMENTED_EXAMPLE).status())
                    .isEqualTo(200);
        }
        assertThat(shop.post("/v1/decisions", "application/json", Requests.MEDIUM_COMPLAINT).status()).isEqualTo(200);
        assertThat(shop.post("/v1/decisions", "application/json", "{\"unknown\": 1}").status()).isEqualTo(400);
        assertThat(new ServiceClient(port, null).post("/v1/decisions", "application/json",
                Requests.DOCUMENTED_EXAMPLE).status()).isEqualTo(401);
        assertThat(shop.get("/v1/policy").status()).isEqualTo(403);
        // So that the GC's pause timer has a series even in a JVM that has not collected yet.
        System.gc();
    }

    /** Scrapes until every wanted metric is there (the GC's notification comes a moment later) or 10 s are over. */
    private Scrape scrapeUntilPresent(Set<String> wanted) throws InterruptedException {
        // As Prometheus scrapes: with a metrics key, which opens nothing else.
        ServiceClient scraper = new ServiceClient(port, TestKeys.METRICS);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            Reply reply = scraper.get("/actuator/prometheus");
            assertThat(reply.status()).as("scrape with the metrics key").isEqualTo(200);
            Scrape scrape = Scrape.parse(reply.body());
            if (scrape.metrics().keySet().containsAll(wanted) || System.nanoTime() > deadline) {
                return scrape;
            }
            Thread.sleep(200);
        }
    }

    // --- the dashboard

    private static JsonNode dashboard() throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
    }

    /** The panels that show data: rows left out, the panels of collapsed rows taken in. */
    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").valueStream().forEach(panel -> {
            if ("row".equals(panel.path("type").asString())) {
                panel.path("panels").valueStream().forEach(panels::add);
            } else {
                panels.add(panel);
            }
        });
        return panels;
    }

    private static Map<String, List<Query>> queriesByPanel(JsonNode dashboard) {
        Map<String, List<Query>> queries = new HashMap<>();
        for (JsonNode panel : panels(dashboard)) {
            List<Query> list = panel.path("targets").valueStream().map(t -> Query.parse(t.path("expr").asString()))
                    .toList();
            assertThat(list).as("queries of panel '%s'", panel.path("title").asString()).isNotEmpty();
            queries.put(panel.path("title").asString(), list);
        }
        return queries;
    }

    // --- a loose reading of PromQL: the metrics, their label matchers, and the labels of by (...) and without (...)

    /** A metric named in a query, where it starts, and its matchers' labels and literal values (null: a regex or !=). */
    record Reference(String metric, int position, Map<String, String> matchers) {
    }

    /** A by (...) or without (...) and the metrics of the aggregation it belongs to. */
    record Grouping(List<String> labels, List<Reference> over) {
    }

    record Query(String expr, List<Reference> references, List<Grouping> groupings) {

        private static final String STRING = "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`";
        private static final Pattern SELECTOR = Pattern.compile(
                "([a-zA-Z_:][\\w:]*)?\\s*\\{((?:[^{}\"'`]|" + STRING + ")*)\\}");
        private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_]\\w*)\\s*(=~|!~|!=|=)\\s*(" + STRING + ")");
        private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
        private static final Pattern STRINGS = Pattern.compile(STRING);
        private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+\\}?");
        private static final Pattern LABEL_LIST = Pattern.compile(
                "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\(([^()]*)\\)");
        private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.])[a-zA-Z_:][\\w:]*");
        private static final Set<String> KEYWORDS = Set.of("sum", "min", "max", "avg", "count", "stddev", "stdvar",
                "topk", "bottomk", "quantile", "count_values", "group", "limitk", "limit_ratio", "by", "without", "on",
                "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");

        static Query parse(String expr) {
            List<Reference> references = new ArrayList<>();
            StringBuilder text = new StringBuilder(expr);
            Matcher selector = SELECTOR.matcher(expr);
            while (selector.find()) {
                assertThat(selector.group(1)).as("a selector without a metric name in %s", expr).isNotNull();
                Map<String, String> matchers = new HashMap<>();
                Matcher matcher = MATCHER.matcher(selector.group(2));
                while (matcher.find()) {
                    String value = matcher.group(3).substring(1, matcher.group(3).length() - 1);
                    boolean literal = matcher.group(2).equals("=") && !value.contains("$");
                    matchers.put(matcher.group(1), literal ? value : null);
                }
                references.add(new Reference(selector.group(1), selector.start(), matchers));
                blank(text, selector.start(), selector.end());
            }
            for (Pattern pattern : List.of(RANGE, STRINGS, VARIABLE)) {
                Matcher m = pattern.matcher(text);
                while (m.find()) {
                    blank(text, m.start(), m.end());
                }
            }
            List<int[]> labelLists = new ArrayList<>();
            List<List<String>> groupingLabels = new ArrayList<>();
            Matcher list = LABEL_LIST.matcher(text);
            while (list.find()) {
                if (list.group(1).equals("by") || list.group(1).equals("without")) {
                    labelLists.add(new int[] {list.start(), list.end()});
                    groupingLabels.add(List.of(list.group(2).strip().split("\\s*,\\s*")));
                }
            }
            list.reset();
            while (list.find()) {
                blank(text, list.start(1) + list.group(1).length(), list.end());
            }
            Matcher identifier = IDENTIFIER.matcher(text);
            while (identifier.find()) {
                String name = identifier.group();
                if (!KEYWORDS.contains(name) && !calledAsFunction(text, identifier.end())) {
                    references.add(new Reference(name, identifier.start(), Map.of()));
                }
            }
            List<Grouping> groupings = new ArrayList<>();
            for (int i = 0; i < labelLists.size(); i++) {
                int[] scope = scopeOf(text, labelLists.get(i));
                groupings.add(new Grouping(groupingLabels.get(i), references.stream()
                        .filter(r -> r.position() >= scope[0] && r.position() < scope[1]).toList()));
            }
            return new Query(expr, references, groupings);
        }

        private static boolean calledAsFunction(CharSequence text, int end) {
            int i = end;
            while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            return i < text.length() && text.charAt(i) == '(';
        }

        /** What a by (...) groups: the parenthesised operand after it ({@code sum by (x) (...)}) or before it. */
        private static int[] scopeOf(CharSequence text, int[] labelList) {
            int after = labelList[1];
            while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
                after++;
            }
            if (after < text.length() && text.charAt(after) == '(') {
                return new int[] {after, closing(text, after) + 1};
            }
            int before = labelList[0] - 1;
            while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
                before--;
            }
            assertThat(before >= 0 && text.charAt(before) == ')').as("an aggregation around 'by' in %s", text).isTrue();
            int depth = 0;
            for (int i = before; i >= 0; i--) {
                depth += text.charAt(i) == ')' ? 1 : text.charAt(i) == '(' ? -1 : 0;
                if (depth == 0) {
                    return new int[] {i, before + 1};
                }
            }
            throw new AssertionError("unbalanced parentheses in " + text);
        }

        private static int closing(CharSequence text, int open) {
            int depth = 0;
            for (int i = open; i < text.length(); i++) {
                depth += text.charAt(i) == '(' ? 1 : text.charAt(i) == ')' ? -1 : 0;
                if (depth == 0) {
                    return i;
                }
            }
            throw new AssertionError("unbalanced parentheses in " + text);
        }

        private static void blank(StringBuilder text, int start, int end) {
            for (int i = start; i < end; i++) {
                text.setCharAt(i, ' ');
            }
        }
    }

    // --- the scrape

    /** Each metric of a Prometheus text scrape with its labels and the values each label has. */
    record Scrape(Map<String, Map<String, Set<String>>> metrics) {

        private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][\\w:]*)(\\{(.*)\\})?\\s+\\S+.*");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_]\\w*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        static Scrape parse(String body) {
            Map<String, Map<String, Set<String>>> metrics = new HashMap<>();
            for (String line : body.split("\n")) {
                Matcher sample = SAMPLE.matcher(line);
                if (line.startsWith("#") || !sample.matches()) {
                    continue;
                }
                Map<String, Set<String>> labels = metrics.computeIfAbsent(sample.group(1), name -> new HashMap<>());
                if (sample.group(3) != null) {
                    Matcher label = LABEL.matcher(sample.group(3));
                    while (label.find()) {
                        labels.computeIfAbsent(label.group(1), name -> new HashSet<>()).add(label.group(2));
                    }
                }
            }
            return new Scrape(metrics);
        }
    }
}
