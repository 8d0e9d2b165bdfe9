package io.commentflow.notification.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Webhook deliveries waiting to be sent, in PostgreSQL. */
@Repository
class WebhookOutbox {

    record Delivery(UUID id, UUID notificationId, String endpoint, String event, byte[] payload, int attempts) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    WebhookOutbox(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A delivery to record. */
    record NewDelivery(UUID notificationId, String endpoint, String event, byte[] payload) {
    }

    /**
     * Records each delivery once per (notification, endpoint): a redelivered notification adds nothing. One JDBC
     * batch, which the driver sends in one round trip.
     */
    void enqueueAll(List<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        batch.batchUpdate("""
                        insert into webhook_delivery (id, notification_id, endpoint, event, payload, status, next_attempt_at,
                                                      created_at)
                        values (?, ?, ?, ?, ?, 'PENDING', now(), now())
                        on conflict (notification_id, endpoint) do nothing
                        """,
                deliveries.stream().map(d -> new Object[] {UUID.randomUUID(), d.notificationId(), d.endpoint(),
                        d.event(), d.payload()}).toList());
    }

    /**
     * Takes up to {@code limit} due deliveries for this instance: their next attempt moves {@code lease} ahead, so
     * another instance (or the next run) does not send them at the same time.
     */
    List<Delivery> claimDue(int limit, Duration lease) {
        return jdbc.sql("""
                        update webhook_delivery set next_attempt_at = now() + (:seconds * interval '1 second')
                         where id in (select id from webhook_delivery where status = 'PENDING' and next_attempt_at <= now()
                                       order by next_attempt_at limit :limit for update skip locked)
                        returning id, notification_id, endpoint, event, payload, attempts
                        """)
                .param("seconds", lease.toSeconds()).param("limit", limit)
                .query((rs, n) -> new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getBytes(5), rs.getInt(6)))
                .list();
    }

    void markSent(UUID id, int statusCode) {
        jdbc.sql("""
                        update webhook_delivery set status = 'SENT', attempts = attempts + 1, sent_at = now(),
                                                    last_status_code = :code, last_error = null
                         where id = :id
                        """)
                .param("id", id).param("code", statusCode).update();
    }

    /** Records a failed attempt; retries after {@code retryIn}, or gives up when {@code retryIn} is null. */
    void markFailed(UUID id, Integer statusCode, String error, Duration retryIn) {
        jdbc.sql("""
                        update webhook_delivery
                           set attempts = attempts + 1, last_status_code = :code, last_error = :error,
                               status = case when :giveUp then 'FAILED' else 'PENDING' end,
                               next_attempt_at = now() + (:seconds * interval '1 second')
                         where id = :id
                        """)
                .param("id", id).param("code", statusCode).param("error", error)
                .param("giveUp", retryIn == null).param("seconds", retryIn == null ? 0.0 : retryIn.toMillis() / 1000.0)
                .update();
    }
}
