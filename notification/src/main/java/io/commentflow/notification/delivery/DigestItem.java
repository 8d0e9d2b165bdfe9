package io.commentflow.notification.delivery;

import java.util.Objects;
import java.util.UUID;

/**
 * What a digest needs to list one email that volume control held back: enough to write the entry and its links
 * later, without the event.
 */
public record DigestItem(
        UUID commentId,
        UUID postId,
        UUID addressId,
        String postTitle,
        String postLink,
        String commenterName,
        String excerpt,
        String commentLink) {

    public DigestItem {
        Objects.requireNonNull(commentId, "commentId");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(addressId, "addressId");
        Objects.requireNonNull(postTitle, "postTitle");
        Objects.requireNonNull(postLink, "postLink");
        Objects.requireNonNull(commenterName, "commenterName");
        Objects.requireNonNull(excerpt, "excerpt");
        Objects.requireNonNull(commentLink, "commentLink");
    }
}
