package io.commentflow.posts.system;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTests {

    @Test
    void anUnreachableDatabaseAnywhereInTheChainIsAnOutage() {
        assertThat(DatabaseUnavailable.causedBy(asTheListenerThrowsIt(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        new SQLException("Connection to localhost:5432 refused", "08001"))))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(asTheListenerThrowsIt(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(asTheListenerThrowsIt(
                new RuntimeException(new SQLException("terminating connection due to administrator command",
                        "57P01"))))).isTrue();
    }

    @Test
    void aFailureOfTheRecordItselfIsNot() {
        assertThat(DatabaseUnavailable.causedBy(asTheListenerThrowsIt(new DataIntegrityViolationException(
                "value too long", new SQLException("value too long for type character varying(200)", "22001")))))
                .isFalse();
        assertThat(DatabaseUnavailable.causedBy(asTheListenerThrowsIt(new IllegalStateException("a bug")))).isFalse();
    }

    private static Exception asTheListenerThrowsIt(Exception failure) {
        return new ListenerExecutionFailedException("listener failed",
                new BatchListenerFailedException("comment failed", failure, 3));
    }
}
