package io.commentflow.posts.outbox;

import io.commentflow.schemas.Topic;
import io.commentflow.schemas.kafka.EventSerializer;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event in the transaction of the change it announces. The event is sent to Kafka by the
 * {@link OutboxRelay} only after that transaction commits, so a rolled-back change announces nothing and a
 * committed one is announced even if the service dies before the send.
 */
@Component
public class Outbox {

    private final JdbcClient jdbc;
    private final EventSerializer serializer = new EventSerializer();
    private final OutboxRelay relay;

    Outbox(JdbcClient jdbc, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.relay = relay;
    }

    /**
     * Adds an event to the outbox. Must be called inside the database transaction of the change; rows for the
     * same key are relayed in the order they were appended.
     */
    public <V extends SpecificRecord> void append(Topic<V> topic, String key, V event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("outbox events are written in the transaction of the change they announce");
        }
        if (!topic.valueType().isInstance(event)) {
            throw new IllegalArgumentException(event.getClass().getSimpleName() + " does not belong on " + topic.name());
        }
        jdbc.sql("insert into outbox (topic, key, event_type, payload) values (?, ?, ?, ?)")
                .params(topic.name(), key, event.getClass().getSimpleName(), serializer.serialize(topic.name(), event))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.nudge();
            }
        });
    }
}
