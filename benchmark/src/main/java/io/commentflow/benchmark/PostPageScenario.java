package io.commentflow.benchmark;

import io.commentflow.benchmark.Report.Figure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code GET /posts/{slug}} of a post with 200 published comments (50 threads of 4, so all are on the first page):
 * the most requests a second and the latency at 1,000 a second, when the system is idle, while 1,000 comments a
 * second flow through the pipeline, and while spam-filter is stopped.
 */
final class PostPageScenario {

    private static final int MAX_CONNECTIONS = 16;
    private static final int FIXED_RATE_CONNECTIONS = 64;
    private static final double FLOOD_RATE = 1_000;

    /** One condition's two measurements; the fixed rate is 1,000/s unless the page cannot be served that often. */
    record Measured(String condition, LoadResult most, LoadResult fixed, double rate, Map<String, Double> coresBusy,
                    double serverSideP99) {
        String at() {
            return " at " + RunPlan.rate(rate);
        }
    }

    private PostPageScenario() {
    }

    static void run(Bench bench, Limits limits) throws Exception {
        Report report = bench.report();
        String run = bench.run();
        Progress.say("post page with %d comments", RunPlan.PAGE_COMMENTS);
        BlogAdmin.BlogPost post = bench.admin().createPost("benchmark-page-" + run, "Benchmark: a post with "
                + RunPlan.PAGE_COMMENTS + " comments", "page-author-" + run + "@example.org");
        String pageBytes = fill(bench, post);
        report.describe("post page", post.path() + ", " + pageBytes);

        bench.awaitQuiet("filling the post page");
        // the page's rendering must be compiled (JIT) before it is measured, as on a blog that has run for a while
        bench.postService().closedLoop("post page warm-up", page(bench, post), MAX_CONNECTIONS, Duration.ZERO,
                bench.plan().pageJitWarmup(), false, LoadGenerator.Answers.IGNORE);
        Measured idle = measure(bench, post, "idle", Double.NaN);
        try (MinimalHttpEndpoint endpoint = MinimalHttpEndpoint.start()) {
            runWithFlood(bench, limits, post, idle, new MinimalBeside(endpoint, bench));
        }
    }

    /**
     * The minimal endpoint (the stack doing nothing, in this process) measured at 1,000/s beside the page, idle and
     * during the same comment flood: how much slower the flood makes any request on this machine, the limit for the
     * page's own "slower during the flood".
     */
    private record MinimalBeside(LoadGenerator generator, CommentTraffic traffic) {

        MinimalBeside(MinimalHttpEndpoint endpoint, Bench bench) {
            this(new LoadGenerator("127.0.0.1", endpoint.port()), new CommentTraffic("localhost:" + endpoint.port(),
                    bench.run(), "minimal-beside", i -> CommentTraffic.Target.post(bench.run()), true));
        }

        LoadResult measure(RunPlan plan, String condition) throws InterruptedException {
            LoadResult result = generator.openLoop("minimal endpoint @" + RunPlan.rate(RunPlan.FIXED_RATE) + ", "
                            + condition, traffic, RunPlan.FIXED_RATE, plan.pageWarmup(), plan.pageFixedMeasure(),
                    FIXED_RATE_CONNECTIONS, false, LoadGenerator.Answers.IGNORE);
            Progress.say("  minimal endpoint, %s: at %s p50 %.2f ms, p99 %.2f ms (%s)", condition,
                    RunPlan.rate(RunPlan.FIXED_RATE), result.millis(50), result.millis(99), result.statusSummary());
            return result;
        }
    }

    private static void runWithFlood(Bench bench, Limits limits, BlogAdmin.BlogPost post, Measured idle,
                                     MinimalBeside minimal)
            throws Exception {
        Report report = bench.report();
        String run = bench.run();
        RunPlan plan = bench.plan();
        IntakeScenario.warmUp(minimal.generator(), minimal.traffic(), plan);
        LoadResult minimalIdle = minimal.measure(plan, "idle");

        BlogAdmin.BlogPost floodPost = bench.admin().createPost("benchmark-flood-" + run, "Benchmark: flood",
                "flood-author-" + run + "@example.org");
        CommentTraffic flood = new CommentTraffic(bench.intakeHost(), run, "flood",
                i -> CommentTraffic.Target.post(i % 500 == 250 ? post.id() : floodPost.id()), true);
        try (HttpConnection connection = bench.intakeConnection()) {
            flood.sendOneByOne(connection, 1);
        }
        // the flood runs alone first, so that the latency is measured while 1,000 comments a second flow through a
        // pipeline that has compiled its code (JIT), as on a blog that has run for a while, and not while it works
        // off a backlog that a closed loop left behind
        Duration floodWarmup = plan.pageJitWarmup().plus(plan.pipelineWarmup());
        Duration floodLength = floodWarmup.plus(plan.pageWarmup()).plus(plan.pageFixedMeasure())
                .plus(plan.pageWarmup()).plus(plan.pageMaxMeasure())
                .plus(plan.pageWarmup()).plus(plan.pageFixedMeasure()).plusSeconds(2);
        CompletableFuture<LoadResult> flooding = CompletableFuture.supplyAsync(() -> {
            try {
                return bench.intake().openLoop("flood", flood, FLOOD_RATE, Duration.ZERO, floodLength, 32, false,
                        LoadGenerator.Answers.IGNORE);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(floodWarmup.toMillis());
        Measured flooded = measure(bench, post, "comment flood", idle.rate());
        LoadResult minimalFlooded = minimal.measure(plan, "comment flood");
        double minimalSlower = minimalFlooded.millis(99) / minimalIdle.millis(99);
        LoadResult floodResult = flooding.get(floodLength.toSeconds() + 60, TimeUnit.SECONDS);
        Progress.say("  flood: %.0f comments accepted/s of %.0f offered (%s)", floodResult.perSecond(202), FLOOD_RATE,
                floodResult.statusSummary());
        long started = System.nanoTime();
        bench.awaitQuiet("the comment flood");
        double caughtUp = (System.nanoTime() - started) / 1e9;

        Measured stopped = null;
        if (bench.system().controlsProcesses()) {
            bench.system().stop("spam-filter");
            stopped = measure(bench, post, "spam-filter stopped", idle.rate());
        } else {
            report.note("post page with spam-filter stopped: skipped (--use-running: the benchmark does not stop "
                    + "services it did not start)");
        }

        for (Measured m : stopped == null ? List.of(idle, flooded) : List.of(idle, flooded, stopped)) {
            report.latency(m.fixed());
            report.add(Figure.of("post page", "most requests/s, " + m.condition() + " (" + MAX_CONNECTIONS
                            + " connections)", m.most().perSecond(200), "/s")
                    .limit("minimal endpoint, most 202/s", limits.minimalMaxPerSecond));
            String minimalAt = limits.minimalFixedRate == null ? ""
                    : " at " + RunPlan.rate(limits.minimalFixedRate.offeredPerSecond());
            Figure p99 = Figure.of("post page", "p99" + m.at() + ", " + m.condition(), m.fixed().millis(99), "ms");
            p99 = m == flooded
                    ? p99.limit("minimal endpoint p99 at " + RunPlan.rate(RunPlan.FIXED_RATE) + " during the same flood",
                            minimalFlooded.millis(99))
                    : p99.limit("minimal endpoint p99" + minimalAt, limits.minimalMillis(99));
            boolean atFullRate = m.rate() >= RunPlan.FIXED_RATE;
            if (m == idle) {
                p99 = p99.target("≤ 10 ms at 1,000/s", atFullRate && m.fixed().millis(99) <= 10);
            } else {
                double slower = m.fixed().millis(99) / idle.fixed().millis(99);
                p99 = p99.target("≤ 10 ms at 1,000/s and ≤ 1.2× idle",
                                atFullRate && m.fixed().millis(99) <= 10 && slower <= 1.2)
                        .note(String.format(Locale.ROOT, "%.2f× idle", slower));
                if (m == flooded) {
                    p99 = p99.note(String.format(Locale.ROOT, "the minimal endpoint beside it %.2f× idle", minimalSlower));
                }
            }
            if (!Double.isNaN(m.serverSideP99())) {
                p99 = p99.note(String.format(Locale.ROOT, "post-service's own timing of these views: p99 ≤ %.2f ms",
                        m.serverSideP99()));
            }
            report.add(p99);
            if (!atFullRate && m == idle) {
                report.note(String.format(Locale.ROOT, "post page: cannot be served 1,000 times a second here "
                                + "(most %.0f/s idle); latency measured at %s, half of that, in every condition",
                        m.most().perSecond(200), RunPlan.rate(m.rate())));
            }
            if (!m.coresBusy().isEmpty()) {
                report.note(String.format(Locale.ROOT, "post page%s, %s: CPU by process (cores busy on average) %s",
                        m.at(), m.condition(), CpuByProcess.describe(m.coresBusy())));
            }
            if (m.fixed().perSecond(200) < m.rate() * 0.97 || m.fixed().total() != m.fixed().count(200)) {
                report.note(String.format(Locale.ROOT, "post page%s, %s: %.0f answered 200/s; answers %s",
                        m.at(), m.condition(), m.fixed().perSecond(200), m.fixed().statusSummary()));
            }
        }
        report.latency(minimalIdle);
        report.latency(minimalFlooded);
        for (LoadResult minimalAt : List.of(minimalIdle, minimalFlooded)) {
            Figure p99 = Figure.of("post page", "minimal endpoint beside the page: p99 at "
                    + RunPlan.rate(RunPlan.FIXED_RATE) + (minimalAt == minimalIdle ? ", idle" : ", comment flood"),
                    minimalAt.millis(99), "ms");
            report.add(minimalAt == minimalIdle ? p99 : p99.note(String.format(Locale.ROOT,
                    "%.2f× idle: what the flood does to any request on this machine", minimalSlower)));
        }
        if (!flooded.coresBusy().isEmpty() && floodResult.perSecond(202) > 0) {
            // what the pipeline cost beside the page: the flood's CPU minus the idle page's, per comment accepted
            report.note("comment flood: CPU per comment accepted (flood minus idle, by process) " + idle.coresBusy()
                    .keySet().stream()
                    .map(name -> String.format(Locale.ROOT, "%s %.2f ms", name, 1_000 * (flooded.coresBusy()
                            .getOrDefault(name, 0.0) - idle.coresBusy().get(name)) / floodResult.perSecond(202)))
                    .collect(Collectors.joining(", ")));
        }
        report.add(Figure.of("post page", "comment flood: comments accepted per second", floodResult.perSecond(202), "/s")
                .note("offered 1,000/s, 8 in 10 ham; 1 in 500 (2/s) on the measured post, so its page changes while measured"));
        report.add(Figure.of("post page", "pipeline caught up after the flood", caughtUp, "s"));
    }

    /**
     * Most requests a second (closed loop), then p50/p99 at a fixed rate (open loop): 1,000 a second, or, if the idle
     * page cannot be served that often, half of its most; the other conditions use the idle condition's rate and
     * measure their latency first, their most requests a second after it.
     */
    private static Measured measure(Bench bench, BlogAdmin.BlogPost post, String condition, double idleRate)
            throws InterruptedException {
        RunPlan plan = bench.plan();
        LoadGenerator generator = bench.postService();
        LoadGenerator.Requests page = page(bench, post);
        LoadResult most = null;
        if (Double.isNaN(idleRate)) {
            most = mostPerSecond(bench, page, condition);
        }
        double rate = Double.isNaN(idleRate) ? RunPlan.fixedRateFor(most.perSecond(200)) : idleRate;
        CpuByProcess cpu = CpuByProcess.start(bench.system().processes());
        ServerSideLatency.Snapshot before = ServerSideLatency.read(bench);
        LoadResult fixed = generator.openLoop("post page @" + RunPlan.rate(rate) + ", " + condition, page, rate,
                plan.pageWarmup(), plan.pageFixedMeasure(), FIXED_RATE_CONNECTIONS, false, LoadGenerator.Answers.IGNORE);
        Map<String, Double> coresBusy = cpu.coresBusy();
        // the open loop's warm-up (3 s of 23) is counted too; the figure is the upper bound of the p99's bucket
        double serverSideP99 = ServerSideLatency.read(bench).millisSince(before, 99);
        if (most == null) {
            // after the latency: a closed loop saturates the machine, and what it leaves behind (a backlog in the
            // pipeline) would be measured with it
            most = mostPerSecond(bench, page, condition);
        }
        Progress.say("  post page, %s: most %.0f/s; at %s p50 %.2f ms, p99 %.2f ms (%s); post-service's own p99 ≤ %.2f ms",
                condition, most.perSecond(200), RunPlan.rate(rate), fixed.millis(50), fixed.millis(99),
                fixed.statusSummary(), serverSideP99);
        Progress.say("    cores busy: %s", CpuByProcess.describe(coresBusy));
        return new Measured(condition, most, fixed, rate, coresBusy, serverSideP99);
    }

    private static LoadResult mostPerSecond(Bench bench, LoadGenerator.Requests page, String condition)
            throws InterruptedException {
        return bench.postService().closedLoop("post page, " + condition + ", most", page, MAX_CONNECTIONS,
                bench.plan().pageWarmup(), bench.plan().pageMaxMeasure(), false, LoadGenerator.Answers.IGNORE);
    }

    private static LoadGenerator.Requests page(Bench bench, BlogAdmin.BlogPost post) {
        byte[] get = HttpConnection.getLikeABrowser(bench.postServiceHost(), post.path());
        return () -> new LoadGenerator.Request(get, null);
    }

    /** 50 top-level comments, then 3 replies to each, all published; returns the page's size. */
    private static String fill(Bench bench, BlogAdmin.BlogPost post) throws Exception {
        String run = bench.run();
        List<String> threads;
        List<String> replies;
        try (HttpConnection connection = bench.intakeConnection()) {
            threads = new CommentTraffic(bench.intakeHost(), run, "page-top",
                    i -> CommentTraffic.Target.post(post.id()), false).sendOneByOne(connection, RunPlan.PAGE_THREADS);
            awaitPublished(bench, post, RunPlan.PAGE_THREADS, threads);
            List<String> parents = threads;
            replies = new CommentTraffic(bench.intakeHost(), run, "page-reply",
                    i -> new CommentTraffic.Target(post.id(), parents.get((int) (i % parents.size()))), false)
                    .sendOneByOne(connection, RunPlan.PAGE_COMMENTS - RunPlan.PAGE_THREADS);
        }
        awaitPublished(bench, post, RunPlan.PAGE_COMMENTS, replies);
        try (HttpConnection connection = bench.postServiceConnection()) {
            HttpConnection.Response page = connection.exchange(HttpConnection.get(bench.postServiceHost(), post.path()), true);
            String html = page.bodyText();
            int shown = html.split("id=\"comment-", -1).length - 1;
            if (page.status() != 200) {
                throw new IllegalStateException(post.path() + " answered " + page.status());
            }
            HttpConnection.Response compressed = connection.exchange(
                    HttpConnection.getLikeABrowser(bench.postServiceHost(), post.path()), true);
            return String.format(Locale.ROOT, "%,d bytes of HTML (%,d as served to browsers, which accept gzip), "
                    + "%d comments on it", page.body().length, compressed.body().length, shown);
        }
    }

    /**
     * Waits until the post has {@code comments} published. Should spam-filter hold some of {@code sent} for a
     * moderator, they are approved through the signed moderation links, as the post's author would.
     */
    private static void awaitPublished(Bench bench, BlogAdmin.BlogPost post, int comments, List<String> sent)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        long published = 0;
        boolean moderated = false;
        while (System.nanoTime() < deadline) {
            published = bench.admin().approvedComments(post.id());
            if (published >= comments) {
                return;
            }
            if (!moderated && settled(bench, sent)) {
                Moderation moderation = bench.system().moderation();
                int approved = 0;
                for (String id : sent) {
                    if (moderation.state(id).equals("pending") && moderation.approve(id)) {
                        approved++;
                    }
                }
                moderated = true;
                if (approved > 0) {
                    bench.report().note("spam-filter held " + approved + " of the post page's comments; approved "
                            + "through the signed moderation links");
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("only " + published + " of " + comments + " comments published on "
                + post.path() + " within 120 s");
    }

    /** Whether post-service has stored every one of these comments, in whatever state. */
    private static boolean settled(Bench bench, List<String> sent) throws Exception {
        Moderation moderation = bench.system().moderation();
        return !moderation.state(sent.get(sent.size() - 1)).isEmpty() && !moderation.state(sent.get(0)).isEmpty();
    }
}
