package io.commentflow.schemas;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** How commentflow's topics are created: the same partitions and settings whichever service creates them first. */
public final class TopicDefinitions {

    private TopicDefinitions() {
    }

    /** The topic and its dead-letter topic. */
    public static List<NewTopic> withDeadLetter(Topic<?> topic, int partitions, short replicationFactor) {
        List<NewTopic> result = new ArrayList<>();
        result.add(definition(topic, partitions, replicationFactor));
        result.add(new NewTopic(topic.deadLetterTopic(), partitions, replicationFactor)
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
        return result;
    }

    public static NewTopic definition(Topic<?> topic, int partitions, short replicationFactor) {
        NewTopic newTopic = new NewTopic(topic.name(), partitions, replicationFactor);
        if (topic.compacted()) {
            newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        if (topic == Topics.COMMENT_MODERATED) {
            // spam-filter rebuilds what moderators taught it from this topic: keep it forever
            newTopic.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        }
        return newTopic;
    }
}
