package io.commentflow.benchmark;

import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * One measured run: latencies in microseconds (from the intended send time when the load was open-loop, so a
 * stalled server shows in the percentiles instead of slowing the generator down), answers by status, and how long
 * the measurement lasted.
 *
 * @param offeredPerSecond the rate the generator aimed at, or 0 for a closed loop
 */
record LoadResult(String name, Histogram histogram, Map<Integer, Long> statuses, double seconds,
                  double offeredPerSecond) {

    long count(int status) {
        return statuses.getOrDefault(status, 0L);
    }

    long total() {
        return statuses.values().stream().mapToLong(Long::longValue).sum();
    }

    long answeredOtherThan(int status) {
        return total() - count(status) - noAnswer() - notSent();
    }

    long noAnswer() {
        return count(LatencyRecorder.NO_ANSWER);
    }

    long notSent() {
        return count(LatencyRecorder.NOT_SENT);
    }

    /** Answers with this status per second of measurement. */
    double perSecond(int status) {
        return seconds <= 0 ? 0 : count(status) / seconds;
    }

    double completedPerSecond() {
        return seconds <= 0 ? 0 : (total() - noAnswer() - notSent()) / seconds;
    }

    long samples() {
        return histogram.getTotalCount();
    }

    /** A percentile (0–100) in milliseconds; NaN without samples. */
    double millis(double percentile) {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    double maxMillis() {
        return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1_000.0;
    }

    /** e.g. {@code 202=30000 429=3 no answer=1} */
    String statusSummary() {
        StringBuilder s = new StringBuilder();
        statuses.forEach((status, n) -> s.append(s.length() == 0 ? "" : " ")
                .append(status == LatencyRecorder.NO_ANSWER ? "no answer"
                        : status == LatencyRecorder.NOT_SENT ? "not sent" : String.valueOf(status))
                .append('=').append(n));
        return s.toString();
    }
}
