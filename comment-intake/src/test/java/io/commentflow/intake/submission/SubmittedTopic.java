package io.commentflow.intake.submission;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventDeserializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads everything on comment-submitted, decoded the way consumers decode it. */
final class SubmittedTopic implements AutoCloseable {

    private final KafkaConsumer<String, SpecificRecord> consumer;
    private final List<TopicPartition> partitions;
    private final List<ConsumerRecord<String, SpecificRecord>> seen = new ArrayList<>();

    SubmittedTopic(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringDeserializer(), new EventDeserializer());
        partitions = consumer.partitionsFor(Topics.COMMENT_SUBMITTED.name(), Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Sum of end offsets: unchanged means nothing was written. */
    long endOffsets() {
        return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The records for one comment; intake acknowledges only after the write, so they are there already. */
    List<ConsumerRecord<String, SpecificRecord>> recordsOf(UUID commentId) {
        readToEnd();
        return seen.stream()
                .filter(r -> r.value() instanceof CommentSubmitted c && c.getCommentId().equals(commentId))
                .toList();
    }

    private void readToEnd() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read comment-submitted to its end");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
