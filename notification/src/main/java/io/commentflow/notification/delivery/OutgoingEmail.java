package io.commentflow.notification.delivery;

import java.util.Objects;
import java.util.UUID;

/**
 * One email to one recipient about one notification, fully composed. {@code (notificationId, recipient)}
 * identifies it: it is sent at most once (see {@link MailDelivery}).
 *
 * @param commentId      the comment it is about; null for emails about no comment (a manage link)
 * @param postId         the post it is about; null for emails about no post
 * @param category       what kind of email this is, a short stable token for metrics and the ledger (e.g. new-comment)
 * @param unsubscribeUrl the RFC 8058 one-click unsubscribe URL (http or https) for {@code List-Unsubscribe}
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
        String html,
        String unsubscribeUrl) {

    public OutgoingEmail {
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(recipientAddress, "recipientAddress");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        Objects.requireNonNull(unsubscribeUrl, "unsubscribeUrl");
    }
}
