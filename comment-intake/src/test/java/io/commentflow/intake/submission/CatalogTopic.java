package io.commentflow.intake.submission;

import io.commentflow.events.PostChanged;
import io.commentflow.intake.catalog.PostCatalog;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import static org.awaitility.Awaitility.await;

/** Plays post-service: writes PostChanged to post-catalog and waits until intake's view has read it. */
final class CatalogTopic implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final PostCatalog catalog;
    private final String bootstrapServers;

    CatalogTopic(String bootstrapServers, PostCatalog catalog) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer());
        this.catalog = catalog;
    }

    /** A new post, published, taking comments. */
    UUID openPost() {
        UUID id = UUID.randomUUID();
        publish(id, true, true);
        return id;
    }

    UUID closedPost() {
        UUID id = UUID.randomUUID();
        publish(id, true, false);
        return id;
    }

    UUID unpublishedPost() {
        UUID id = UUID.randomUUID();
        publish(id, false, true);
        return id;
    }

    static String link(UUID post) {
        return IntakeIntegrationTest.POST_SERVICE + "/posts/post-" + post;
    }

    /** Writes the post's state and waits until intake sees exactly that state. */
    void publish(UUID post, boolean published, boolean commentsOpen) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(post.toString(), PostChanged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setPostId(post)
                .setSlug("post-" + post)
                .setTitle("Post " + post)
                .setLink(link(post))
                .setPublished(published)
                .setCommentsOpen(commentsOpen)
                .build());
        PostCatalog.Availability expected = !published ? PostCatalog.Availability.UNPUBLISHED
                : commentsOpen ? PostCatalog.Availability.OPEN : PostCatalog.Availability.COMMENTS_CLOSED;
        awaitAvailability(post, expected);
    }

    /** A tombstone: the post is deleted. */
    void delete(UUID post) {
        send(post.toString(), null);
        awaitAvailability(post, PostCatalog.Availability.UNKNOWN);
    }

    /** Bytes that are no event at all, as a broken producer might write. */
    void sendRaw(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.POST_CATALOG.name(), key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(String key, SpecificRecord value) {
        try {
            producer.send(new ProducerRecord<>(Topics.POST_CATALOG.name(), key, value)).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitAvailability(UUID post, PostCatalog.Availability expected) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> catalog.lookup(post).availability() == expected);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
