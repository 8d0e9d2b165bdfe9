package io.commentflow.ops;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the cluster says about one topic: end offset per partition, and per consumer group the committed offset
 * per partition. A catalogued topic that was never created has no partitions and {@code exists == false}.
 */
record TopicState(String name, boolean exists, SortedMap<Integer, Long> endOffsets,
                  SortedMap<String, SortedMap<Integer, Long>> committedByGroup) {

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
        Long committed = committedByGroup.getOrDefault(group, new TreeMap<>()).get(partition);
        if (committed == null) {
            return null;
        }
        return Math.max(0, endOffsets.getOrDefault(partition, 0L) - committed);
    }

    /** The group's lag summed over the partitions it committed offsets on. */
    long lag(String group) {
        long sum = 0;
        for (Map.Entry<Integer, Long> committed : committedByGroup.getOrDefault(group, new TreeMap<>()).entrySet()) {
            sum += Math.max(0, endOffsets.getOrDefault(committed.getKey(), 0L) - committed.getValue());
        }
        return sum;
    }
}
