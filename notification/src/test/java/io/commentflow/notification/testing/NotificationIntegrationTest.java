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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The one Spring context every integration test shares: the whole service against an in-process KRaft
 * broker, this machine's PostgreSQL (schema {@code notification_it}, emptied and migrated at context start)
 * and a real GreenMail SMTP server, reached through {@link SmtpRelay} (which passes everything through unless a test
 * asks it to refuse a recipient). GreenMail listens on a free port picked once per JVM, so that a test can
 * stop and restart it on the same port, and every test class sees the same context configuration.
 * Retries are fast here (200 ms back-off, doubling, at most 1 s, 5 s in all unless SMTP or
 * the database is unreachable). The web server runs on a random
 * port; links in emails name {@link #NOTIFICATION_URL} and {@link #local} points them at it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
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
        "commentflow.delivery.retry.max-elapsed-time=5s",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=5000",
        "spring.mail.properties.mail.smtp.writetimeout=5000",
        "commentflow.notification-url=" + NotificationIntegrationTest.NOTIFICATION_URL,
        "commentflow.post-service-url=" + NotificationIntegrationTest.POST_SERVICE_URL,
        "commentflow.subscription-links.secret=" + NotificationIntegrationTest.SUBSCRIPTION_SECRET,
        "commentflow.moderation-links.secret=" + NotificationIntegrationTest.MODERATION_SECRET,
        // a few, to show at every start that warming the email path up sends and writes nothing
        "commentflow.mail.warm-up-emails=100",
        // the digest job and the purge run only when a test calls them
        "commentflow.digest.check-interval=1h",
        "commentflow.subscriptions.purge-interval=1h",
        // webhooks: fast polling and back-off (the endpoints are the receiver below)
        "commentflow.webhooks.poll-interval=100ms",
        "commentflow.webhooks.initial-back-off=200ms",
        "commentflow.webhooks.multiplier=2",
        "commentflow.webhooks.max-back-off=1s",
        "commentflow.webhooks.max-attempts=5",
})
@EmbeddedKafka(brokerProperties = "auto.create.topics.enable=false",
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@Import(FreshSchema.class)
public abstract class NotificationIntegrationTest {

    /** Public base URLs as links in emails show them; {@link #local} points them at this test's server. */
    protected static final String NOTIFICATION_URL = "https://notify.commentflow.test";
    protected static final String POST_SERVICE_URL = "https://blog.commentflow.test";
    protected static final String SUBSCRIPTION_SECRET = "test-subscription-links-secret-0123456789";
    protected static final String MODERATION_SECRET = "test-moderation-links-secret-0123456789";

    protected static final String REPLY_NOTIFICATION = Topics.REPLY_NOTIFICATION.name();
    protected static final String REPLY_NOTIFICATION_DLT = Topics.REPLY_NOTIFICATION.deadLetterTopic();

    protected static final Duration DELIVERY = Duration.ofSeconds(30);

    private static final int SMTP_PORT = freePort();

    /** The service sends through this relay to GreenMail; a test can have it refuse one recipient for a while. */
    protected static final SmtpRelay smtpRelay = SmtpRelay.start(SMTP_PORT);

    protected static final String WEBHOOK_SECRET = "test-webhook-secret-0123456789";

    /** A real HTTP server receiving the site's two webhooks: generic JSON and Slack-compatible. */
    protected static final WebhookReceiver webhookReceiver = WebhookReceiver.start();

    @RegisterExtension
    protected static final GreenMailExtension greenMail =
            new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                    .withPerMethodLifecycle(false);

    @Autowired
    protected EmbeddedKafkaBroker broker;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @LocalServerPort
    protected int port;

    /** No cookie handler: every request stands alone, as a mail client's one-click POST does. */
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Producer<String, byte[]> producer;

    @DynamicPropertySource
    static void smtpServerAndWebhooks(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", smtpRelay::port);
        registry.add("commentflow.webhooks.endpoints[0].name", () -> "generic");
        registry.add("commentflow.webhooks.endpoints[0].url", () -> webhookReceiver.url("/hooks/generic"));
        registry.add("commentflow.webhooks.endpoints[0].format", () -> "generic");
        registry.add("commentflow.webhooks.endpoints[0].secret", () -> WEBHOOK_SECRET);
        registry.add("commentflow.webhooks.endpoints[1].name", () -> "team-slack");
        registry.add("commentflow.webhooks.endpoints[1].url", () -> webhookReceiver.url("/hooks/slack?channel=comments"));
        registry.add("commentflow.webhooks.endpoints[1].format", () -> "slack");
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

    /**
     * Publishes while the service's consumers are stopped, so that the first poll after they start takes all of it
     * (records with one key share a partition; a poll takes up to 50 of a partition's records): a test of what happens
     * within one poll. (Pausing is not enough: a fetch already waiting at the broker when they pause would still bring
     * the first record alone.)
     */
    protected void inOnePoll(Runnable publishing) {
        MessageListenerContainer container = listeners.getListenerContainer("reply-notification-mailer");
        container.stop();
        try {
            publishing.run();
        } finally {
            container.start();
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

    /** A link from an email, pointed at this test's server. */
    protected String local(String link) {
        assertThat(link).startsWith(NOTIFICATION_URL);
        return "http://127.0.0.1:" + port + link.substring(NOTIFICATION_URL.length());
    }

    protected HttpResponse<String> get(String link) {
        return send(HttpRequest.newBuilder(URI.create(local(link))).GET());
    }

    /** A form POST, like a browser's button or a mail client's RFC 8058 one-click unsubscribe. */
    protected HttpResponse<String> postForm(String link, String form) {
        return send(HttpRequest.newBuilder(URI.create(local(link)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The first link in the email's text part that starts with this prefix (e.g. the confirm link). */
    protected static String linkIn(MimeMessage email, String prefix) {
        String text = MailParts.text(email, "text/plain");
        Matcher matcher = Pattern.compile(Pattern.quote(prefix) + "\\S*").matcher(text);
        assertThat(matcher.find()).as("a link starting with %s in%n%s", prefix, text).isTrue();
        return matcher.group();
    }

    /** The URL right after this label in the email's text part (e.g. "Stop all emails from us: "). */
    protected static String linkAfter(MimeMessage email, String label) {
        String text = MailParts.text(email, "text/plain");
        Matcher matcher = Pattern.compile(Pattern.quote(label) + "(https?://\\S+)").matcher(text);
        assertThat(matcher.find()).as("a link after %s in%n%s", label, text).isTrue();
        return matcher.group(1);
    }

    /** The URL in the List-Unsubscribe header, without its angle brackets. */
    protected static String listUnsubscribe(MimeMessage email) {
        try {
            String[] header = email.getHeader("List-Unsubscribe");
            assertThat(header).as("List-Unsubscribe").hasSize(1);
            assertThat(header[0]).startsWith("<").endsWith(">");
            return header[0].substring(1, header[0].length() - 1);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String subjectOf(MimeMessage email) {
        try {
            return email.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Makes {@code email} a confirmed follow-up subscriber of the post, the way a reader does: comments with
     * "notify me" ticked, gets the confirmation email, POSTs its confirm link. Returns the confirmation email.
     */
    protected MimeMessage subscribeAndConfirm(Notifications.Builder post, String name, String email) {
        int before = messagesTo(email).size();
        boolean authorIsTold = !email.equalsIgnoreCase(post.postAuthorEmail());
        int authorBefore = messagesTo(post.postAuthorEmail()).size();
        publish(post.onSamePost().commenter(name, email).notifyFollowups(true).build());
        await().atMost(DELIVERY).until(() -> messagesTo(email).size() == before + 1);
        // the post author's email goes out last: once it is there, the comment is fully processed
        await().atMost(DELIVERY).until(() -> !authorIsTold || messagesTo(post.postAuthorEmail()).size() == authorBefore + 1);
        MimeMessage confirmation = messagesTo(email).get(before);
        assertThat(subjectOf(confirmation)).startsWith("Confirm your subscription to comments on");
        HttpResponse<String> confirmed = postForm(linkIn(confirmation, NOTIFICATION_URL + "/subscriptions/confirm?"), "");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Subscription confirmed");
        return confirmation;
    }

    /** Publishes a comment and waits until the post author got its email: everything before it was processed. */
    protected void publishAndAwaitPostAuthor(Notifications.Builder comment) {
        int before = messagesTo(comment.postAuthorEmail()).size();
        publish(comment.build());
        await().atMost(DELIVERY).until(() -> messagesTo(comment.postAuthorEmail()).size() == before + 1);
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
