package io.commentflow.posts.outbox;

import io.commentflow.schemas.Topic;
import io.commentflow.schemas.kafka.EventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Records an event in the transaction of the change it announces. The event is sent to Kafka by the
 * {@link OutboxRelay} only after that transaction commits, so a rolled-back change announces nothing and a
 * committed one is announced even if the service dies before the send.
 */
@Component
public class Outbox {

    /** Many events in one statement, ids (and so the relay's order) following the arrays' order. */
    private static final String INSERT = """
            insert into outbox (topic, key, event_type, payload)
            select topic, key, event_type, payload
              from unnest(?::text[], ?::text[], ?::text[], ?::bytea[]) with ordinality as e(topic, key, event_type, payload, position)
             order by position""";

    private final JdbcClient jdbc;
    private final EventSerializer serializer = new EventSerializer();
    private final OutboxRelay relay;

    Outbox(JdbcClient jdbc, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.relay = relay;
    }

    /** An event for the outbox: checked to belong on its topic. */
    public record Event(Topic<?> topic, String key, SpecificRecord value) {

        public static <V extends SpecificRecord> Event of(Topic<V> topic, String key, V value) {
            if (!topic.valueType().isInstance(value)) {
                throw new IllegalArgumentException(value.getClass().getSimpleName() + " does not belong on " + topic.name());
            }
            return new Event(topic, key, value);
        }
    }

    /**
     * Adds an event to the outbox. Must be called inside the database transaction of the change; rows for the
     * same key are relayed in the order they were appended.
     */
    public <V extends SpecificRecord> void append(Topic<V> topic, String key, V event) {
        appendAll(List.of(Event.of(topic, key, event)));
    }

    /** Adds events in this order, in one round trip to the database; same rules as {@link #append}. */
    public void appendAll(List<Event> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("outbox events are written in the transaction of the change they announce");
        }
        if (events.isEmpty()) {
            return;
        }
        int n = events.size();
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        byte[][] payloads = new byte[n][];
        for (int i = 0; i < n; i++) {
            Event event = events.get(i);
            topics[i] = event.topic().name();
            keys[i] = event.key();
            types[i] = event.value().getClass().getSimpleName();
            payloads[i] = serializer.serialize(topics[i], event.value());
        }
        jdbc.sql(INSERT).params(topics, keys, types, payloads).update();
        // the relay is woken once per transaction, however many events it appended
        if (TransactionSynchronizationManager.getSynchronizations().stream().noneMatch(NudgeAfterCommit.class::isInstance)) {
            TransactionSynchronizationManager.registerSynchronization(new NudgeAfterCommit());
        }
    }

    private final class NudgeAfterCommit implements TransactionSynchronization {
        @Override
        public void afterCommit() {
            relay.nudge();
        }
    }
}
