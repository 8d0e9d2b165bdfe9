package io.commentflow.notification.messaging;

import io.commentflow.notification.delivery.SmtpServerUnreachable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether a failure says that the SMTP server or the database cannot be reached, as opposed to something wrong with
 * the notification at hand. While either is away every notification fails alike, so the consumer waits for it to
 * come back instead of dead-lettering the stream one notification at a time. (post-service's consumer tells database
 * outages apart the same way.)
 */
final class DeliveryUnavailable {

    private DeliveryUnavailable() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SmtpServerUnreachable
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-57P03: the server shutting down or starting up
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            // a ledger update that failed while the email's own failure was handled
            for (Throwable suppressed : cause.getSuppressed()) {
                if (suppressed != cause && causedBy(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }
}
