package io.commentflow.posts.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends one batch of unpublished outbox rows, oldest first, and marks them published once the broker has
 * acknowledged every one of them. A failure rolls the batch back, so its rows are sent again next time
 * (at least once; consumers deduplicate on the event id).
 *
 * <p>Only one relay in the whole deployment works at a time: the batch runs under a transaction-scoped
 * PostgreSQL advisory lock, and an instance that does not get it skips its turn. That keeps the global id
 * order, and with it the order per key, when several post-service instances run.
 */
@Component
class OutboxSender {

    /** Arbitrary constant naming the relay's advisory lock ("outbox" in ASCII). */
    private static final long RELAY_LOCK = 0x6F7574626F78L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, Object> kafka;
    private final Counter published;
    private final DistributionSummary batches;

    OutboxSender(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, Object> kafka,
                 MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.published = Counter.builder("commentflow.outbox.published")
                .description("Outbox events the broker acknowledged").register(meters);
        this.batches = DistributionSummary.builder("commentflow.outbox.batch.size")
                .description("Events per relay transaction (its count: how many transactions relayed events)")
                .register(meters);
    }

    /** Sends up to {@code batchSize} rows; returns how many were published (0 if another relay holds the lock). */
    int sendBatch(int batchSize, Duration sendTimeout) {
        Integer sent = transactions.execute(status -> {
            boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(?)").param(RELAY_LOCK).query(Boolean.class).single();
            if (!mine) {
                return 0;
            }
            List<Row> rows = jdbc.sql("select id, topic, key, payload from outbox where published_at is null order by id limit ?")
                    .param(batchSize)
                    .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("key"), rs.getBytes("payload")))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            awaitAcknowledgements(send(rows), sendTimeout);
            Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
            jdbc.sql("update outbox set published_at = now() where id = any(?)").param(ids).update();
            return rows.size();
        });
        if (sent == null || sent == 0) {
            return 0;
        }
        published.increment(sent);
        batches.record(sent);
        return sent;
    }

    /** Hands every row to the producer in id order; the idempotent producer keeps that order per partition. */
    private List<CompletableFuture<?>> send(List<Row> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            acks.add(kafka.send(row.topic(), row.key(), row.payload()));
        }
        return acks;
    }

    private static void awaitAcknowledgements(List<CompletableFuture<?>> acks, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (CompletableFuture<?> ack : acks) {
                ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxRelayException("interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            throw new OutboxRelayException("the broker did not accept an outbox event: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new OutboxRelayException("no acknowledgement from the broker within " + timeout, e);
        }
    }

    private record Row(long id, String topic, String key, byte[] payload) {
    }

    static class OutboxRelayException extends RuntimeException {
        OutboxRelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
