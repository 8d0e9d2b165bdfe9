package io.commentflow.notification.delivery;

import java.util.Objects;

/**
 * An email about a comment that volume control may hold back: the email itself, and what a digest needs to list it
 * instead.
 */
public record FoldableEmail(OutgoingEmail email, DigestItem digestItem) {

    public FoldableEmail {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(digestItem, "digestItem");
    }
}
