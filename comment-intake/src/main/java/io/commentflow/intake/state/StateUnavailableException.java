package io.commentflow.intake.state;

/** The shared state store (Redis) did not answer: intake cannot decide safely and accepts nothing. */
public class StateUnavailableException extends RuntimeException {

    public StateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
