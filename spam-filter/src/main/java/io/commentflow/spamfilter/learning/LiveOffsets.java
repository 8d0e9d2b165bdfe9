package io.commentflow.spamfilter.learning;

import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;

/**
 * Tells live records from history in a topic read from the beginning: a record is live if it lies at or past the end
 * the partition had when it was first read, and has not been seen live before, so reading again after a reconnect
 * does not make old decisions new. Used by one thread.
 */
final class LiveOffsets {

    private final Map<TopicPartition, Long> next = new HashMap<>();

    /** The partitions' end offsets when reading starts; only the first time counts. */
    void startAt(Map<TopicPartition, Long> endOffsets) {
        endOffsets.forEach(next::putIfAbsent);
    }

    /** Whether the record is new since the first start; true once per record. */
    boolean isLive(TopicPartition partition, long offset) {
        Long from = next.get(partition);
        if (from == null || offset < from) {
            return false; // a partition we never saw the end of is history until startAt is told about it
        }
        next.put(partition, offset + 1);
        return true;
    }
}
