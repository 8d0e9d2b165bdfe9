package io.commentflow.notification.messaging;

import jakarta.mail.SendFailedException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.mail.MailSendException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryUnavailableTests {

    @Test
    void waitsForADatabaseThatCannotBeReached() {
        PSQLException refused = new PSQLException("Connection to localhost:5432 refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT);

        assertThat(DeliveryUnavailable.causedBy(asTheListenerThrowsIt(
                new CannotCreateTransactionException("Could not open JDBC Connection", refused)))).isTrue();
        assertThat(DeliveryUnavailable.causedBy(asTheListenerThrowsIt(
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", refused)))).isTrue();
        assertThat(DeliveryUnavailable.causedBy(asTheListenerThrowsIt(
                new RuntimeException("wrapped", new java.sql.SQLException(
                        "terminating connection due to administrator command", "57P01"))))).isTrue();
    }

    @Test
    void doesNotWaitForWhatIsWrongWithOneNotification() {
        MailSendException recipientRefused = new MailSendException("The SMTP server did not take the message",
                new SendFailedException("550 5.1.1 no such user"));
        PSQLException badValue = new PSQLException("invalid byte sequence for encoding \"UTF8\": 0x00",
                PSQLState.DATA_ERROR);

        assertThat(DeliveryUnavailable.causedBy(asTheListenerThrowsIt(recipientRefused))).isFalse();
        assertThat(DeliveryUnavailable.causedBy(asTheListenerThrowsIt(
                new DataIntegrityViolationException("could not insert", badValue)))).isFalse();
    }

    @Test
    void waitsWhenTheLedgerCouldNotRecordAnEmailsFailureBecauseTheDatabaseIsAway() {
        MailSendException recipientRefused = new MailSendException("The SMTP server did not take the message",
                new SendFailedException("550 5.1.1 no such user"));
        recipientRefused.addSuppressed(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));

        assertThat(DeliveryUnavailable.causedBy(asTheListenerThrowsIt(recipientRefused))).isTrue();
    }

    /** A batch listener's failure as the error handler gets it: the failed record named around the cause. */
    private static Exception asTheListenerThrowsIt(Exception failure) {
        return new ListenerExecutionFailedException("Listener failed",
                new BatchListenerFailedException("Failed to deliver", failure, 0));
    }
}
