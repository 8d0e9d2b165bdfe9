package io.commentflow.benchmark;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * post-service's own timing of its post pages: the buckets of {@code http_server_requests_seconds} for
 * {@code uri="/posts/{slug}"}, status 200, which the benchmark has it publish (a percentiles histogram). Measured
 * from when a Tomcat thread takes the request up to the written response, so what the load generator measures beyond
 * it was spent outside the page's handling: waiting for a thread or a core, in the loopback, in the generator.
 */
final class ServerSideLatency {

    /** The environment variable that makes post-service publish the histogram (Spring Boot's relaxed binding). */
    static final String HISTOGRAM_VARIABLE = "MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS";
    private static final Pattern BUCKET = Pattern.compile(
            "^http_server_requests_seconds_bucket\\{(.*)le=\"([^\"]+)\"(.*)} ([0-9.eE+-]+)$", Pattern.MULTILINE);

    /** Cumulative count of page views by bucket upper bound, in seconds. */
    record Snapshot(Map<Double, Double> cumulative) {

        /** The upper bound (ms) of the bucket holding this percentile of the views since {@code before}, or NaN. */
        double millisSince(Snapshot before, double percentile) {
            double total = cumulative.isEmpty() ? 0 : delta(before, Double.POSITIVE_INFINITY);
            if (total <= 0) {
                return Double.NaN;
            }
            for (double bound : cumulative.keySet()) {
                if (delta(before, bound) >= total * percentile / 100) {
                    return bound * 1_000;
                }
            }
            return Double.NaN;
        }

        private double delta(Snapshot before, double bound) {
            return cumulative.getOrDefault(bound, 0.0) - before.cumulative.getOrDefault(bound, 0.0);
        }
    }

    private ServerSideLatency() {
    }

    static Snapshot read(Bench bench) {
        try (HttpConnection connection = bench.postServiceConnection()) {
            HttpConnection.Response response = connection.exchange(
                    HttpConnection.get(bench.postServiceHost(), "/actuator/prometheus"), true);
            return parse(response.status() == 200 ? response.bodyText() : "");
        } catch (IOException | RuntimeException e) {
            return new Snapshot(Map.of());
        }
    }

    static Snapshot parse(String prometheus) {
        Map<Double, Double> cumulative = new TreeMap<>();
        Matcher bucket = BUCKET.matcher(prometheus);
        while (bucket.find()) {
            String labels = bucket.group(1) + bucket.group(3);
            if (labels.contains("uri=\"/posts/{slug}\"") && labels.contains("status=\"200\"")) {
                double bound = bucket.group(2).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bucket.group(2));
                cumulative.merge(bound, Double.parseDouble(bucket.group(4)), Double::sum);
            }
        }
        return new Snapshot(cumulative);
    }
}
