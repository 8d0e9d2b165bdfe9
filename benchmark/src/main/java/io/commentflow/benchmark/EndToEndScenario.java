package io.commentflow.benchmark;

import io.commentflow.benchmark.Report.Figure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Comments at a fixed rate, each followed until it is visible in post-service's API ({@code GET /api/comments/{id}}
 * says approved) and, for a few, until the post author's email about it reaches the SMTP sink. Notification sends
 * at most 5 emails per post and address an hour and folds the rest into a digest, so the email samples are
 * spread over posts of their own, 5 each.
 */
final class EndToEndScenario {

    /** Polls a followed comment every eighth of its age, at least every 20 ms. */
    private static final long MIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int POLL_FRACTION = 8;
    /** Every fifth comment is followed to the API: enough samples, without the polling loading post-service. */
    private static final int FOLLOW_EVERY = 5;
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(90);
    private static final int EMAILS_PER_POST = 5;
    private static final int POLLERS = 4;

    private EndToEndScenario() {
    }

    /** A comment being followed, last seen not yet visible at {@code missNanos}. */
    private record Pending(String id, long sentNanos, long missNanos, long dueNanos) implements Delayed {

        Pending missed(long now) {
            return new Pending(id, sentNanos, now, now + Math.max(MIN_POLL_NANOS, (now - sentNanos) / POLL_FRACTION));
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Pending) other).dueNanos);
        }
    }

    static void run(Bench bench, Limits limits) throws Exception {
        RunPlan plan = bench.plan();
        Report report = bench.report();
        String run = bench.run();
        Progress.say("end to end: %.0f comments/s for %d s, followed to post-service's API and the inbox",
                plan.endToEndPerSecond(), plan.endToEndMeasure().toSeconds());
        List<BlogAdmin.BlogPost> emailPosts = new ArrayList<>();
        for (int k = 0; k < plan.emailPosts(); k++) {
            emailPosts.add(bench.admin().createPost("benchmark-mail-" + run + "-" + k, "Benchmark: email " + k,
                    "mail-author-" + run + "-" + k + "@example.org"));
        }
        BlogAdmin.BlogPost main = bench.admin().createPost("benchmark-e2e-" + run, "Benchmark: end to end",
                "e2e-author-" + run + "@example.org");
        int comments = (int) (plan.endToEndPerSecond() * plan.endToEndMeasure().toSeconds());
        int emailSamples = plan.emailPosts() * EMAILS_PER_POST;
        long stride = Math.max(1, comments / Math.max(1, emailSamples));
        CommentTraffic traffic = new CommentTraffic(bench.intakeHost(), run, "e2e", i -> {
            if (i % stride == 1 && i / stride < emailSamples) {
                return CommentTraffic.Target.post(emailPosts.get((int) ((i / stride) % emailPosts.size())).id());
            }
            return CommentTraffic.Target.post(main.id());
        }, false);
        // services just started run interpreted: warm the whole pipeline at the same rate first
        CommentTraffic warmUp = new CommentTraffic(bench.intakeHost(), run, "e2e-warm-up",
                i -> CommentTraffic.Target.post(main.id()), true);
        try (HttpConnection connection = bench.intakeConnection()) {
            // the main post was created last: once intake knows it, it knows the others too
            warmUp.sendOneByOne(connection, 1);
        }
        bench.intake().openLoop("end to end: warm-up", warmUp, plan.endToEndPerSecond(), java.time.Duration.ZERO,
                plan.pipelineWarmup(), 8, false, LoadGenerator.Answers.IGNORE);
        bench.awaitQuiet("warming up the pipeline");

        LatencyRecorder visible = new LatencyRecorder();
        LatencyRecorder emailed = new LatencyRecorder();
        DelayQueue<Pending> polling = new DelayQueue<>();
        Map<String, Long> awaitingEmail = new ConcurrentHashMap<>();
        AtomicInteger notApproved = new AtomicInteger();
        AtomicInteger gaveUp = new AtomicInteger();
        AtomicInteger outstanding = new AtomicInteger();
        AtomicBoolean sending = new AtomicBoolean(true);
        int emailsBefore = bench.system().emailCount();

        List<Thread> pollers = new ArrayList<>();
        for (int p = 0; p < POLLERS; p++) {
            pollers.add(daemon("e2e-poll-" + p, () -> poll(bench, polling, visible, notApproved, gaveUp, outstanding,
                    sending)));
        }
        AtomicBoolean watching = new AtomicBoolean(true);
        Thread inbox = daemon("e2e-inbox", () -> watchInbox(bench, emailsBefore, awaitingEmail, emailed, watching));

        LoadResult submitted = bench.intake().openLoop("end to end: intake", traffic, plan.endToEndPerSecond(),
                java.time.Duration.ZERO, plan.endToEndMeasure(), 8, true, (request, sentNanos, response) -> {
                    if (response != null && response.status() == 202) {
                        String id = CommentTraffic.commentId(response);
                        CommentTraffic.Sent sent = (CommentTraffic.Sent) request.tag();
                        if (!sent.target().postId().equals(main.id())) {
                            awaitingEmail.put(id, sentNanos);
                        }
                        if (sent.index() % FOLLOW_EVERY == 0) {
                            outstanding.incrementAndGet();
                            polling.add(new Pending(id, sentNanos, sentNanos, System.nanoTime() + MIN_POLL_NANOS));
                        }
                    }
                });
        sending.set(false);
        for (Thread poller : pollers) {
            poller.join(TimeUnit.NANOSECONDS.toMillis(GIVE_UP_NANOS) + 5_000);
        }
        long emailDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!awaitingEmail.isEmpty() && System.nanoTime() < emailDeadline) {
            Thread.sleep(100);
        }
        watching.set(false);
        inbox.join(5_000);

        LoadResult visibleResult = LatencyRecorder.merge("end to end: submitted → visible in the API", List.of(visible),
                plan.endToEndMeasure().toSeconds(), plan.endToEndPerSecond());
        LoadResult emailResult = LatencyRecorder.merge("end to end: submitted → email in the sink", List.of(emailed),
                plan.endToEndMeasure().toSeconds(), plan.endToEndPerSecond());
        report.latency(visibleResult);
        report.latency(emailResult);
        Progress.say("  visible: p50 %.0f ms, p99 %.0f ms (%d); email: p50 %.0f ms, p99 %.0f ms (%d of %d)",
                visibleResult.millis(50), visibleResult.millis(99), visibleResult.samples(), emailResult.millis(50),
                emailResult.millis(99), emailResult.samples(), emailResult.samples() + awaitingEmail.size());

        String rate = String.format(Locale.ROOT, "%.0f/s", plan.endToEndPerSecond());
        String visibleNote = visibleResult.samples() + " comments (every " + FOLLOW_EVERY + "th), each polled every "
                + POLL_FRACTION + "th of its age (≥ 20 ms), visible at the midpoint of last miss and first hit";
        report.add(Figure.of("end to end", "submitted → visible in the API, p50 at " + rate, visibleResult.millis(50), "ms")
                .limit("Kafka alone, two hops (produce → tx consume-produce → read_committed), p50",
                        limits.twoHopMillis(50)).note(visibleNote));
        report.add(Figure.of("end to end", "submitted → visible in the API, p99 at " + rate, visibleResult.millis(99), "ms")
                .limit("Kafka alone, two hops, p99", limits.twoHopMillis(99)));
        String emailNote = emailResult.samples() + " emails, the first " + EMAILS_PER_POST + " on each of "
                + emailPosts.size() + " posts (more are folded into a digest)";
        report.add(Figure.of("end to end", "submitted → email received, p50 at " + rate, emailResult.millis(50), "ms")
                .limit("Kafka alone, two hops, p50 (the email path has four)", limits.twoHopMillis(50)).note(emailNote));
        report.add(Figure.of("end to end", "submitted → email received, p99 at " + rate, emailResult.millis(99), "ms")
                .limit("Kafka alone, two hops, p99", limits.twoHopMillis(99)));
        if (submitted.answeredOtherThan(202) + submitted.noAnswer() > 0) {
            report.note("end to end: intake answered " + submitted.statusSummary());
        }
        if (notApproved.get() > 0 || gaveUp.get() > 0) {
            report.note("end to end: " + notApproved.get() + " comments ended other than approved, " + gaveUp.get()
                    + " not visible within " + TimeUnit.NANOSECONDS.toSeconds(GIVE_UP_NANOS) + " s");
        }
        if (!awaitingEmail.isEmpty()) {
            report.note("end to end: " + awaitingEmail.size() + " expected emails had not arrived 90 s after the "
                    + "comments were all visible");
        }
    }

    /** Follows comments until post-service says approved (or something else), polling each every 20 ms. */
    private static void poll(Bench bench, DelayQueue<Pending> polling, LatencyRecorder visible,
                             AtomicInteger notApproved, AtomicInteger gaveUp, AtomicInteger outstanding,
                             AtomicBoolean sending) {
        try (HttpConnection connection = bench.postServiceConnection()) {
            while (sending.get() || outstanding.get() > 0) {
                Pending pending = polling.poll(100, TimeUnit.MILLISECONDS);
                if (pending == null) {
                    continue;
                }
                String state = state(connection, bench.postServiceHost(), pending.id());
                long now = System.nanoTime();
                if (state.equals("approved")) {
                    // it became visible between the last miss and now: take the middle
                    long seen = pending.missNanos() + (now - pending.missNanos()) / 2;
                    synchronized (visible) {
                        visible.recordLatency(seen - pending.sentNanos());
                    }
                    outstanding.decrementAndGet();
                } else if (!state.isEmpty()) {
                    notApproved.incrementAndGet();
                    outstanding.decrementAndGet();
                } else if (now - pending.sentNanos() > GIVE_UP_NANOS) {
                    gaveUp.incrementAndGet();
                    outstanding.decrementAndGet();
                } else {
                    polling.add(pending.missed(now));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The comment's status, or "" while post-service does not know it. */
    private static String state(HttpConnection connection, String host, String id) {
        try {
            HttpConnection.Response response = connection.exchange(HttpConnection.get(host, "/api/comments/" + id), true);
            if (response.status() != 200) {
                return "";
            }
            String body = response.bodyText();
            int at = body.indexOf("\"status\":\"");
            return at < 0 ? "" : body.substring(at + 10, body.indexOf('"', at + 10));
        } catch (IOException e) {
            connection.close();
            return "";
        }
    }

    /**
     * Looks for new mail every 50 ms and, when some came, matches every email to the comments still waiting for
     * theirs (the email's link names the comment).
     */
    private static void watchInbox(Bench bench, int emailsBefore, Map<String, Long> awaitingEmail,
                                   LatencyRecorder emailed, AtomicBoolean watching) {
        int seen = emailsBefore;
        while (watching.get()) {
            try {
                int count = bench.system().emailCount();
                if (count > seen) {
                    long now = System.nanoTime();
                    for (String text : bench.system().emailTexts()) {
                        for (var entry : awaitingEmail.entrySet()) {
                            if (text.contains(entry.getKey()) && awaitingEmail.remove(entry.getKey()) != null) {
                                emailed.recordLatency(now - entry.getValue());
                            }
                        }
                    }
                    seen = count;
                }
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException e) {
                Progress.say("inbox not readable: %s", e.getMessage());
            }
        }
    }

    private static Thread daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
