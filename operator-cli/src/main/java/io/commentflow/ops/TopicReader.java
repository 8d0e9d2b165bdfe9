package io.commentflow.ops;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads every partition of one topic with {@code assign} and {@code seek}: no consumer group, nothing committed.
 * Without following it stops at the end offsets it found when it started (read_committed: the last stable offsets).
 */
final class TopicReader {

    private static final Duration POLL = Duration.ofMillis(200);

    /** Receives records in partition order; returns false to stop reading. */
    interface Sink {
        boolean accept(ConsumerRecord<byte[], byte[]> record);
    }

    private final Consumer<byte[], byte[]> consumer;

    TopicReader(Consumer<byte[], byte[]> consumer) {
        this.consumer = consumer;
    }

    static List<TopicPartition> partitions(Consumer<byte[], byte[]> consumer, String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic);
        if (partitions == null || partitions.isEmpty()) {
            throw new OpsException("topic " + topic + " does not exist");
        }
        return partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    /**
     * Reads {@code topic} from {@code from} (null: from the beginning) until its current end, or on and on when
     * {@code follow} until the sink says stop or {@link Consumer#wakeup()} is called from another thread.
     */
    void read(String topic, Instant from, boolean follow, Sink sink) {
        List<TopicPartition> partitions = partitions(consumer, topic);
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        seek(partitions, from, ends);
        Set<TopicPartition> unfinished = new HashSet<>(partitions);
        if (!follow) {
            pauseFinished(unfinished, ends);
        }
        try {
            while (follow || !unfinished.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (!follow && record.offset() >= ends.get(partition)) {
                        continue;
                    }
                    if (!sink.accept(record)) {
                        return;
                    }
                }
                if (!follow) {
                    pauseFinished(unfinished, ends);
                }
            }
        } catch (WakeupException stopped) {
            // asked to stop (Ctrl-C while following)
        }
    }

    private void seek(List<TopicPartition> partitions, Instant from, Map<TopicPartition, Long> ends) {
        if (from == null) {
            consumer.seekToBeginning(partitions);
            return;
        }
        Map<TopicPartition, Long> timestamps = new HashMap<>();
        partitions.forEach(tp -> timestamps.put(tp, from.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(timestamps);
        for (TopicPartition tp : partitions) {
            OffsetAndTimestamp found = offsets.get(tp);
            consumer.seek(tp, found == null ? ends.get(tp) : found.offset());
        }
    }

    private void pauseFinished(Set<TopicPartition> unfinished, Map<TopicPartition, Long> ends) {
        unfinished.removeIf(tp -> {
            boolean finished = consumer.position(tp) >= ends.get(tp);
            if (finished) {
                consumer.pause(List.of(tp));
            }
            return finished;
        });
    }
}
