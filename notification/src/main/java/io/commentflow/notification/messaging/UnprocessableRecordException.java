package io.commentflow.notification.messaging;

/**
 * A record that can never be processed, however often it is retried (wrong event type, no value): the
 * error handler sends it straight to the dead-letter topic.
 */
public class UnprocessableRecordException extends RuntimeException {

    public UnprocessableRecordException(String message) {
        super(message);
    }
}
