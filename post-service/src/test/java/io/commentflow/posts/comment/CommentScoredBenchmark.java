package io.commentflow.posts.comment;

import io.commentflow.events.CommentScored;
import io.commentflow.events.Verdict;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.support.BrokerProcess;
import io.commentflow.posts.support.ScoredComments;
import io.commentflow.posts.support.TestPosts;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventSerializer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import jdk.jfr.Recording;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What consuming {@code comment-scored} costs in CPU per comment, in post-service and in PostgreSQL. The broker runs in
 * a process of its own, so this JVM's CPU (OperatingSystemMXBean) is post-service's, less the load generator's threads
 * (ThreadMXBean): listener, outbox relay, producer and consumer threads are reported apart, and GC and JIT as the rest.
 * PostgreSQL's is that of the backends of the service's pool (found by their application name, read from /proc). Not
 * a test (surefire runs *Tests only):
 * <pre>
 * mvn -o -q -pl post-service test -Dtest=CommentScoredBenchmark [-Dbenchmark.comments=20000] [-Dbenchmark.rate=1000]
 *     [-Dbenchmark.jfr=true] [-Dspring.kafka.consumer.fetch-max-wait=...]
 * </pre>
 * Two scenarios: a backlog (comments written while the listener is stopped, then consumed as fast as it can), and a
 * flood (comments arriving at {@code benchmark.rate} per second while it runs, the case of issue 5), measured after
 * warming up until the JIT compiler has settled. Both end when every comment is stored and the outbox is empty. The
 * figures go to stdout and to {@code target/comment-scored-benchmark.txt}; with {@code benchmark.jfr} a recording of
 * the measured flood (CPU samples every millisecond) to {@code target/comment-scored-flood.jfr}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + CommentScoredBenchmark.SCHEMA,
        "spring.datasource.username=postgres",
        "spring.datasource.password=",
        "spring.datasource.hikari.data-source-properties.ApplicationName=" + CommentScoredBenchmark.APPLICATION_NAME,
        "spring.flyway.schemas=" + CommentScoredBenchmark.SCHEMA,
        "spring.flyway.clean-disabled=false",
        "commentflow.post-service-url=http://blog.test",
        "commentflow.intake-url=http://intake.test",
        "commentflow.posts.comment-window-check-interval=1h",
        "commentflow.moderation.purge-interval=1h",
})
class CommentScoredBenchmark {

    static final String SCHEMA = "post_service_benchmark";
    static final String APPLICATION_NAME = "post-service-benchmark";
    private static final int POSTS = 12;
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private static BrokerProcess broker;

    @Autowired
    KafkaListenerEndpointRegistry registry;
    @Autowired
    PostCatalog catalog;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.datasource.url}")
    String jdbcUrl;

    private final int comments = Integer.getInteger("benchmark.comments", 20_000);
    private final int rate = Integer.getInteger("benchmark.rate", 1_000);
    private final Random random = new Random(42);
    private final List<Post> posts = new ArrayList<>();
    private final Map<UUID, List<UUID>> commentsByPost = new LinkedHashMap<>();
    private final StringBuilder report = new StringBuilder();
    private KafkaProducer<String, SpecificRecord> load;
    private Connection watcher;

    /** The broker runs in a process of its own: this JVM's CPU is then post-service's (and the load's, counted apart). */
    @DynamicPropertySource
    static void broker(DynamicPropertyRegistry registry) throws Exception {
        if (broker == null) {
            broker = BrokerProcess.start();
        }
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    /** Every run starts from an empty schema of its own. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FreshSchema {
        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }

    @BeforeEach
    void setUp() throws SQLException {
        for (int i = 0; i < POSTS; i++) {
            Post post = TestPosts.create(catalog, "Benchmark " + i);
            posts.add(post);
            commentsByPost.put(post.id(), new ArrayList<>());
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "benchmark-load");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        load = new KafkaProducer<>(props, new StringSerializer(), new EventSerializer());
        Properties db = new Properties();
        db.put("user", "postgres");
        db.put("ApplicationName", "benchmark-watcher");
        watcher = DriverManager.getConnection(jdbcUrl, db);
    }

    @AfterEach
    void tearDown() throws Exception {
        load.close();
        watcher.close();
        container().start();
    }

    @Test
    void measure() throws Exception {
        line("comment-scored benchmark: %d comments per run, flood at %d/s, %d posts, %d cores",
                comments, rate, POSTS, Runtime.getRuntime().availableProcessors());
        warmUp();
        Result flood;
        // -Dbenchmark.jfr=true: a flight recording of the measured flood in target/comment-scored-flood.jfr
        try (Recording recording = Boolean.getBoolean("benchmark.jfr") ? new Recording() : null) {
            if (recording != null) {
                recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
                recording.start();
            }
            flood = flood(comments, "flood");
            if (recording != null) {
                recording.dump(Path.of("target", "comment-scored-flood.jfr"));
            }
        }
        backlog(5_000, "warm-up backlog");
        Result backlog = backlog(comments, "backlog");
        line("%s", flood.summary());
        line("%s", backlog.summary());
        Path file = Path.of("target", "comment-scored-benchmark.txt");
        Files.writeString(file, report.toString());
    }

    /**
     * Runs the flood until the JIT compiler has settled (under 3 % of the time compiling; code run once per poll takes
     * minutes of it to get there), so the figures are those of a service that has run for a while.
     */
    private void warmUp() throws Exception {
        for (int round = 1; round <= 40; round++) {
            Result flood = flood(5_000, "warm-up flood");
            if (flood.delta().jitMillis() < flood.delta().wallNanos() / 1_000_000 * 3 / 100) {
                return;
            }
        }
    }

    private Result backlog(int count, String label) throws Exception {
        container().stop();
        List<CommentScored> events = events(count);
        for (CommentScored event : events) {
            load.send(new ProducerRecord<>(Topics.COMMENT_SCORED.name(), event.getComment().getPostId().toString(), event));
        }
        load.flush();
        long before = storedComments();
        awaitCompilerQuiet();
        Snapshot start = Snapshot.take(watcher, meters);
        container().start();
        awaitStoredAndRelayed(before + count);
        return report(label, count, start, Snapshot.take(watcher, meters));
    }

    private Result flood(int count, String label) throws Exception {
        List<CommentScored> events = events(count);
        long before = storedComments();
        awaitCompilerQuiet();
        Snapshot start = Snapshot.take(watcher, meters);
        long began = System.nanoTime();
        long tickNanos = TimeUnit.MILLISECONDS.toNanos(10);
        int perTick = Math.max(1, rate / 100);
        for (int sent = 0; sent < count; ) {
            for (int i = 0; i < perTick && sent < count; i++, sent++) {
                CommentScored event = events.get(sent);
                load.send(new ProducerRecord<>(Topics.COMMENT_SCORED.name(), event.getComment().getPostId().toString(), event));
            }
            long due = began + (long) sent / perTick * tickNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
        load.flush();
        awaitStoredAndRelayed(before + count);
        return report(label, count, start, Snapshot.take(watcher, meters));
    }

    /** Lets the JIT compiler finish what making the load queued, so that its time is not counted as the service's. */
    private static void awaitCompilerQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        long compiled = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            Thread.sleep(300);
            long now = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            if (now - compiled < 10) {
                return;
            }
            compiled = now;
        }
    }

    /** Ham, spam and unsure as 8:1:1, a fifth of them replies to an earlier comment on the same post. */
    private List<CommentScored> events(int count) {
        List<CommentScored> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Post post = posts.get(random.nextInt(posts.size()));
            List<UUID> earlier = commentsByPost.get(post.id());
            Verdict verdict = switch (i % 10) {
                case 3 -> Verdict.SPAM;
                case 7 -> Verdict.UNSURE;
                default -> Verdict.HAM;
            };
            ScoredComments comment = ScoredComments.on(post.id()).verdict(verdict)
                    .by("Reader " + i, "reader-" + i + "@example.org")
                    .content("I agree with most of this. In our team the same thing happened when we moved the weekly "
                            + "meeting to the afternoon: fewer people came, but the discussions got better. Curious "
                            + "whether you saw the same with the newsletter. Note " + UUID.randomUUID() + ".");
            if (!earlier.isEmpty() && random.nextInt(5) == 0) {
                comment.replyTo(earlier.get(random.nextInt(earlier.size())));
            }
            CommentScored event = comment.build();
            earlier.add(event.getComment().getCommentId());
            events.add(event);
        }
        return events;
    }

    private void awaitStoredAndRelayed(long stored) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (storedComments() < stored || unpublishedOutboxRows() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all comments stored and relayed after 10 minutes");
            }
            Thread.sleep(20);
        }
    }

    private long storedComments() throws SQLException {
        return count("select count(*) from comments");
    }

    private long unpublishedOutboxRows() throws SQLException {
        return count("select count(*) from outbox where published_at is null");
    }

    private long count(String sql) throws SQLException {
        try (PreparedStatement statement = watcher.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private MessageListenerContainer container() {
        return registry.getListenerContainer("comment-scored");
    }

    private Result report(String label, int count, Snapshot start, Snapshot end) {
        Result result = new Result(label, count, end.minus(start));
        line("%s", result.detail());
        return result;
    }

    private void line(String format, Object... args) {
        String text = String.format(format, args);
        System.out.println("[benchmark] " + text);
        report.append(text).append('\n');
    }

    record Result(String label, int count, Snapshot delta) {

        double micros(long nanos) {
            return nanos / 1_000.0 / count;
        }

        /** The process but the load generator's threads: post-service with its GC and JIT. */
        long serviceNanos() {
            return delta.processNanos() - delta.threads().get("load");
        }

        String detail() {
            StringBuilder text = new StringBuilder(String.format(
                    "%-16s %6d comments in %6.2f s (%5.0f/s), %d listener calls, %d relay transactions; CPU µs per comment:",
                    label, count, delta.wallNanos() / 1e9, count / (delta.wallNanos() / 1e9), delta.listenerCalls(),
                    delta.relayRuns()));
            delta.threads().forEach((group, nanos) -> text.append(String.format(" %s %.1f,", group, micros(nanos))));
            text.append(String.format(" GC+JIT %.1f; post-service %.1f; PostgreSQL backends %.1f (server %.1f); "
                            + "%.1f KB allocated per comment; %d GCs taking %d ms, JIT %d ms; %.2f commits per comment in the database",
                    micros(delta.vmNanos()), micros(serviceNanos()), micros(delta.pgBackendNanos()),
                    micros(delta.pgServerNanos()), delta.allocatedBytes() / 1024.0 / count, delta.gcCount(),
                    delta.gcMillis(), delta.jitMillis(), delta.commits() / (double) count));
            return text.toString();
        }

        String summary() {
            long javaThreads = serviceNanos() - delta.vmNanos();
            return String.format("%-16s post-service %.1f µs (its Java threads %.1f, GC and JIT %.1f) + PostgreSQL "
                            + "backends %.1f µs = %.1f µs CPU per comment",
                    label, micros(serviceNanos()), micros(javaThreads), micros(delta.vmNanos()),
                    micros(delta.pgBackendNanos()), micros(serviceNanos() + delta.pgBackendNanos()));
        }
    }

    /** CPU used so far: this JVM's threads by what they do, the whole process, and PostgreSQL from /proc. */
    record Snapshot(long wallNanos, Map<String, Long> threads, long threadTotal, long processNanos, long pgBackendNanos,
                    long pgServerNanos, long commits, long listenerCalls, long relayRuns, long allocatedBytes, long gcCount,
                    long gcMillis, long jitMillis) {

        static Snapshot take(Connection db, MeterRegistry meters) throws SQLException, IOException {
            long listenerCalls = meters.find("spring.kafka.listener").timers().stream().mapToLong(Timer::count).sum();
            DistributionSummary relayed = meters.find("commentflow.outbox.batch.size").summary();
            long relayRuns = relayed == null ? 0 : relayed.count();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Map<String, Long> groups = new LinkedHashMap<>();
            for (String group : List.of("listener", "outbox-relay", "producer", "consumer", "other", "load")) {
                groups.put(group, 0L);
            }
            long total = 0;
            long allocated = 0;
            com.sun.management.ThreadMXBean allocations = (com.sun.management.ThreadMXBean) mx;
            for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long cpu = mx.getThreadCpuTime(info.getThreadId());
                if (cpu < 0) {
                    continue;
                }
                total += cpu;
                String group = group(info.getThreadName());
                groups.merge(group, cpu, Long::sum);
                if (!group.equals("load")) {
                    allocated += allocations.getThreadAllocatedBytes(info.getThreadId());
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            List<Long> backends = new ArrayList<>();
            long postmaster;
            try (PreparedStatement statement = db.prepareStatement(
                    "select pid from pg_stat_activity where application_name = ?")) {
                statement.setString(1, APPLICATION_NAME);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        backends.add(rs.getLong(1));
                    }
                }
            }
            long commits;
            try (PreparedStatement statement = db.prepareStatement(
                    "select xact_commit from pg_stat_database where datname = current_database()");
                 ResultSet rs = statement.executeQuery()) {
                rs.next();
                commits = rs.getLong(1);
            }
            try (PreparedStatement statement = db.prepareStatement("select pg_backend_pid()");
                 ResultSet rs = statement.executeQuery()) {
                rs.next();
                postmaster = parentOf(rs.getLong(1));
            }
            long backendNanos = 0;
            for (long pid : backends) {
                backendNanos += cpuNanos(pid);
            }
            long serverNanos = 0;
            for (long pid : childrenOf(postmaster)) {
                serverNanos += cpuNanos(pid);
            }
            long gcCount = 0;
            long gcMillis = 0;
            for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                gcCount += gc.getCollectionCount();
                gcMillis += gc.getCollectionTime();
            }
            long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            return new Snapshot(System.nanoTime(), groups, total, process, backendNanos, serverNanos, commits,
                    listenerCalls, relayRuns, allocated, gcCount, gcMillis, jitMillis);
        }

        private static String group(String thread) {
            if (thread.startsWith("comment-scored-")) {
                return "listener";
            }
            if (thread.equals("outbox-relay")) {
                return "outbox-relay";
            }
            if (thread.contains("benchmark-load") || thread.equals("main")) {
                return "load";
            }
            if (thread.startsWith("kafka-producer-network-thread")) {
                return "producer";
            }
            if (thread.startsWith("kafka-coordinator-heartbeat-thread | post-service")) {
                return "consumer";
            }
            return "other";
        }

        Snapshot minus(Snapshot start) {
            Map<String, Long> threadDelta = new LinkedHashMap<>();
            threads.forEach((group, nanos) -> threadDelta.put(group, nanos - start.threads.getOrDefault(group, 0L)));
            return new Snapshot(wallNanos - start.wallNanos, threadDelta, threadTotal - start.threadTotal,
                    processNanos - start.processNanos, pgBackendNanos - start.pgBackendNanos,
                    pgServerNanos - start.pgServerNanos, commits - start.commits, listenerCalls - start.listenerCalls,
                    relayRuns - start.relayRuns, allocatedBytes - start.allocatedBytes, gcCount - start.gcCount,
                    gcMillis - start.gcMillis, jitMillis - start.jitMillis);
        }

        /** CPU of the process outside its Java threads: garbage collection, JIT compilation. */
        long vmNanos() {
            return processNanos - threadTotal;
        }

        private static long cpuNanos(long pid) throws IOException {
            Path stat = Path.of("/proc", String.valueOf(pid), "stat");
            if (!Files.exists(stat)) {
                return 0;
            }
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            // fields from the state on: utime is the 12th, stime the 13th (stat(5) fields 14 and 15)
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
        }

        private static long parentOf(long pid) throws IOException {
            String text = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return Long.parseLong(text.substring(text.lastIndexOf(')') + 2).split(" ")[1]);
        }

        private static List<Long> childrenOf(long parent) throws IOException {
            List<Long> children = new ArrayList<>();
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        if (parentOf(Long.parseLong(name)) == parent) {
                            children.add(Long.parseLong(name));
                        }
                    } catch (IOException | RuntimeException e) {
                        // the process ended meanwhile
                    }
                }
            }
            return children;
        }
    }
}
