package io.commentflow.intake.catalog;

import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/**
 * The end offsets of the topic when reading started: the view has caught up once the consumer's position reached
 * each of them. Records written later do not move the target, so a busy topic cannot keep the service unready.
 */
record CatchUp(Map<TopicPartition, Long> targets) {

    CatchUp {
        targets = Map.copyOf(targets);
    }

    /** {@code position} gives the consumer's next offset for a partition. */
    boolean reachedBy(java.util.function.ToLongFunction<TopicPartition> position) {
        return targets.entrySet().stream().allMatch(e -> position.applyAsLong(e.getKey()) >= e.getValue());
    }
}
