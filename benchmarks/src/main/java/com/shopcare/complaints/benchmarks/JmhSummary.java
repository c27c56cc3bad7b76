package com.shopcare.complaints.benchmarks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.Locale;

/** Prints a JMH JSON result file as the table docs/BENCHMARKS.md uses: p50, p99 and allocation per operation. */
public final class JmhSummary {

    private JmhSummary() {
    }

    public static void main(String[] args) {
        JsonNode results = new ObjectMapper().readTree(Path.of(args[0]).toFile());
        System.out.println("| benchmark | samples | p50 µs | p99 µs | allocated bytes/op |");
        System.out.println("|---|---|---|---|---|");
        for (JsonNode result : results) {
            String name = result.get("benchmark").asString().replaceAll(".*\\.", "");
            JsonNode primary = result.get("primaryMetric");
            JsonNode percentiles = primary.get("scorePercentiles");
            // JMH 1.37 names it "gc.alloc.rate.norm"; older versions prefixed a middle dot.
            JsonNode secondary = result.path("secondaryMetrics");
            JsonNode allocation = secondary.has("gc.alloc.rate.norm")
                    ? secondary.get("gc.alloc.rate.norm").path("score")
                    : secondary.path("\u00b7gc.alloc.rate.norm").path("score");
            long samples = 0;
            for (JsonNode iteration : primary.path("rawDataHistogram")) {
                for (JsonNode bucket : iteration) {
                    for (JsonNode entry : bucket) {
                        samples += entry.get(1).asLong();
                    }
                }
            }
            System.out.println(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %s |", name, samples,
                    percentiles.get("50.0").asDouble(), percentiles.get("99.0").asDouble(),
                    allocation.isMissingNode() ? "-" : String.format(Locale.ROOT, "%.0f", allocation.asDouble())));
        }
    }
}
