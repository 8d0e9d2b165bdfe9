package io.commentflow.ops;

import io.commentflow.schemas.Topic;
import io.commentflow.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/** Asks the cluster for topics, their end offsets and every consumer group's committed offsets and lag. */
final class TopicSurvey {

    private final Admin admin;
    private final TransactionMarkers markers;

    TopicSurvey(Admin admin, TransactionMarkers markers) {
        this.admin = admin;
        this.markers = markers;
    }

    /** The catalogue's topics first (each followed by its dead-letter topic), then any other topic by name. */
    List<TopicState> survey() throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        Set<String> names = new LinkedHashSet<>();
        for (Topic<?> topic : Topics.all()) {
            names.add(topic.name());
            names.add(topic.deadLetterTopic());
        }
        names.addAll(new TreeSet<>(existing));

        Set<String> present = names.stream().filter(existing::contains).collect(Collectors.toCollection(TreeSet::new));
        Map<TopicPartition, Long> ends = endOffsets(present);
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = committedOffsets();

        List<TopicState> result = new ArrayList<>();
        for (String name : names) {
            if (!present.contains(name)) {
                result.add(TopicState.missing(name));
                continue;
            }
            SortedMap<Integer, Long> topicEnds = new TreeMap<>();
            ends.forEach((tp, offset) -> {
                if (tp.topic().equals(name)) {
                    topicEnds.put(tp.partition(), offset);
                }
            });
            SortedMap<String, SortedMap<Integer, Long>> byGroup = new TreeMap<>();
            committed.forEach((group, offsets) -> offsets.forEach((tp, offset) -> {
                if (tp.topic().equals(name) && offset != null) {
                    long left = markers.recordsLeft(tp, offset.offset(), topicEnds.getOrDefault(tp.partition(), 0L));
                    byGroup.computeIfAbsent(group, g -> new TreeMap<>()).put(tp.partition(), left);
                }
            }));
            result.add(new TopicState(name, true, topicEnds, byGroup));
        }
        return result;
    }

    private Map<TopicPartition, Long> endOffsets(Set<String> topics) throws ExecutionException, InterruptedException {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
        Map<TopicPartition, OffsetSpec> request = descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResultInfo> latest = admin.listOffsets(request).all().get();
        return latest.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Map<String, Map<TopicPartition, OffsetAndMetadata>> committedOffsets()
            throws ExecutionException, InterruptedException {
        Map<String, ListConsumerGroupOffsetsSpec> groups = admin.listGroups(ListGroupsOptions.forConsumerGroups())
                .all().get().stream()
                .map(GroupListing::groupId)
                .collect(Collectors.toMap(id -> id, id -> new ListConsumerGroupOffsetsSpec(), (a, b) -> a, TreeMap::new));
        if (groups.isEmpty()) {
            return Map.of();
        }
        return admin.listConsumerGroupOffsets(groups).all().get();
    }
}
