package io.commentflow.notification.webhook;

import io.commentflow.events.NotificationKind;
import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.testing.Hmac;
import io.commentflow.notification.testing.NotificationIntegrationTest;
import io.commentflow.notification.testing.Notifications;
import io.commentflow.notification.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Published and held comments reach the site's webhooks, signed, through a real HTTP server, retried with back-off. */
class WebhookIntegrationTests extends NotificationIntegrationTest {

    private static final String GENERIC = "/hooks/generic";
    private static final String SLACK = "/hooks/slack";
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void postsSignedGenericJsonAndASlackMessageForAPublishedComment() {
        Notifications.Builder given = Notifications.published().title("Queues & <tags>")
                .commenter("Zoë", "zoe-private@readers.example").excerpt("First line\nsecond line");
        ReplyNotification notification = given.build();

        publish(notification);
        publish(notification);

        String commentId = notification.getCommentId().toString();
        await().atMost(DELIVERY).until(() -> webhookReceiver.requests(GENERIC, commentId).size() == 1
                && webhookReceiver.requests(SLACK, commentId).size() == 1);

        WebhookReceiver.Received generic = webhookReceiver.requests(GENERIC, commentId).get(0);
        assertThat(generic.header("Content-Type")).startsWith("application/json");
        assertThat(generic.header("X-Commentflow-Event")).isEqualTo("comment.published");
        long timestamp = Long.parseLong(generic.header("X-Commentflow-Timestamp"));
        assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), within(60L));
        assertThat(generic.header("X-Commentflow-Signature"))
                .isEqualTo("sha256=" + Hmac.sha256Hex(WEBHOOK_SECRET, timestamp + "." + generic.text()));
        JsonNode body = json.readTree(generic.body());
        assertThat(body.get("event").asString()).isEqualTo("comment.published");
        assertThat(body.get("id").asString()).isEqualTo(notification.getEventId().toString());
        assertThat(body.at("/comment/id").asString()).isEqualTo(commentId);
        assertThat(body.at("/comment/link").asString()).isEqualTo(notification.getCommentLink());
        assertThat(body.at("/comment/excerpt").asString()).isEqualTo("First line\nsecond line");
        assertThat(body.at("/comment/author/name").asString()).isEqualTo("Zoë");
        assertThat(body.at("/post/title").asString()).isEqualTo("Queues & <tags>");
        assertThat(generic.text()).doesNotContain("zoe-private", given.postAuthorEmail());

        WebhookReceiver.Received slack = webhookReceiver.requests(SLACK, commentId).get(0);
        assertThat(slack.header("X-Commentflow-Signature")).isNull();
        String text = json.readTree(slack.body()).get("text").asString();
        assertThat(text).startsWith("New comment by *Zoë* on <" + notification.getPost().getLink() + "|Queues &amp; &lt;tags&gt;>")
                .contains("\n>First line\n>second line\n<" + notification.getCommentLink() + "|Read it>");
        assertThat(slack.text()).doesNotContain("zoe-private");

        assertThat(jdbc.sql("select count(*) from webhook_delivery where notification_id = ?")
                .param(notification.getEventId()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void postsAHeldCommentAsCommentHeld() {
        ReplyNotification held = Notifications.moderationRequested().build();

        publish(held);

        String commentId = held.getCommentId().toString();
        await().atMost(DELIVERY).until(() -> webhookReceiver.requests(GENERIC, commentId).size() == 1
                && webhookReceiver.requests(SLACK, commentId).size() == 1);
        assertThat(json.readTree(webhookReceiver.requests(GENERIC, commentId).get(0).body()).get("event").asString())
                .isEqualTo("comment.held");
        assertThat(json.readTree(webhookReceiver.requests(SLACK, commentId).get(0).body()).get("text").asString())
                .contains("is waiting for moderation");
    }

    @Test
    void retriesAFailingEndpointWithGrowingBackOffUntilItAccepts() {
        ReplyNotification notification = Notifications.published().build();
        String commentId = notification.getCommentId().toString();
        webhookReceiver.failNext(GENERIC, commentId, 2, 503);
        webhookReceiver.failNext(GENERIC, commentId, 1, 502);

        publish(notification);

        await().atMost(DELIVERY).until(() -> webhookReceiver.requests(GENERIC, commentId).stream()
                .anyMatch(request -> request.answered() == 200));
        List<WebhookReceiver.Received> attempts = webhookReceiver.requests(GENERIC, commentId);
        assertThat(attempts).extracting(WebhookReceiver.Received::answered).containsExactly(503, 503, 502, 200);
        await().atMost(DELIVERY).until(() -> "SENT".equals(deliveryRow(notification, "generic").get("status")));
        assertThat(deliveryRow(notification, "generic").get("attempts")).isEqualTo(4);
        assertThat(attempts).extracting(request -> request.header("X-Commentflow-Delivery")).containsOnly(
                attempts.get(0).header("X-Commentflow-Delivery"));
        for (int i = 1; i < attempts.size(); i++) {
            Duration gap = Duration.ofNanos(attempts.get(i).receivedNanos() - attempts.get(i - 1).receivedNanos());
            // back-off 200 ms, then 400 ms, then 800 ms (a little slack for the two clocks involved)
            assertThat(gap).isGreaterThanOrEqualTo(Duration.ofMillis(200L * (1L << (i - 1)) - 30));
        }
        await().atMost(DELIVERY).until(() -> "SENT".equals(deliveryRow(notification, "team-slack").get("status")));
    }

    @Test
    void givesUpOnAClientErrorWithoutRetrying() {
        ReplyNotification notification = Notifications.moderationRequested().build();
        String commentId = notification.getCommentId().toString();
        webhookReceiver.failNext(GENERIC, commentId, 1, 410);
        webhookReceiver.failNext(SLACK, commentId, 1, 404);

        publish(notification);

        await().atMost(DELIVERY).until(() -> "FAILED".equals(deliveryRow(notification, "generic").get("status"))
                && "FAILED".equals(deliveryRow(notification, "team-slack").get("status")));
        Map<String, Object> row = deliveryRow(notification, "generic");
        assertThat(row.get("attempts")).isEqualTo(1);
        assertThat(row.get("last_status_code")).isEqualTo(410);
        assertThat(webhookReceiver.requests(GENERIC, commentId)).hasSize(1);
    }

    @Test
    void sendsNoWebhookForAKindItDoesNotKnow() {
        ReplyNotification unknown = Notifications.published().build();
        unknown.setKind(NotificationKind.UNKNOWN);
        Notifications.Builder marker = Notifications.published();

        publish(unknown);
        publish(unknown.getCommentId().toString(), marker.build());

        await().atMost(DELIVERY).until(() -> messagesTo(marker.postAuthorEmail()).size() == 1);
        assertThat(jdbc.sql("select count(*) from webhook_delivery where notification_id = ?")
                .param(unknown.getEventId()).query(Integer.class).single()).isZero();
    }

    private Map<String, Object> deliveryRow(ReplyNotification notification, String endpoint) {
        return jdbc.sql("select status, attempts, last_status_code from webhook_delivery where notification_id = ? and endpoint = ?")
                .params(notification.getEventId(), endpoint).query().listOfRows().stream().findFirst().orElse(Map.of());
    }
}
