package io.commentflow.posts.system;

/**
 * A record whose processing failed for a reason that trying again will not fix (it names a post that does
 * not exist, say). The error handler sends such records to the dead-letter topic without retrying.
 */
public class NotRetryable extends RuntimeException {

    public NotRetryable(String message) {
        super(message);
    }
}
