package io.commentflow.notification.reply;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.FoldableEmail;
import io.commentflow.notification.subscription.Audience;

import java.util.List;

/**
 * Decides the emails a notification causes: one per recipient the policy names, composed for that recipient,
 * with what a digest needs should volume control hold it back.
 */
final class ReplyFanOut {

    private final RecipientPolicy policy;
    private final MailComposer composer;

    ReplyFanOut(RecipientPolicy policy, MailComposer composer) {
        this.policy = policy;
        this.composer = composer;
    }

    List<FoldableEmail> emailsFor(ReplyNotification notification, Audience audience) {
        return policy.recipientsOf(notification, audience).stream()
                .map(recipient -> new FoldableEmail(composer.compose(notification, recipient),
                        composer.digestItem(notification, recipient)))
                .toList();
    }
}
