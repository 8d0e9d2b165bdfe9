package io.commentflow.ops;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Kafka clients with short timeouts, so a command never hangs on an unreachable cluster. Consumers never join a
 * group and never commit; they read raw bytes, which the tool decodes itself.
 */
final class KafkaClients {

    private static final String CLIENT_ID = "commentflow-ops";

    private final String bootstrapServer;
    private final Duration timeout;

    KafkaClients(String bootstrapServer, Duration timeout) {
        this.bootstrapServer = bootstrapServer;
        this.timeout = timeout;
    }

    String bootstrapServer() {
        return bootstrapServer;
    }

    Duration timeout() {
        return timeout;
    }

    Admin admin() {
        Map<String, Object> config = common();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis());
        return Admin.create(config);
    }

    Consumer<byte[], byte[]> consumer() {
        Map<String, Object> config = common();
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    Producer<byte[], byte[]> producer() {
        Map<String, Object> config = common();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, millis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 3 * millis());
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private Map<String, Object> common() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServer);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, CLIENT_ID);
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis());
        return config;
    }

    private int millis() {
        return (int) timeout.toMillis();
    }
}
