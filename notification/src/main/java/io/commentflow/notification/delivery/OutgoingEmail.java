package io.commentflow.notification.delivery;

import java.util.Objects;
import java.util.UUID;

/**
 * One email to one recipient about one notification, fully composed. {@code (notificationId, recipient)}
 * identifies it: it is sent at most once (see {@link MailDelivery}).
 *
 * @param category what kind of email this is, a short stable token for metrics and the ledger (e.g. new-comment)
 */
public record OutgoingEmail(
        UUID notificationId,
        UUID commentId,
        UUID postId,
        String category,
        String recipientAddress,
        String recipientName,
        String subject,
        String text,
        String html) {

    public OutgoingEmail {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(commentId, "commentId");
        Objects.requireNonNull(postId, "postId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(recipientAddress, "recipientAddress");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }
}
