package io.commentflow.ops;

import io.commentflow.schemas.Topic;
import io.commentflow.schemas.TopicDefinitions;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * One in-process KRaft broker with every commentflow topic and its dead-letter topic ({@value #PARTITIONS}
 * partitions each), plus producers writing real Avro events and raw bytes.
 */
final class TestBroker implements AutoCloseable {

    static final int PARTITIONS = 3;

    private final EmbeddedKafkaKraftBroker broker;
    private final KafkaProducer<String, SpecificRecord> events;
    private final KafkaProducer<byte[], byte[]> raw;

    TestBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.brokerProperty("auto.create.topics.enable", "false");
        // one broker: the transaction state log must make do with one replica
        broker.brokerProperty("transaction.state.log.replication.factor", "1");
        broker.brokerProperty("transaction.state.log.min.isr", "1");
        broker.afterPropertiesSet();
        List<NewTopic> topics = new ArrayList<>();
        for (Topic<?> topic : Topics.all()) {
            topics.addAll(TopicDefinitions.withDeadLetter(topic, PARTITIONS, (short) 1));
        }
        broker.addTopics(topics.toArray(NewTopic[]::new));
        events = new KafkaProducer<>(producerConfig(), new StringSerializer(), new EventSerializer());
        raw = new KafkaProducer<>(producerConfig(), new ByteArraySerializer(), new ByteArraySerializer());
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    void createTopic(String name, int partitions) {
        broker.addTopics(new NewTopic(name, partitions, (short) 1));
    }

    RecordMetadata send(String topic, Integer partition, String key, SpecificRecord event) {
        return await(events.send(new ProducerRecord<>(topic, partition, key, event)));
    }

    RecordMetadata send(Topic<?> topic, String key, SpecificRecord event) {
        return send(topic.name(), null, key, event);
    }

    RecordMetadata sendAt(Topic<?> topic, long timestamp, String key, SpecificRecord event) {
        return await(events.send(new ProducerRecord<>(topic.name(), null, timestamp, key, event)));
    }

    RecordMetadata sendRaw(String topic, Integer partition, byte[] key, byte[] value, List<Header> headers) {
        return await(raw.send(new ProducerRecord<>(topic, partition, key, value, headers)));
    }

    /** Every record of a topic from {@code fromOffsets} on (all partitions from 0 when empty), read uncommitted. */
    List<ConsumerRecord<byte[], byte[]>> read(String topic, Map<Integer, Long> fromOffsets) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            partitions.forEach(tp -> consumer.seek(tp, fromOffsets.getOrDefault(tp.partition(), 0L)));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < ends.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    /** Writes {@code events} to one partition in one transaction, committed or aborted; returns the end offset. */
    long sendInTransaction(String topic, int partition, String key, List<? extends SpecificRecord> events, boolean commit) {
        Map<String, Object> config = new java.util.HashMap<>(producerConfig());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ops-test-" + java.util.UUID.randomUUID());
        try (KafkaProducer<String, SpecificRecord> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new EventSerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            events.forEach(event -> producer.send(new ProducerRecord<>(topic, partition, key, event)));
            if (commit) {
                producer.commitTransaction();
            } else {
                producer.abortTransaction();
            }
        }
        return endOffsets(topic).get(new TopicPartition(topic, partition));
    }

    Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return consumer.endOffsets(partitions);
        }
    }

    private Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    }

    private static RecordMetadata await(java.util.concurrent.Future<RecordMetadata> sent) {
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        events.close();
        raw.close();
        broker.destroy();
    }
}
