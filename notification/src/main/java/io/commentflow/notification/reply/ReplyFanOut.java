package io.commentflow.notification.reply;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.OutgoingEmail;

import java.util.List;

/** Decides the emails a notification causes: one per recipient the policy names, composed for that recipient. */
final class ReplyFanOut {

    private final RecipientPolicy policy;
    private final MailComposer composer;

    ReplyFanOut(RecipientPolicy policy, MailComposer composer) {
        this.policy = policy;
        this.composer = composer;
    }

    List<OutgoingEmail> emailsFor(ReplyNotification notification) {
        return policy.recipientsOf(notification).stream()
                .map(recipient -> composer.compose(notification, recipient))
                .toList();
    }
}
