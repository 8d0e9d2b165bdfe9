package io.commentflow.posts.support;

import io.commentflow.schemas.kafka.EventDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.awaitility.Awaitility.await;

/**
 * Reads a whole topic from the beginning, outside any consumer group, and keeps what it read. {@link #drain()}
 * reads up to the current end of every partition, so counts taken after it are exact.
 */
public final class TopicReader implements AutoCloseable {

    private final Consumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    private final List<TopicPartition> partitions;

    public TopicReader(EmbeddedKafkaBroker broker, String topic) {
        this(broker.getBrokersAsString(), topic);
    }

    public TopicReader(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.partitionsFor(topic).isEmpty());
        this.partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads up to the end offsets as they are now. */
    public TopicReader drain() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read to the end of " + partitions);
            }
            consumer.poll(Duration.ofMillis(100)).forEach(records::add);
        }
        return this;
    }

    public List<ConsumerRecord<String, byte[]>> withKey(String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    /** Waits until at least one record with this key has been read and returns those read. */
    public List<ConsumerRecord<String, byte[]>> awaitKey(String key) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !drain().withKey(key).isEmpty());
        return withKey(key);
    }

    public static SpecificRecord decode(ConsumerRecord<String, byte[]> record) {
        try (EventDeserializer deserializer = new EventDeserializer()) {
            return deserializer.deserialize(record.topic(), record.value());
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
