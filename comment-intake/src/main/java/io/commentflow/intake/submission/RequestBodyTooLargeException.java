package io.commentflow.intake.submission;

import java.io.IOException;

/** The request body is larger than {@code commentflow.intake.max-body-size}; reading stopped there. */
class RequestBodyTooLargeException extends IOException {

    private final long limit;

    RequestBodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
        this.limit = limit;
    }

    long limit() {
        return limit;
    }

    /** The exception among {@code t}'s causes, if reading the body failed for this reason. */
    static java.util.Optional<RequestBodyTooLargeException> in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RequestBodyTooLargeException tooLarge) {
                return java.util.Optional.of(tooLarge);
            }
        }
        return java.util.Optional.empty();
    }
}
