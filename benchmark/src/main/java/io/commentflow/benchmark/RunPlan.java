package io.commentflow.benchmark;

import java.time.Duration;

/** How much of everything a run does: the default (about 10 minutes here) or {@code --quick} (a smoke run). */
record RunPlan(String name,
               int kafkaWarmupRecords, int kafkaRecords, Duration twoHopMeasure,
               int[] rampConnections, Duration rampWarmup, Duration rampStep,
               Duration fixedWarmup, Duration fixedMeasure,
               Duration pipelineWarmup, double endToEndPerSecond, Duration endToEndMeasure, int emailPosts,
               Duration pageJitWarmup, Duration pageWarmup, Duration pageMaxMeasure, Duration pageFixedMeasure,
               int notificationBacklog, int smtpMessages) {

    /** The fixed rate of the latency runs (intake, the minimal endpoint, the post page), per the issues' targets. */
    static final double FIXED_RATE = 1_000;
    /** Comments on the measured post page. */
    static final int PAGE_COMMENTS = 200;
    /** Top-level threads among them; the rest are replies, so the whole thread fits the first page (50 threads). */
    static final int PAGE_THREADS = 50;

    /**
     * The rate of a fixed-rate latency run: 1,000 a second, unless the closed loop showed the server cannot answer
     * that many; then half of what it managed, since latency at a rate beyond saturation only measures the queue.
     */
    static double fixedRateFor(double mostPerSecond) {
        return mostPerSecond >= FIXED_RATE ? FIXED_RATE : Math.max(1, Math.floor(mostPerSecond / 2));
    }

    static String rate(double perSecond) {
        return String.format(java.util.Locale.ROOT, "%,.0f/s", perSecond);
    }

    static RunPlan full() {
        return new RunPlan("full", 20_000, 300_000, Duration.ofSeconds(10),
                new int[] {4, 8, 16, 32, 64, 128}, Duration.ofSeconds(1), Duration.ofSeconds(4),
                Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(10), 50, Duration.ofSeconds(20), 8,
                Duration.ofSeconds(20), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(20),
                600, 2_000);
    }

    static RunPlan quick() {
        return new RunPlan("quick", 5_000, 50_000, Duration.ofSeconds(4),
                new int[] {8, 32, 64}, Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(6),
                Duration.ofSeconds(4), 50, Duration.ofSeconds(6), 3,
                Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                300, 500);
    }
}
