package io.commentflow.spamfilter.pipeline;

import io.commentflow.events.CommentScored;
import io.commentflow.events.CommentSubmitted;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventDeserializer;
import io.commentflow.schemas.kafka.EventSerializer;
import io.commentflow.spamfilter.scoring.CorpusComments;
import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test (surefire does not pick up *Benchmark): how fast the service works off a backlog on comment-submitted,
 * end to end through Kafka, like the benchmark module's backlog scenario: the listener is stopped, a backlog of the
 * shipped YouTube comments (as stored, HTML-ish, each from an author of its own) is written, the listener is started
 * and the clock runs until comment-scored holds a verdict for every one of them (read_committed). It checks that each
 * post's verdicts come out in the order its comments went in, once each. With {@code -Dbenchmark.raw=true} it also
 * measures, on the same broker, the raw transactional consume→produce of the same records (one transaction per poll,
 * no decoding, no scoring): the ceiling. Each round also reports the CPU time per comment of the process and of its
 * groups of threads (listener, broker, producer I/O), and where the listener's time went (polls, transaction commits).
 * Run it alone:
 * {@code mvn -o -q -pl spam-filter test -Dtest=ScoringThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbenchmark.comments=50000 -Dbenchmark.rounds=3 -Dbenchmark.raw=true} ({@code -Dbenchmark.posts=1}: every comment on one
 * post, so one partition and one consumer hold the whole backlog); the figures are in
 * target/surefire-reports/*ScoringThroughputBenchmark-output.txt. A profile: add
 * {@code -DargLine=-XX:StartFlightRecording=filename=/tmp/scoring.jfr,settings=profile}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.org.apache.kafka=WARN",
        "logging.level.kafka=WARN",
        "logging.level.state.change.logger=WARN",
        "logging.level.org.springframework.kafka=WARN"})
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers", brokerProperties = {
        "auto.create.topics.enable=false",
        "group.initial.rebalance.delay.ms=0",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1"})
class ScoringThroughputBenchmark {

    private static final String IN = Topics.COMMENT_SUBMITTED.name();
    private static final int COMMENTS = Integer.getInteger("benchmark.comments", 50_000);
    /** Comments scored before the rounds: the broker shares the JVM, and the JIT takes a while to settle on both. */
    private static final int WARM_UP = Integer.getInteger("benchmark.warm-up", 60_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);
    private static final boolean RAW = Boolean.getBoolean("benchmark.raw");
    /** Posts the comments are spread over (97 by default); 1 is a single hot post, so one partition holds the backlog. */
    private static final Integer POSTS = Integer.getInteger("benchmark.posts");

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrap;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    MeterRegistry meters;

    private final List<CorpusComments.Raw> corpus = CorpusComments.raw();
    private final EventSerializer serializer = new EventSerializer();
    /** Per post, the comment ids not yet scored, in the order they were written. */
    private final Map<UUID, Queue<UUID>> expected = new ConcurrentHashMap<>();
    private long written;

    @Test
    void drainsABacklog() throws Exception {
        MessageListenerContainer listener = listeners.getListenerContainer("spam-filter");
        try (VerdictCounter verdicts = new VerdictCounter(bootstrap);
             KafkaProducer<String, byte[]> producer = backlogProducer()) {
            verdicts.start();
            write(producer, WARM_UP);
            verdicts.awaitCount(written, Duration.ofMinutes(5));
            verdicts.check();
            System.out.printf(Locale.ROOT, "warm-up: %,d comments scored%n", WARM_UP);
            for (int round = 1; round <= ROUNDS; round++) {
                listener.stop();
                write(producer, COMMENTS);
                CpuUse cpu = new CpuUse();
                Map<String, Double> kafkaBefore = kafkaTimes();
                long start = System.nanoTime();
                listener.start();
                verdicts.awaitCount(written, Duration.ofMinutes(10));
                double seconds = (System.nanoTime() - start) / 1e9;
                double flowing = (verdicts.lastAt.get() - verdicts.firstAfter(start)) / 1e9;
                System.out.printf(Locale.ROOT, "round %d: %,d comments in %.2f s from start = %,.0f comments/s "
                                + "(%,.0f/s from first to last verdict)%n", round, COMMENTS, seconds, COMMENTS / seconds,
                        COMMENTS / flowing);
                System.out.println("  " + cpu.report(seconds, COMMENTS));
                System.out.println("  " + kafkaReport(kafkaBefore, kafkaTimes(), seconds));
                verdicts.check();
            }
            assertThat(verdicts.outOfOrder.get()).as("verdicts out of order or twice").isZero();
            assertThat(verdicts.count.get()).isEqualTo(written);
        }
        if (RAW) {
            listener.stop();
            rawConsumeTransformProduce(written);
        }
    }

    /** Polls handled and where the listener's time went (summed over listener threads), from the clients' metrics. */
    private Map<String, Double> kafkaTimes() {
        Map<String, Double> times = new TreeMap<>();
        for (Meter meter : meters.getMeters()) {
            String name = meter.getId().getName();
            String client = meter.getId().getTag("client.id");
            if (name.equals("spring.kafka.listener") && meter instanceof Timer timer) {
                times.merge("polls", (double) timer.count(), Double::sum);
                times.merge("in listener", timer.totalTime(TimeUnit.SECONDS), Double::sum);
            } else if (client != null && client.startsWith("spam-filter-producer") && name.startsWith("kafka.producer.txn.")
                    && name.endsWith(".time.ns.total") && meter instanceof FunctionCounter counter) {
                times.merge(name.substring("kafka.producer.".length(), name.length() - ".time.ns.total".length()),
                        counter.count() / 1e9, Double::sum);
            } else if (client != null && client.startsWith("spam-filter-producer") && name.equals("kafka.producer.flush.time.ns.total")
                    && meter instanceof FunctionCounter counter) {
                times.merge("flush", counter.count() / 1e9, Double::sum);
            }
        }
        return times;
    }

    private static String kafkaReport(Map<String, Double> before, Map<String, Double> after, double seconds) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "listener: %.0f polls",
                after.getOrDefault("polls", 0.0) - before.getOrDefault("polls", 0.0)));
        after.forEach((name, value) -> {
            double delta = value - before.getOrDefault(name, 0.0);
            if (!name.equals("polls") && delta >= 0.005) {
                sb.append(String.format(Locale.ROOT, ", %s %.2f s", name, delta));
            }
        });
        return sb.append(String.format(Locale.ROOT, " (of %.2f s)", seconds)).toString();
    }

    private KafkaProducer<String, byte[]> backlogProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 65_536), new StringSerializer(), new ByteArraySerializer());
    }

    private void write(KafkaProducer<String, byte[]> producer, int comments) {
        for (int i = 0; i < comments; i++) {
            CommentSubmitted comment = CorpusComments.submitted(corpus, written++);
            if (POSTS != null) {
                comment.setPostId(UUID.nameUUIDFromBytes(("hot-post-" + written % POSTS).getBytes(UTF_8)));
            }
            expected.computeIfAbsent(comment.getPostId(), p -> new ArrayDeque<>()).add(comment.getCommentId());
            producer.send(new ProducerRecord<>(IN, comment.getPostId().toString(), serializer.serialize(IN, comment)));
        }
        producer.flush();
    }

    /**
     * CPU used during a round by this process (service, broker and the verdict reader all run in it), in total and by
     * groups of threads: where the time per comment goes, and whether the machine's cores were the limit.
     */
    private static final class CpuUse {
        private final OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final long process = os.getProcessCpuTime();
        private final long gcMillis = gcMillis();
        private final long gcCount = gcCount();
        private final long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();

        private static long gcMillis() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionTime()).sum();
        }

        private static long gcCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> b.getCollectionCount()).sum();
        }
        private final Map<Long, Long> byThread = perThread();

        private Map<Long, Long> perThread() {
            Map<Long, Long> times = new HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                times.put(id, threads.getThreadCpuTime(id));
            }
            return times;
        }

        String report(double seconds, int comments) {
            double processMicros = (os.getProcessCpuTime() - process) / 1e3;
            Map<String, Double> groups = new TreeMap<>();
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long now = threads.getThreadCpuTime(info.getThreadId());
                long before = byThread.getOrDefault(info.getThreadId(), 0L);
                groups.merge(group(info.getThreadName()), (now - before) / 1e3, Double::sum);
            }
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "process CPU %.0f µs per comment, %.2f of %d cores busy; by threads (µs per comment):",
                    processMicros / comments, processMicros / 1e6 / seconds, os.getAvailableProcessors()));
            groups.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .filter(e -> e.getValue() / comments >= 0.5)
                    .forEach(e -> sb.append(String.format(Locale.ROOT, " %s %.1f", e.getKey(), e.getValue() / comments)));
            sb.append(String.format(Locale.ROOT, "; %d collections taking %d ms, %d ms compiling",
                    gcCount() - gcCount, gcMillis() - gcMillis,
                    ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitMillis));
            return sb.toString();
        }

        private static String group(String thread) {
            if (thread.startsWith("spam-filter-") && thread.contains("-C-")) {
                return "listener";
            }
            if (thread.startsWith("scoring-")) {
                return "scoring";
            }
            if (thread.startsWith("kafka-producer-network-thread")) {
                return "producer-io";
            }
            if (thread.startsWith("verdict-counter")) {
                return "verdict-reader";
            }
            if (thread.contains("kafka") || thread.contains("Kafka") || thread.contains("broker")
                    || thread.contains("coordinator") || thread.contains("Txn") || thread.contains("Reaper")
                    || thread.contains("raft") || thread.contains("quorum") || thread.contains("log")) {
                return "broker";
            }
            return "other";
        }
    }

    /** Reads comment-scored as downstream services do (read_committed), counting verdicts and checking their order. */
    private final class VerdictCounter extends Thread implements AutoCloseable {

        final AtomicLong count = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        final AtomicLong lastAt = new AtomicLong();
        private final Map<Long, Long> firstOfCount = new ConcurrentHashMap<>();
        private final KafkaConsumer<String, byte[]> consumer;
        private final EventDeserializer deserializer = new EventDeserializer();
        /** Verdicts read but not yet checked: decoding them while the clock runs would take CPU from the service. */
        private final Queue<byte[]> unchecked = new ConcurrentLinkedQueue<>();
        private volatile boolean running = true;

        VerdictCounter(String bootstrap) {
            super("verdict-counter");
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.COMMENT_SCORED.name(), Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        @Override
        public void run() {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(50));
                long now = System.nanoTime();
                if (!records.isEmpty()) {
                    records.forEach(record -> unchecked.add(record.value()));
                    firstOfCount.putIfAbsent(count.get(), now);
                    lastAt.set(now);
                    count.addAndGet(records.count());
                }
            }
            consumer.close();
        }

        /** Decodes what was read since the last call (outside the timed part) and checks the order per post. */
        void check() {
            for (byte[] value = unchecked.poll(); value != null; value = unchecked.poll()) {
                CommentScored scored = (CommentScored) deserializer.deserialize(Topics.COMMENT_SCORED.name(), value);
                Queue<UUID> pending = expected.get(scored.getComment().getPostId());
                UUID next = pending == null ? null : pending.poll();
                if (!scored.getComment().getCommentId().equals(next)) {
                    outOfOrder.incrementAndGet();
                }
            }
        }

        /** When the first verdict after {@code start} was read. */
        long firstAfter(long start) {
            return firstOfCount.values().stream().filter(t -> t >= start).min(Long::compare).orElse(start);
        }

        void awaitCount(long target, Duration atMost) throws InterruptedException {
            long deadline = System.nanoTime() + atMost.toNanos();
            while (count.get() < target) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("only " + count.get() + " of " + target + " verdicts");
                }
                Thread.sleep(5); // a clock's resolution, not a wait for something to happen
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            join(10_000);
        }
    }

    private static CommentScored verdictOn(CommentSubmitted comment) {
        return CommentScored.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(comment.getOccurredAt())
                .setComment(comment)
                .setVerdict(io.commentflow.events.Verdict.HAM)
                .setScore(0.012345)
                .setReasons(List.of("classifier: ham (spam probability 0.012)"))
                .setClassifierVersion("rules-2+nblr-1")
                .setScoredAt(comment.getOccurredAt())
                .build();
    }

    /**
     * The ceiling: a plain read_committed consumer and a transactional producer (retry.backoff.ms 10) re-writing each
     * poll's records at the size of their verdict and committing the offsets in the same transaction, as the benchmark
     * module's Kafka limit does.
     */
    private void rawConsumeTransformProduce(long records) throws Exception {
        String out = "raw-limit-scored";
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(out, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        byte[] scored = new byte[serializer.serialize(Topics.COMMENT_SCORED.name(),
                verdictOn(CorpusComments.submitted(corpus, 0))).length];
        Map<String, Object> consumerConfig = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "raw-limit",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "raw-limit-tx",
                ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
                     new ByteArraySerializer())) {
            producer.initTransactions();
            consumer.subscribe(List.of(IN));
            long consumed = 0;
            long start = -1;
            while (consumed < records) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                if (batch.isEmpty()) {
                    continue;
                }
                if (start < 0) {
                    start = System.nanoTime();
                }
                producer.beginTransaction();
                Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : batch) {
                    producer.send(new ProducerRecord<>(out, record.key(), scored));
                    offsets.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                producer.commitTransaction();
                consumed += batch.count();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "raw transactional consume→produce on the same broker: %,d records in "
                    + "%.2f s = %,.0f records/s%n", consumed, seconds, consumed / seconds);
        }
    }
}
