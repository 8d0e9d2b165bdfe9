package io.commentflow.ops;

/** A failure whose message already says what went wrong, in the operator's terms. */
final class OpsException extends RuntimeException {

    OpsException(String message) {
        super(message);
    }
}
