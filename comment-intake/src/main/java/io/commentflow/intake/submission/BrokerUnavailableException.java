package io.commentflow.intake.submission;

/** The broker did not acknowledge a comment in time; nothing was accepted and the client may retry. */
class BrokerUnavailableException extends RuntimeException {

    BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
