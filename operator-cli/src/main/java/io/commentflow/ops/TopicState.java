package io.commentflow.ops;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the cluster says about one topic: end offset per partition, and per consumer group its lag per partition
 * on the partitions it committed offsets on (records still to read, see {@link TransactionMarkers}). A catalogued
 * topic that was never created has no partitions and {@code exists == false}.
 */
record TopicState(String name, boolean exists, SortedMap<Integer, Long> endOffsets,
                  SortedMap<String, SortedMap<Integer, Long>> lagByGroup) {

    static TopicState missing(String name) {
        return new TopicState(name, false, new TreeMap<>(), new TreeMap<>());
    }

    int partitions() {
        return endOffsets.size();
    }

    long endOffsetSum() {
        return endOffsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The group's lag on one partition, or null when the group has no committed offset there. */
    Long lag(String group, int partition) {
        return lagByGroup.getOrDefault(group, new TreeMap<>()).get(partition);
    }

    /** The group's lag summed over the partitions it committed offsets on. */
    long lag(String group) {
        return lagByGroup.getOrDefault(group, new TreeMap<>()).values().stream().mapToLong(Long::longValue).sum();
    }
}
