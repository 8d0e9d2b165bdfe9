package io.commentflow.benchmark;

import io.commentflow.benchmark.Report.Figure;
import io.commentflow.local.LocalSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code java -jar benchmark/target/commentflow-benchmark.jar [--use-running] [--quick] [--out benchmark-results]}:
 * starts commentflow on free ports (or uses the one {@code ./run-local.sh} runs), measures it, measures in the same
 * run the limits each figure should approach, and prints one table (also written as Markdown and JSON, with a
 * latency chart).
 */
public final class Benchmark {

    /** Set by Ctrl-C / SIGTERM: no further scenario starts. */
    private static volatile boolean closing;

    private Benchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        if (!options.useRunning() && !IntakeTrust.configured()) {
            System.exit(IntakeTrust.relaunch(args));
        }
        System.setProperty("java.awt.headless", "true");
        quietLibraries();
        System.exit(run(options));
    }

    private static int run(BenchmarkOptions options) throws Exception {
        Path projectDir = LocalSettings.findProjectDir(Path.of(""));
        RunPlan plan = options.quick() ? RunPlan.quick() : RunPlan.full();
        String run = HexFormat.of().formatHex(new byte[] {(byte) ThreadLocalRandom.current().nextInt(),
                (byte) ThreadLocalRandom.current().nextInt(), (byte) ThreadLocalRandom.current().nextInt()});
        Report report = new Report();
        Instant started = Instant.now();
        report.describe("started", started.toString());
        report.describe("mode", plan.name() + (options.only().isEmpty() ? "" : ", only " + String.join(", ", options.only()))
                + (options.useRunning() ? ", against the running system (default ports)"
                : ", system started by the benchmark on free ports")
                + (options.equalPriorities() ? ", every process at the same CPU priority"
                : options.useRunning() ? "" : ", pipeline at background CPU priority"));
        report.describe("machine", Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + loadAverage() + " load average at the start");
        report.describe("load generator", "closed-loop and open-loop (wrk2-style, latency from the intended send time) "
                + "HTTP/1.1 keep-alive clients, HdrHistogram, in the same JVM as the minimal endpoint");

        SystemUnderTest system = options.useRunning() ? SystemUnderTest.running(projectDir)
                : SystemUnderTest.start(projectDir, options.equalPriorities());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            closing = true;
            system.close();
        }, "benchmark-stop"));
        Limits limits = new Limits();
        try (ConsumerLag lag = new ConsumerLag(system.settings().kafkaBootstrap());
             KafkaLimits kafka = new KafkaLimits(system.settings().kafkaBootstrap(), run)) {
            Bench bench = new Bench(system, plan, report, run, lag,
                    new BlogAdmin(system.settings().postServiceUrl(), system.adminPassword()));
            preflight(bench);
            if (options.runs("intake") || options.runs("end-to-end") || options.runs("spam-filter")) {
                attempt(report, "Kafka limits", () -> kafkaLimits(bench, kafka, limits));
            }
            if (options.runs("intake") || options.runs("post-page")) {
                attempt(report, "minimal HTTP endpoint", () -> IntakeScenario.baseline(bench, limits));
            }
            if (options.runs("end-to-end")) {
                attempt(report, "end to end", () -> EndToEndScenario.run(bench, limits));
            }
            if (options.runs("notification")) {
                attempt(report, "SMTP limit", () -> smtpLimit(bench, limits));
                attempt(report, "notification backlog", () -> BacklogScenario.notification(bench, limits));
            }
            if (options.runs("post-page")) {
                attempt(report, "post page", () -> PostPageScenario.run(bench, limits));
            }
            if (options.runs("intake")) {
                attempt(report, "comment-intake", () -> {
                    if (system.controlsProcesses() && !system.stoppedServices().contains("spam-filter")) {
                        system.stop("spam-filter");
                    }
                    IntakeScenario.run(bench, limits);
                });
            }
            if (options.runs("spam-filter")) {
                attempt(report, "spam-filter backlog", () -> BacklogScenario.spamFilter(bench, limits));
            }
        } finally {
            system.close();
        }
        report.describe("took", Duration.between(started, Instant.now()).toSeconds() + " s");
        report.describe("load average at the end", loadAverage());
        String markdown = ReportWriter.write(report, options.out());
        System.out.println();
        System.out.println(markdown);
        System.out.println("Written to " + options.out().toAbsolutePath().resolve(ReportWriter.MARKDOWN) + ", "
                + ReportWriter.JSON_FILE + " and " + ReportWriter.CHART);
        return 0;
    }

    /** The benchmark's readers must count as different people, or intake's flood guard refuses all but one. */
    private static void preflight(Bench bench) throws Exception {
        BlogAdmin.BlogPost post = bench.admin().createPost("benchmark-preflight-" + bench.run(), "Benchmark: preflight",
                "preflight-author-" + bench.run() + "@example.org");
        CommentTraffic traffic = new CommentTraffic(bench.intakeHost(), bench.run(), "preflight",
                i -> CommentTraffic.Target.post(post.id()), false);
        try (HttpConnection connection = bench.intakeConnection()) {
            traffic.sendOneByOne(connection, 2);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("intake refused the second of two comments from different readers ("
                    + e.getMessage() + "). It must believe X-Forwarded-For from 127.0.0.1: start the system with "
                    + IntakeTrust.VARIABLE + "=" + IntakeTrust.LOOPBACK + " ./run-local.sh", e);
        }
    }

    private static void kafkaLimits(Bench bench, KafkaLimits kafka, Limits limits) throws Exception {
        RunPlan plan = bench.plan();
        Progress.say("limit: raw Kafka producer, %,d records of %d bytes", plan.kafkaRecords(), kafka.submittedBytes());
        KafkaLimits.Throughput produced = kafka.produce(plan.kafkaWarmupRecords(), plan.kafkaRecords());
        limits.producePerSecond = produced.perSecond();
        limits.recordBytes = produced.recordBytes();
        Progress.say("  %.0f records/s", produced.perSecond());
        Progress.say("limit: raw transactional consume→produce, %,d records", plan.kafkaRecords());
        KafkaLimits.Throughput transformed = kafka.consumeTransformProduce(plan.kafkaRecords());
        limits.transactionalPerSecond = transformed.perSecond();
        Progress.say("  %.0f records/s", transformed.perSecond());
        Progress.say("limit: Kafka latency through two hops at %.0f/s", bench.plan().endToEndPerSecond());
        LoadResult twoHops = kafka.twoHopLatency(plan.endToEndPerSecond(), Duration.ofSeconds(1), plan.twoHopMeasure());
        limits.twoHop = twoHops;
        bench.report().latency(twoHops);
        Progress.say("  p50 %.1f ms, p99 %.1f ms", twoHops.millis(50), twoHops.millis(99));
        Report report = bench.report();
        report.add(Figure.of("limits", "raw Kafka producer (" + produced.recordBytes()
                + " B, acks=all, idempotent, default batching)", produced.perSecond(), "rec/s"));
        report.add(Figure.of("limits", "raw transactional consume→produce (commit per poll, read_committed, "
                + "retry.backoff.ms 10)", transformed.perSecond(), "rec/s"));
        report.add(Figure.of("limits", "Kafka two hops at " + (int) plan.endToEndPerSecond() + "/s, p50",
                twoHops.millis(50), "ms"));
        report.add(Figure.of("limits", "Kafka two hops at " + (int) plan.endToEndPerSecond() + "/s, p99",
                twoHops.millis(99), "ms"));
    }

    private static void smtpLimit(Bench bench, Limits limits) throws Exception {
        int messages = bench.plan().smtpMessages();
        Progress.say("limit: raw SMTP, %,d messages to the sink", messages);
        SmtpLimit.Throughput smtp = SmtpLimit.measure("localhost", bench.system().settings().smtp(), bench.run(),
                messages, 2);
        limits.smtpPerSecond = smtp.perSecond();
        Progress.say("  %.0f messages/s", smtp.perSecond());
        bench.report().add(Figure.of("limits", "raw SMTP to the same sink (Jakarta Mail, 2 kept-open connections)",
                smtp.perSecond(), "msg/s"));
    }

    private static void attempt(Report report, String scenario, Step step) {
        if (closing) {
            return;
        }
        try {
            step.run();
        } catch (Exception e) {
            report.note(scenario + " failed: " + e);
            e.printStackTrace();
        }
    }

    /** The benchmark's own Kafka clients and Tomcat (the minimal endpoint) need not narrate. */
    private static void quietLibraries() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.kafka"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        TOMCAT_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** Held, so that java.util.logging does not forget the level. */
    private static final java.util.logging.Logger TOMCAT_LOG = java.util.logging.Logger.getLogger("org.apache");

    private static String loadAverage() {
        return String.format(Locale.ROOT, "%.2f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private interface Step {
        void run() throws Exception;
    }
}
