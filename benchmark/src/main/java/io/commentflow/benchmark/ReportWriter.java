package io.commentflow.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The run as one table: Markdown (printed and saved), JSON for tools, and the latency chart. */
final class ReportWriter {

    static final String MARKDOWN = "benchmark.md";
    static final String JSON_FILE = "benchmark.json";
    static final String CHART = "latency.png";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    /** Writes the three files into {@code dir} and returns the Markdown. */
    static String write(Report report, Path dir) throws IOException {
        Files.createDirectories(dir);
        String markdown = markdown(report);
        Files.writeString(dir.resolve(MARKDOWN), markdown);
        Files.writeString(dir.resolve(JSON_FILE), json(report));
        if (!report.latencies().isEmpty()) {
            writeChart(report, dir.resolve(CHART));
        }
        return markdown;
    }

    /** The chart comes last and may not hold the results hostage: a charting library stuck drawing is left behind. */
    private static void writeChart(Report report, Path png) {
        java.util.concurrent.atomic.AtomicReference<Exception> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread drawing = new Thread(() -> {
            try {
                LatencyChart.write(report.latencies(), png);
            } catch (Exception e) {
                failure.set(e);
            }
        }, "latency-chart");
        drawing.setDaemon(true);
        drawing.start();
        try {
            drawing.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drawing.isAlive() || failure.get() != null) {
            System.err.println("the latency chart could not be drawn: "
                    + (failure.get() != null ? failure.get() : "still drawing after 60 s"));
        }
    }

    static String markdown(Report report) {
        StringBuilder md = new StringBuilder("# commentflow benchmark\n\n");
        report.run().forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        md.append("\n| area | figure | value | limit it should approach | limit | ratio | target (issue) | met |\n")
                .append("|---|---|---:|---|---:|---:|---|:---:|\n");
        for (Report.Figure f : report.figures()) {
            md.append("| ").append(f.area())
                    .append(" | ").append(f.name()).append(f.note() == null ? "" : " (" + f.note() + ")")
                    .append(" | ").append(format(f.value(), f.unit()))
                    .append(" | ").append(f.limitName() == null ? "" : f.limitName())
                    .append(" | ").append(f.limit() == null ? "" : format(f.limit(), f.unit()))
                    .append(" | ").append(f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f×", f.ratio()))
                    .append(" | ").append(f.target() == null ? "" : f.target())
                    .append(" | ").append(f.met() == null ? "" : f.met() ? "yes" : "**no**")
                    .append(" |\n");
        }
        if (!report.notes().isEmpty()) {
            md.append("\nNotes:\n");
            report.notes().forEach(n -> md.append("- ").append(n).append('\n'));
        }
        if (!report.latencies().isEmpty()) {
            md.append("\nLatency distributions (ms; open-loop ones from the intended send time):\n\n")
                    .append("| run | samples | p50 | p90 | p99 | p99.9 | max | answers |\n")
                    .append("|---|---:|---:|---:|---:|---:|---:|---|\n");
            for (LoadResult r : report.latencies()) {
                md.append("| ").append(r.name()).append(" | ").append(r.samples())
                        .append(" | ").append(ms(r.millis(50))).append(" | ").append(ms(r.millis(90)))
                        .append(" | ").append(ms(r.millis(99))).append(" | ").append(ms(r.millis(99.9)))
                        .append(" | ").append(ms(r.maxMillis())).append(" | ").append(r.statusSummary()).append(" |\n");
            }
        }
        return md.toString();
    }

    static String json(Report report) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode run = root.putObject("run");
        report.run().forEach((k, v) -> run.putPOJO(k, v));
        ArrayNode figures = root.putArray("figures");
        for (Report.Figure f : report.figures()) {
            ObjectNode node = figures.addObject()
                    .put("area", f.area()).put("figure", f.name()).put("unit", f.unit());
            putNumber(node, "value", f.value());
            if (f.limitName() != null) {
                node.put("limitName", f.limitName());
                putNumber(node, "limit", f.limit());
                putNumber(node, "ratio", f.ratio());
            }
            if (f.target() != null) {
                node.put("target", f.target());
                if (f.met() != null) {
                    node.put("met", f.met());
                }
            }
            if (f.note() != null) {
                node.put("note", f.note());
            }
        }
        ArrayNode latencies = root.putArray("latencies");
        for (LoadResult r : report.latencies()) {
            ObjectNode node = latencies.addObject().put("name", r.name()).put("samples", r.samples())
                    .put("seconds", r.seconds()).put("offeredPerSecond", r.offeredPerSecond());
            for (Map.Entry<String, Double> p : Map.of("p50", 50.0, "p90", 90.0, "p99", 99.0, "p99_9", 99.9).entrySet()) {
                putNumber(node, p.getKey() + "Millis", r.millis(p.getValue()));
            }
            putNumber(node, "maxMillis", r.maxMillis());
            ObjectNode statuses = node.putObject("answers");
            r.statuses().forEach((status, n) -> statuses.put(
                    status == LatencyRecorder.NO_ANSWER ? "none"
                            : status == LatencyRecorder.NOT_SENT ? "notSent" : String.valueOf(status), n));
        }
        ArrayNode notes = root.putArray("notes");
        report.notes().forEach(notes::add);
        return JSON.writeValueAsString(root);
    }

    private static void putNumber(ObjectNode node, String field, Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            node.putNull(field);
        } else {
            node.put(field, Math.round(value * 1000) / 1000.0);
        }
    }

    static String format(double value, String unit) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (unit.equals("ms")) {
            return ms(value) + " ms";
        }
        String separator = unit.startsWith("/") ? "" : " ";
        if (Math.abs(value) >= 100) {
            return String.format(Locale.ROOT, "%,.0f%s%s", value, separator, unit);
        }
        return String.format(Locale.ROOT, "%.1f%s%s", value, separator, unit);
    }

    private static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "n/a";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%,.0f", millis)
                : millis >= 10 ? String.format(Locale.ROOT, "%.1f", millis)
                : String.format(Locale.ROOT, "%.2f", millis);
    }
}
