package io.commentflow.benchmark;

/** The limits measured in this run, for the figures to be compared with; NaN (or null) where one failed. */
final class Limits {

    double producePerSecond = Double.NaN;
    int recordBytes;
    double transactionalPerSecond = Double.NaN;
    LoadResult twoHop;
    double minimalMaxPerSecond = Double.NaN;
    LoadResult minimalFixedRate;
    double smtpPerSecond = Double.NaN;

    double twoHopMillis(double percentile) {
        return twoHop == null ? Double.NaN : twoHop.millis(percentile);
    }

    double minimalMillis(double percentile) {
        return minimalFixedRate == null ? Double.NaN : minimalFixedRate.millis(percentile);
    }
}
