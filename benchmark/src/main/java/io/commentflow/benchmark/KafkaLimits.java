package io.commentflow.benchmark;

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

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the broker itself manages on this machine, with the services' own settings, on topics of the benchmark's
 * own (6 partitions, deleted afterwards):
 * <ul>
 *   <li>producer throughput: acks=all, idempotent, records the size of a real CommentSubmitted (intake's ceiling);</li>
 *   <li>transactional consume→produce: a plain consumer (read_committed) and a transactional producer committing once
 *       per poll with {@code sendOffsetsToTransaction}, {@code retry.backoff.ms=10} (spam-filter's ceiling);</li>
 *   <li>latency through two hops at a low rate: produce → transactional consume-produce → read_committed consume,
 *       the Kafka part of intake → spam-filter → post-service.</li>
 * </ul>
 */
final class KafkaLimits implements AutoCloseable {

    record Throughput(long records, double seconds, int recordBytes) {
        double perSecond() {
            return records / seconds;
        }
    }

    private static final int PARTITIONS = 6;

    private final String bootstrap;
    private final String prefix;
    private final Admin admin;
    private final List<String> topics = new ArrayList<>();
    private final byte[] submitted;
    private final byte[] scored;
    private final List<String> keys = new ArrayList<>();

    KafkaLimits(String bootstrap, String run) {
        this.bootstrap = bootstrap;
        this.prefix = "benchmark-" + run;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
        var sample = SampleEvents.commentSubmitted(1);
        this.submitted = SampleEvents.bytes("comment-submitted", sample);
        this.scored = SampleEvents.bytes("comment-scored", SampleEvents.commentScored(sample));
        for (int i = 0; i < 1000; i++) {
            keys.add(UUID.randomUUID().toString());
        }
    }

    int submittedBytes() {
        return submitted.length;
    }

    /** Producer throughput: {@code warmup} records, then {@code records} timed from the first send to the last ack. */
    Throughput produce(int warmup, int records) throws Exception {
        String topic = topic("produce");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(null))) {
            send(producer, topic, warmup);
            producer.flush();
            long start = System.nanoTime();
            send(producer, topic, records);
            producer.flush();
            return new Throughput(records, (System.nanoTime() - start) / 1e9, submitted.length);
        }
    }

    /**
     * Transactional consume→produce over what {@link #produce} wrote: each poll's records are re-written (at the
     * size of a CommentScored) and the consumed offsets committed in one transaction.
     */
    Throughput consumeTransformProduce(long records) throws Exception {
        String in = prefix + "-produce";
        String out = topic("scored");
        Map<String, Object> consumerConfig = consumerConfig(prefix + "-tx");
        Map<String, Object> producerConfig = producerConfig(prefix + "-tx");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig)) {
            producer.initTransactions();
            consumer.subscribe(List.of(in));
            long consumed = 0;
            long start = -1;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (consumed < records && System.nanoTime() < deadline) {
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
            return new Throughput(consumed, (System.nanoTime() - start) / 1e9, scored.length);
        }
    }

    /**
     * Latency through produce → transactional consume-produce → read_committed consume, at {@code perSecond}:
     * what Kafka alone costs between a comment accepted by intake and its verdict read by post-service.
     */
    LoadResult twoHopLatency(double perSecond, Duration warmup, Duration measure) throws Exception {
        String hop1 = topic("hop1");
        String hop2 = topic("hop2");
        LatencyRecorder recorder = new LatencyRecorder();
        AtomicBoolean running = new AtomicBoolean(true);
        long measureFrom = System.nanoTime() + warmup.toNanos() + TimeUnit.SECONDS.toNanos(3);
        Thread relay = daemon("kafka-hop", () -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(prefix + "-hop"));
                 KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(prefix + "-hop"))) {
                producer.initTransactions();
                consumer.subscribe(List.of(hop1));
                while (running.get()) {
                    ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(100));
                    if (batch.isEmpty()) {
                        continue;
                    }
                    producer.beginTransaction();
                    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                    for (ConsumerRecord<String, byte[]> record : batch) {
                        byte[] value = scored.clone();
                        System.arraycopy(record.value(), 0, value, 0, Long.BYTES);
                        producer.send(new ProducerRecord<>(hop2, record.key(), value));
                        offsets.put(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1));
                    }
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                    producer.commitTransaction();
                }
            }
        });
        Thread sink = daemon("kafka-sink", () -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(prefix + "-sink"))) {
                consumer.subscribe(List.of(hop2));
                while (running.get()) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        long now = System.nanoTime();
                        long sent = ByteBuffer.wrap(record.value()).getLong();
                        if (sent >= measureFrom) {
                            synchronized (recorder) {
                                recorder.recordLatency(now - sent);
                            }
                        }
                    }
                }
            }
        });
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerConfig(null))) {
            // give both consumer groups time to join before the measured records
            long end = measureFrom + measure.toNanos();
            long interval = (long) (1e9 / perSecond);
            long i = 0;
            for (long next = System.nanoTime(); next < end; next += interval) {
                while (System.nanoTime() < next) {
                    java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                }
                byte[] value = submitted.clone();
                ByteBuffer.wrap(value).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(hop1, keys.get((int) (i++ % keys.size())), value));
            }
            producer.flush();
        }
        Thread.sleep(2_000); // the last records' way through
        running.set(false);
        relay.join(10_000);
        sink.join(10_000);
        synchronized (recorder) {
            return LatencyRecorder.merge("Kafka two hops", List.of(recorder), measure.toNanos() / 1e9, perSecond);
        }
    }

    private void send(KafkaProducer<String, byte[]> producer, String topic, int records) {
        for (int i = 0; i < records; i++) {
            producer.send(new ProducerRecord<>(topic, keys.get(i % keys.size()), submitted));
        }
    }

    /** intake's producer settings (acks=all, idempotent), transactional like spam-filter's when an id is given. */
    private Map<String, Object> producerConfig(String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            config.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 10);
        }
        return config;
    }

    /** spam-filter's consumer settings: read_committed, from the start, no auto-commit. */
    private Map<String, Object> consumerConfig(String group) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    private String topic(String name) throws Exception {
        String topic = prefix + "-" + name;
        admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        topics.add(topic);
        return topic;
    }

    private static Thread daemon(String name, ThrowingRunnable body) {
        Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (Exception e) {
                Progress.say("%s failed: %s", name, e);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Deletes the benchmark's topics and consumer groups. */
    @Override
    public void close() {
        try {
            if (!topics.isEmpty()) {
                admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
            }
            admin.deleteConsumerGroups(List.of(prefix + "-tx", prefix + "-hop", prefix + "-sink")).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Progress.say("could not delete the benchmark's topics or groups: %s", e.getMessage());
        } finally {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
