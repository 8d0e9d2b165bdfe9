package io.commentflow.notification.reply;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.commentflow.events.NotificationKind;
import io.commentflow.events.Person;
import io.commentflow.events.PostRef;
import io.commentflow.events.ReplyNotification;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a test (surefire does not pick up *Benchmark): how fast the service works off a backlog of reply
 * notifications, each for a post and author of its own (one email each, none folded), like the benchmark module's
 * BacklogScenario, against in-process Kafka, this machine's PostgreSQL and GreenMail, with production settings
 * (6 partitions, no webhooks). Run it alone:
 * {@code mvn -o -q -pl notification test -Dtest=EmailBacklogBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dbenchmark.emails=3000}; the figures are in target/surefire-reports/*EmailBacklogBenchmark-output.txt.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=notification_bench",
        "spring.datasource.username=postgres",
        "spring.datasource.password=",
        "spring.flyway.schemas=notification_bench",
        "spring.flyway.clean-disabled=false",
        "commentflow.notification-url=https://notify.commentflow.test",
        "commentflow.post-service-url=https://blog.commentflow.test",
        "commentflow.subscription-links.secret=benchmark-subscription-links-secret-0123456789",
        "commentflow.moderation-links.secret=benchmark-moderation-links-secret-0123456789",
        "logging.level.io.commentflow=WARN",
})
@EmbeddedKafka(brokerProperties = "auto.create.topics.enable=false",
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class EmailBacklogBenchmark {

    private static final int SMTP_PORT = freePort();
    private static final String TOPIC = Topics.REPLY_NOTIFICATION.name();

    @RegisterExtension
    static final GreenMailExtension greenMail =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withPerMethodLifecycle(false);

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Test
    void backlog() throws Exception {
        int emails = Integer.getInteger("benchmark.emails", 3000);
        int warmUp = Integer.getInteger("benchmark.warm-up", 500);
        MessageListenerContainer container = listeners.getListenerContainer("reply-notification-mailer");

        String run = "w" + System.nanoTime();
        CountDownLatch warm = latch(warmUp);
        publish(run, warmUp);
        assertThat(warm.await(5, TimeUnit.MINUTES)).as("warm-up emails").isTrue();

        container.stop();
        run = "m" + System.nanoTime();
        publish(run, emails);
        CountDownLatch first = latch(1);
        CountDownLatch all = latch(emails);
        long start = System.nanoTime();
        container.start();
        assertThat(first.await(5, TimeUnit.MINUTES)).isTrue();
        long firstAt = System.nanoTime();
        assertThat(all.await(10, TimeUnit.MINUTES)).as("all emails").isTrue();
        long end = System.nanoTime();
        double fromFirst = (end - firstAt) / 1e9;
        double fromStart = (end - start) / 1e9;
        System.out.printf("BENCHMARK %d emails: %.2f s from the first email (%.0f/s), %.2f s from the container start"
                + " (%.0f/s)%n", emails, fromFirst, (emails - 1) / fromFirst, fromStart, emails / fromStart);
    }

    private static CountDownLatch latch(int count) {
        return greenMail.getManagers().getSmtpManager().createAndAddNewWaitObject(count);
    }

    private void publish(String run, int count) {
        Map<String, Object> props = KafkaTestUtils.producerProps(broker);
        try (KafkaProducer<String, SpecificRecord> producer =
                     new KafkaProducer<>(props, new StringSerializer(), new EventSerializer())) {
            for (int i = 0; i < count; i++) {
                ReplyNotification event = event(run, i);
                producer.send(new ProducerRecord<>(TOPIC, event.getCommentId().toString(), event));
            }
            producer.flush();
        }
    }

    /** Shaped like the benchmark module's SampleEvents.newCommentNotification. */
    private static ReplyNotification event(String run, int i) {
        UUID commentId = UUID.randomUUID();
        String link = "https://blog.commentflow.test/posts/benchmark-" + run + "-" + i;
        return ReplyNotification.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setKind(NotificationKind.COMMENT_PUBLISHED)
                .setCommentId(commentId)
                .setCommentLink(link + "#comment-" + commentId)
                .setExcerpt(("Thanks for the write-up, comment " + i + ". ").repeat(4).substring(0, 120) + "…")
                .setCommentAuthor(Person.newBuilder().setName("Reader " + i)
                        .setEmail("reader-" + run + "-" + i + "@example.org").build())
                .setPost(PostRef.newBuilder().setPostId(UUID.randomUUID()).setTitle("Benchmark post " + i).setLink(link)
                        .setAuthor(Person.newBuilder().setName("Author " + i)
                                .setEmail("author-" + run + "-" + i + "@example.org").build())
                        .build())
                .setParent(null)
                .setNotifyFollowups(false)
                .build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class FreshSchema {

        @Bean
        FlywayMigrationStrategy cleanThenMigrate() {
            return flyway -> {
                flyway.clean();
                flyway.migrate();
            };
        }
    }
}
