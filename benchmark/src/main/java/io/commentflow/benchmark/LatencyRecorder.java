package io.commentflow.benchmark;

import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one load-generator thread saw: a latency histogram (microseconds, three significant digits) and the answers
 * by status. One per thread, merged at the end, so recording never contends.
 */
final class LatencyRecorder {

    /** Status recorded for a request that got no answer (refused, reset, timed out). */
    static final int NO_ANSWER = -1;
    /**
     * Status recorded for a request an open loop never sent because the server was so far behind that the run hit
     * its deadline; its latency (deadline minus intended time) is a lower bound and goes into the histogram.
     */
    static final int NOT_SENT = -2;

    private final Histogram histogram = new Histogram(3);
    private final Map<Integer, Long> statuses = new TreeMap<>();

    void record(int status, long latencyNanos) {
        statuses.merge(status, 1L, Long::sum);
        if (status != NO_ANSWER) {
            histogram.recordValue(Math.max(1, latencyNanos / 1_000));
        }
    }

    /** Records a latency without a status: for samples that are not HTTP answers (an email, a Kafka record). */
    void recordLatency(long latencyNanos) {
        record(200, latencyNanos);
    }

    Histogram histogram() {
        return histogram;
    }

    Map<Integer, Long> statuses() {
        return statuses;
    }

    /** Merges the threads' recordings into one result over {@code seconds} of measurement. */
    static LoadResult merge(String name, List<LatencyRecorder> recorders, double seconds, double offeredPerSecond) {
        Histogram all = new Histogram(3);
        Map<Integer, Long> statuses = new TreeMap<>();
        for (LatencyRecorder recorder : recorders) {
            all.add(recorder.histogram);
            recorder.statuses.forEach((status, n) -> statuses.merge(status, n, Long::sum));
        }
        return new LoadResult(name, all, statuses, seconds, offeredPerSecond);
    }
}
