package io.commentflow.notification.reply;

import io.commentflow.events.NotificationKind;
import io.commentflow.events.Person;
import io.commentflow.events.PostRef;
import io.commentflow.events.ReplyNotification;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Not a test (surefire does not pick up *Benchmark): how fast the service works off a backlog of reply
 * notifications, each for a post and author of its own (one email each, none folded), like the benchmark module's
 * BacklogScenario, against in-process Kafka, this machine's PostgreSQL and GreenMail in a JVM of its own, with
 * production settings (6 partitions, no webhooks). The listener is stopped while the backlog is written, then timed
 * from its start and from the first email to the last; the CPU the service, the sink and PostgreSQL spent on it is
 * reported per email (on a shared machine a steadier figure than the rate). Run it alone, with the local runner's
 * JVM options:
 * <pre>
 * mvn -o -q -pl notification test -Dtest=EmailBacklogBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbenchmark.emails=3000 -Dbenchmark.warm-up=1500 -DargLine="-Xmx512m -XX:+UseSerialGC"
 * </pre>
 * The figures are in target/surefire-reports/*EmailBacklogBenchmark-output.txt (lines from "BENCHMARK"). Options:
 * {@code benchmark.emails} (3000), {@code benchmark.warm-up} (emails before, 500), {@code benchmark.sink-warm-up}
 * (raw SMTP messages to the sink before, 0), {@code benchmark.fold-warm-up} (comments on 8 posts before, mostly
 * folded, 0), {@code benchmark.sink=in-jvm}, {@code benchmark.sink-jvm-args}.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=notification_bench",
        "spring.datasource.username=postgres",
        "spring.datasource.password=",
        // names this service's sessions, so that only their CPU counts as the service's PostgreSQL CPU
        "spring.datasource.hikari.data-source-properties.ApplicationName=" + EmailBacklogBenchmark.APPLICATION_NAME,
        "spring.flyway.schemas=notification_bench",
        "spring.flyway.clean-disabled=false",
        "commentflow.notification-url=https://notify.commentflow.test",
        "commentflow.post-service-url=https://blog.commentflow.test",
        "commentflow.subscription-links.secret=benchmark-subscription-links-secret-0123456789",
        "commentflow.moderation-links.secret=benchmark-moderation-links-secret-0123456789",
})
@EmbeddedKafka(brokerProperties = "auto.create.topics.enable=false",
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class EmailBacklogBenchmark {

    static final String APPLICATION_NAME = "commentflow-notification-benchmark";
    private static final int SMTP_PORT = freePort();
    private static final String TOPIC = Topics.REPLY_NOTIFICATION.name();

    /** GreenMail in a JVM of its own, as the local system runs it (-Dbenchmark.sink=in-jvm: in this one). */
    private static MailSinkProcess sink;

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startSink() throws IOException {
        sink = MailSinkProcess.start(SMTP_PORT, "in-jvm".equals(System.getProperty("benchmark.sink")));
    }

    @AfterAll
    static void stopSink() {
        sink.close();
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Test
    void backlog() throws Exception {
        int emails = Integer.getInteger("benchmark.emails", 3000);
        int warmUp = Integer.getInteger("benchmark.warm-up", 500);
        MessageListenerContainer container = listeners.getListenerContainer("reply-notification-mailer");

        // like the benchmark's run before its backlog: raw SMTP to the sink (its SMTP limit), then comments on a few
        // posts (its end-to-end scenario: 5 emails per post and address, the rest folded into digests)
        int sinkWarmUp = Integer.getInteger("benchmark.sink-warm-up", 0);
        if (sinkWarmUp > 0) {
            MailSinkProcess.Arrivals raw = sink.expect(sinkWarmUp);
            RawSmtp.send("127.0.0.1", SMTP_PORT, sinkWarmUp, 2);
            raw.awaitAll(Duration.ofMinutes(5));
        }
        int foldWarmUp = Integer.getInteger("benchmark.fold-warm-up", 0);
        if (foldWarmUp > 0) {
            long before = ledgerAndDigestRows();
            publishOnPosts("f" + System.nanoTime(), foldWarmUp, 8);
            await().atMost(Duration.ofMinutes(5)).until(() -> ledgerAndDigestRows() - before >= foldWarmUp);
        }
        if (warmUp > 0) {
            MailSinkProcess.Arrivals warm = sink.expect(warmUp);
            publish("w" + System.nanoTime(), warmUp);
            warm.awaitAll(Duration.ofMinutes(5));
        }

        container.stop();
        publish("m" + System.nanoTime(), emails);
        // the JIT compiles what producing needed (Avro, the producer) for a while: let it settle before measuring
        Thread.sleep(Long.getLong("benchmark.settle-millis", 5000));
        MailSinkProcess.Arrivals arrivals = sink.expect(emails);
        long cpuBefore = processCpuNanos();
        long sinkCpuBefore = sink.cpuNanos();
        long postgresCpuBefore = postgresCpuNanos();
        Map<Long, Long> threadsBefore = threadCpuNanos();
        Map<String, Long> tasksBefore = taskCpuTicks();
        long start = System.nanoTime();
        Instant startedAt = Instant.now();
        container.start();
        long end = arrivals.awaitAll(Duration.ofMinutes(10));
        double perEmail = 1e6 * emails;
        double cpu = (processCpuNanos() - cpuBefore) / perEmail;
        double sinkCpu = (sink.cpuNanos() - sinkCpuBefore) / perEmail;
        double postgresCpu = (postgresCpuNanos() - postgresCpuBefore) / perEmail;
        String byThread = cpuByThreadGroup(threadsBefore, emails);
        String byTask = cpuByTask(tasksBefore, emails);
        double fromFirst = (end - arrivals.first()) / 1e9;
        double fromStart = (end - start) / 1e9;
        System.out.println(String.format("BENCHMARK %d emails: %.2f s from the first email (%.0f/s), %.2f s from the"
                        + " container start (%.0f/s)%n  CPU ms per email: this JVM %.2f (%s), sink %s, postgres %.2f;"
                        + " load %s",
                emails, fromFirst, (emails - 1) / fromFirst, fromStart, emails / fromStart, cpu, byThread,
                sink.inThisJvm() ? "in this JVM" : String.format("%.2f", sinkCpu), postgresCpu, loadAverage())
                + "\n  this JVM by OS thread: " + byTask + "\n  measured from " + startedAt + " to " + Instant.now());
    }

    /** CPU ticks of this process's OS threads (JIT and GC threads too), by tid + name. */
    private static Map<String, Long> taskCpuTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.put(task.getFileName() + " " + comm, Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return ticks;
        }
        return ticks;
    }

    private static String cpuByTask(Map<String, Long> before, int emails) {
        Map<String, Long> groups = new TreeMap<>();
        taskCpuTicks().forEach((task, ticks) -> groups.merge(
                task.substring(task.indexOf(' ') + 1).replaceAll("[0-9]+", "#"),
                ticks - before.getOrDefault(task, 0L), Long::sum));
        StringBuilder out = new StringBuilder();
        groups.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(e -> out.append(String.format("[%s] %.2f  ", e.getKey(), e.getValue() * 1e7 / 1e6 / emails)));
        return out.toString().strip();
    }

    /**
     * CPU of this service's PostgreSQL sessions (the backends its pool opened; the server's shared processes, such as
     * the WAL writer, and other users of this PostgreSQL, such as other modules' tests, do not count).
     */
    private long postgresCpuNanos() {
        long ticks = 0;
        List<Integer> backends = jdbc.sql("select pid from pg_stat_activity where application_name = ?")
                .param(APPLICATION_NAME).query(Integer.class).list();
        for (int pid : backends) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException gone) {
                // the session ended meanwhile
            }
        }
        return ticks * 10_000_000L; // USER_HZ = 100
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Map<Long, Long> threadCpuNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, threads.getThreadCpuTime(id));
        }
        return cpu;
    }

    /** The CPU the threads alive now used since {@code before}: the service's consumers, GreenMail, the rest. */
    private static String cpuByThreadGroup(Map<Long, Long> before, int emails) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long used = threads.getThreadCpuTime(info.getThreadId()) - before.getOrDefault(info.getThreadId(), 0L);
            String name = info.getThreadName();
            String group = name.startsWith("reply-notification-mailer") ? "consumers"
                    : name.startsWith("smtp") ? "greenmail"
                    : name.contains("kafka") || name.contains("raft") || name.contains("quorum")
                    || name.contains("coordinator") || name.contains("controller") ? "kafka"
                    : "other";
            groups.merge(group, Math.max(0, used), Long::sum);
        }
        StringBuilder out = new StringBuilder();
        groups.forEach((group, nanos) -> out.append(String.format("%s %.2f  ", group, nanos / 1e6 / emails)));
        return out.toString().strip();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void publish(String run, int count) {
        Map<String, Object> props = KafkaTestUtils.producerProps(broker);
        try (KafkaProducer<String, SpecificRecord> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new EventSerializer())) {
            for (int i = 0; i < count; i++) {
                ReplyNotification event = event(run, i);
                producer.send(new ProducerRecord<>(TOPIC, event.getCommentId().toString(), event));
            }
            producer.flush();
        }
    }

    private long ledgerAndDigestRows() {
        return jdbc.sql("select (select count(*) from email_delivery) + (select count(*) from email_digest_entry)")
                .query(Long.class).single();
    }

    /** Comments spread over a few posts, each post with its own author. */
    private void publishOnPosts(String run, int count, int posts) {
        List<PostRef> refs = new ArrayList<>();
        for (int p = 0; p < posts; p++) {
            String link = "https://blog.commentflow.test/posts/warm-" + run + "-" + p;
            refs.add(PostRef.newBuilder().setPostId(UUID.randomUUID()).setTitle("Warm post " + p).setLink(link)
                    .setAuthor(Person.newBuilder().setName("Author " + p)
                            .setEmail("author-" + run + "-" + p + "@example.org").build())
                    .build());
        }
        Map<String, Object> props = KafkaTestUtils.producerProps(broker);
        try (KafkaProducer<String, SpecificRecord> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new EventSerializer())) {
            for (int i = 0; i < count; i++) {
                ReplyNotification event = ReplyNotification.newBuilder(event(run, i)).setPost(refs.get(i % posts)).build();
                producer.send(new ProducerRecord<>(TOPIC, event.getCommentId().toString(), event));
            }
            producer.flush();
        }
    }

    /** Shaped like the benchmark module's SampleEvents.newCommentNotification. */
    private static ReplyNotification event(String run, int i) {
        UUID commentId = UUID.randomUUID();
        String link = "https://blog.commentflow.test/posts/benchmark-" + run + "-" + i;
        return ReplyNotification.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setKind(NotificationKind.COMMENT_PUBLISHED)
                .setCommentId(commentId)
                .setCommentLink(link + "#comment-" + commentId)
                .setExcerpt(("Thanks for the write-up, comment " + i + ". ").repeat(4).substring(0, 120) + "…")
                .setCommentAuthor(Person.newBuilder().setName("Reader " + i)
                        .setEmail("reader-" + run + "-" + i + "@example.org").build())
                .setPost(PostRef.newBuilder().setPostId(UUID.randomUUID()).setTitle("Benchmark post " + i).setLink(link)
                        .setAuthor(Person.newBuilder().setName("Author " + i)
                                .setEmail("author-" + run + "-" + i + "@example.org").build())
                        .build())
                .setParent(null)
                .setNotifyFollowups(false)
                .build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
}
