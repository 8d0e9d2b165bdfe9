package io.commentflow.ops;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;

/**
 * Counts what a group really has left to read on a partition. Offsets alone overstate it on topics written in
 * transactions (comment-scored, and anything a transactional producer writes): every committed transaction
 * leaves a control marker that takes an offset but is never delivered, so a consumer that has read everything
 * commits the marker's offset and looks one behind for ever. Small gaps are therefore read with a
 * read_committed consumer and only real records counted; large gaps are a real backlog, where one marker per
 * transaction does not change the picture, and are reported by offsets (reading them would be slow).
 */
final class TransactionMarkers {

    /** Gaps up to this many offsets are read and counted; larger ones are taken as they are. */
    static final long MAX_COUNTED_GAP = 1_000;

    private final Consumer<byte[], byte[]> consumer;
    private final Duration timeout;

    /** {@code consumer} must read committed: it then skips both markers and aborted records, as a group does. */
    TransactionMarkers(Consumer<byte[], byte[]> consumer, Duration timeout) {
        this.consumer = consumer;
        this.timeout = timeout;
    }

    /** Records a read_committed consumer at {@code committed} still gets before {@code end}; offsets if too many. */
    long recordsLeft(TopicPartition partition, long committed, long end) {
        long gap = end - committed;
        if (gap <= 0 || gap > MAX_COUNTED_GAP) {
            return Math.max(0, gap);
        }
        consumer.assign(List.of(partition));
        consumer.seek(partition, committed);
        long records = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        // position passes markers and aborted batches too; past end, or stuck at an open transaction, we stop
        while (consumer.position(partition) < end && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.offset() < end) {
                    records++;
                }
            }
        }
        // what an open transaction holds back is still to come: counted by offsets
        return records + Math.max(0, end - consumer.position(partition));
    }
}
