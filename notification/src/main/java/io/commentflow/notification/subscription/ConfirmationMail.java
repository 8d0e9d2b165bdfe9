package io.commentflow.notification.subscription;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.HeaderText;
import io.commentflow.notification.delivery.Html;
import io.commentflow.notification.delivery.OutgoingEmail;
import io.commentflow.notification.links.SubscriptionLinks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** The one email that asks a reader to confirm follow-ups on a post (double opt-in). */
final class ConfirmationMail {

    static final String CATEGORY = "subscription-confirmation";

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final SubscriptionLinks links;

    ConfirmationMail(SubscriptionLinks links) {
        this.links = links;
    }

    /** The ledger key of the confirmation a notification causes: distinct from every other email about it. */
    static UUID notificationIdFor(ReplyNotification notification) {
        return UUID.nameUUIDFromBytes((CATEGORY + ":" + notification.getEventId()).getBytes(StandardCharsets.UTF_8));
    }

    OutgoingEmail compose(ReplyNotification notification, String address, SubscriptionStore.PendingRequest request) {
        String title = HeaderText.singleLine(notification.getPost().getTitle());
        String postLink = notification.getPost().getLink();
        String confirm = links.confirm(request.subscriptionId(), request.expiresAt());
        String leavePost = links.unsubscribe(request.addressId(), notification.getPost().getPostId());
        String leaveAll = links.unsubscribeAll(request.addressId());
        String until = DATE.format(request.expiresAt());

        String subject = "Confirm your subscription to comments on “" + title + "”";
        String text = """
                Hello,

                someone, hopefully you, left a comment on “%s” and asked to be emailed about follow-up comments.

                To get them, confirm your subscription (the link works until %s):
                %s

                If you did not ask for this, ignore this email: we will not write again about it.

                Cancel this request: %s
                Never email me again: %s
                """.formatted(title, until, confirm, leavePost, leaveAll);
        String html = Html.emailPage(subject, """
                <p>Hello,</p>
                <p>someone, hopefully you, left a comment on “%s” and asked to be emailed about follow-up comments.</p>
                <p><a href="%s" style="display:inline-block;padding:.5em 1em;background:#2b6cb0;color:#fff;text-decoration:none;border-radius:4px">Confirm my subscription</a></p>
                <p>The link works until %s.</p>
                <p style="color:#666;font-size:small">If you did not ask for this, ignore this email: we will not write
                again about it. <a href="%s">Cancel this request</a> · <a href="%s">Never email me again</a>.</p>
                """.formatted(Html.link(postLink, Html.escape(title)), Html.escape(confirm), Html.escape(until),
                Html.escape(leavePost), Html.escape(leaveAll)));
        return new OutgoingEmail(
                notificationIdFor(notification),
                notification.getCommentId(),
                notification.getPost().getPostId(),
                CATEGORY,
                address,
                HeaderText.singleLine(notification.getCommentAuthor().getName()),
                subject,
                text,
                html,
                leavePost);
    }
}
