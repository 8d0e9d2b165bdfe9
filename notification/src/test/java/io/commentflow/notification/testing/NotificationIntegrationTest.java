package io.commentflow.notification.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.commentflow.events.ReplyNotification;
import io.commentflow.schemas.Topics;
import io.commentflow.schemas.kafka.EventSerializer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one Spring context every integration test shares: the whole service against an in-process KRaft
 * broker, this machine's PostgreSQL (schema {@code notification_it}, emptied and migrated at context start)
 * and a real GreenMail SMTP server. GreenMail listens on a free port picked once per JVM, so that a test can
 * stop and restart it on the same port, and every test class sees the same context configuration.
 * Retries are fast here (200 ms back-off, doubling, at most 1 s, 30 s in all).
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=notification_it",
        "spring.datasource.username=postgres",
        "spring.datasource.password=",
        "spring.flyway.schemas=notification_it",
        "spring.flyway.clean-disabled=false",
        "commentflow.topics.partitions=3",
        "commentflow.mail.from=Commentflow Tests <no-reply@commentflow.test>",
        "commentflow.delivery.retry.initial-interval=200ms",
        "commentflow.delivery.retry.multiplier=2",
        "commentflow.delivery.retry.max-interval=1s",
        "commentflow.delivery.retry.max-elapsed-time=30s",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=5000",
        "spring.mail.properties.mail.smtp.writetimeout=5000",
})
@EmbeddedKafka(brokerProperties = "auto.create.topics.enable=false",
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(FreshSchema.class)
public abstract class NotificationIntegrationTest {

    protected static final String REPLY_NOTIFICATION = Topics.REPLY_NOTIFICATION.name();
    protected static final String REPLY_NOTIFICATION_DLT = Topics.REPLY_NOTIFICATION.deadLetterTopic();

    private static final int SMTP_PORT = freePort();

    @RegisterExtension
    protected static final GreenMailExtension greenMail =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withPerMethodLifecycle(false);

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    protected JdbcClient jdbc;

    private Producer<String, byte[]> producer;

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @BeforeEach
    void openProducer() {
        Map<String, Object> props = KafkaTestUtils.producerProps(broker);
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void closeProducer() {
        producer.close();
    }

    /** Publishes the notification the way post-service does: keyed by comment id, Avro single-object encoded. */
    protected void publish(ReplyNotification notification) {
        publish(notification.getCommentId().toString(), notification);
    }

    protected void publish(String key, SpecificRecord event) {
        publishRaw(key, new EventSerializer().serialize(REPLY_NOTIFICATION, event));
    }

    protected void publishRaw(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(REPLY_NOTIFICATION, key, value)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + REPLY_NOTIFICATION, e);
        }
    }

    /** Every message GreenMail received for this address (GreenMail keeps one copy per recipient). */
    protected static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> recipients(message).stream().anyMatch(address::equalsIgnoreCase))
                .toList();
    }

    protected static List<String> recipients(MimeMessage message) {
        try {
            Address[] all = Optional.ofNullable(message.getAllRecipients()).orElse(new Address[0]);
            return Arrays.stream(all).map(a -> ((InternetAddress) a).getAddress()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The ledger row of one email: status and attempts, if any. */
    protected Optional<Map<String, Object>> ledgerRow(UUID notificationId, String recipient) {
        return jdbc.sql("select status, attempts from email_delivery where notification_id = ? and recipient = ?")
                .params(notificationId, recipient.toLowerCase())
                .query().listOfRows().stream().findFirst();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
