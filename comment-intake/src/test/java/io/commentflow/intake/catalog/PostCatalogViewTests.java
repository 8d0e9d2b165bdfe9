package io.commentflow.intake.catalog;

import io.commentflow.events.PostChanged;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PostCatalogViewTests {

    private final PostCatalogView view = new PostCatalogView();
    private final UUID post = UUID.randomUUID();

    @Test
    void saysLoadingForEveryPostUntilCaughtUp() {
        view.apply(changed(post, true, true));

        assertThat(view.lookup(post).availability()).isEqualTo(PostCatalog.Availability.LOADING);
        assertThat(view.lookup(UUID.randomUUID()).availability()).isEqualTo(PostCatalog.Availability.LOADING);

        view.markCaughtUp();

        assertThat(view.lookup(post)).isEqualTo(new PostCatalog.PostLookup(PostCatalog.Availability.OPEN,
                "http://localhost:8080/posts/" + post));
        assertThat(view.lookup(UUID.randomUUID()).availability()).isEqualTo(PostCatalog.Availability.UNKNOWN);
    }

    @Test
    void followsTheLatestStateOfEachPost() {
        view.markCaughtUp();
        view.apply(changed(post, true, true));
        view.apply(changed(post, true, false));
        assertThat(view.lookup(post).availability()).isEqualTo(PostCatalog.Availability.COMMENTS_CLOSED);

        view.apply(changed(post, false, true));
        assertThat(view.lookup(post).availability()).isEqualTo(PostCatalog.Availability.UNPUBLISHED);

        view.remove(post);
        assertThat(view.lookup(post).availability()).isEqualTo(PostCatalog.Availability.UNKNOWN);
    }

    @Test
    void catchesUpWhenEveryPartitionReachedItsEndOffsetAtStart() {
        TopicPartition p0 = new TopicPartition("post-catalog", 0);
        TopicPartition p1 = new TopicPartition("post-catalog", 1);
        CatchUp catchUp = new CatchUp(Map.of(p0, 5L, p1, 0L));

        assertThat(catchUp.reachedBy(p -> p.equals(p0) ? 4L : 0L)).isFalse();
        assertThat(catchUp.reachedBy(p -> p.equals(p0) ? 5L : 0L)).isTrue();
        assertThat(new CatchUp(Map.of()).reachedBy(p -> 0L)).isTrue();
    }

    private static PostChanged changed(UUID post, boolean published, boolean commentsOpen) {
        return PostChanged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setPostId(post)
                .setSlug("s")
                .setTitle("t")
                .setLink("http://localhost:8080/posts/" + post)
                .setPublished(published)
                .setCommentsOpen(commentsOpen)
                .build();
    }
}
