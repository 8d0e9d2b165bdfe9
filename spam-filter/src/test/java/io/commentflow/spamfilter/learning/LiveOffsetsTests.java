package io.commentflow.spamfilter.learning;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LiveOffsetsTests {

    private final TopicPartition p0 = new TopicPartition("comment-moderated", 0);
    private final TopicPartition p1 = new TopicPartition("comment-moderated", 1);
    private final LiveOffsets live = new LiveOffsets();

    @Test
    void decisionsFromBeforeTheStartAreHistory() {
        live.startAt(Map.of(p0, 3L, p1, 0L));

        assertThat(live.isLive(p0, 0)).isFalse();
        assertThat(live.isLive(p0, 2)).isFalse();
        assertThat(live.isLive(p0, 3)).isTrue();
        assertThat(live.isLive(p1, 0)).isTrue();
    }

    @Test
    void readingTheTopicAgainAfterAReconnectDoesNotMakeOldDecisionsNew() {
        live.startAt(Map.of(p0, 3L));
        assertThat(live.isLive(p0, 3)).isTrue();
        assertThat(live.isLive(p0, 4)).isTrue();

        live.startAt(Map.of(p0, 7L)); // reconnected: the end has moved on, reading starts over from 0

        assertThat(live.isLive(p0, 3)).isFalse();
        assertThat(live.isLive(p0, 4)).isFalse();
        assertThat(live.isLive(p0, 5)).isTrue(); // decided while we were away: still news
    }

    @Test
    void aPartitionWhoseEndWasNeverSeenIsHistory() {
        assertThat(live.isLive(p0, 0)).isFalse();
    }
}
