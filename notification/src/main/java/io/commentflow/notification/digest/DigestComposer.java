package io.commentflow.notification.digest;

import io.commentflow.notification.delivery.HeaderText;
import io.commentflow.notification.delivery.Html;
import io.commentflow.notification.delivery.OutgoingEmail;
import io.commentflow.notification.links.ModerationLinks;
import io.commentflow.notification.links.SubscriptionLinks;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The one email that lists what volume control held back about one post for one reader. */
final class DigestComposer {

    static final String CATEGORY = "digest";
    static final String PLEASE_MODERATE = "please-moderate";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMM HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final SubscriptionLinks links;
    private final ModerationLinks moderation;

    DigestComposer(SubscriptionLinks links, ModerationLinks moderation) {
        this.links = links;
        this.moderation = moderation;
    }

    OutgoingEmail compose(DigestStore.Digest digest) {
        DigestStore.Entry latest = digest.entries().get(digest.entries().size() - 1);
        String title = HeaderText.singleLine(latest.postTitle());
        int count = digest.entries().size();
        String subject = "Digest: " + count + " more comment" + (count == 1 ? "" : "s") + " on “" + title + "”";
        String leavePost = links.unsubscribe(latest.addressId(), digest.postId());
        String leaveAll = links.unsubscribeAll(latest.addressId());

        StringBuilder text = new StringBuilder("""
                There were many comments on “%s” within the hour, so we collected these in one email.

                """.formatted(title));
        StringBuilder html = new StringBuilder("<p>There were many comments on “%s” within the hour, so we collected these in one email.</p>\n"
                .formatted(Html.link(latest.postLink(), Html.escape(title))));
        for (DigestStore.Entry entry : digest.entries()) {
            boolean held = PLEASE_MODERATE.equals(entry.category());
            String commenter = HeaderText.singleLine(entry.commenterName());
            String when = TIME.format(entry.createdAt());
            text.append("* ").append(commenter).append(", ").append(when).append(held ? " (waiting for your approval)" : "")
                    .append(":\n").append(entry.excerpt()).append("\n").append(entry.commentLink()).append("\n");
            html.append("<h3 style=\"font-size:1em;margin-bottom:0\">").append(Html.escape(commenter)).append(", ")
                    .append(Html.escape(when)).append(held ? " (waiting for your approval)" : "").append("</h3>\n")
                    .append("<blockquote style=\"margin:.3em 0;padding-left:1em;border-left:3px solid #ccc\">")
                    .append(Html.paragraphs(entry.excerpt())).append("</blockquote>\n<p>")
                    .append(Html.link(entry.commentLink(), held ? "See the comment" : "Read it and reply"));
            if (held) {
                Optional<String> approve = moderation.link(entry.commentId(), ModerationLinks.Action.APPROVE);
                Optional<String> spam = moderation.link(entry.commentId(), ModerationLinks.Action.SPAM);
                Optional<String> trash = moderation.link(entry.commentId(), ModerationLinks.Action.TRASH);
                if (approve.isPresent() && spam.isPresent() && trash.isPresent()) {
                    text.append("Approve: ").append(approve.get()).append("\nSpam: ").append(spam.get())
                            .append("\nTrash: ").append(trash.get()).append("\n");
                    html.append(" · ").append(Html.link(approve.get(), "Approve")).append(" · ")
                            .append(Html.link(spam.get(), "Spam")).append(" · ").append(Html.link(trash.get(), "Trash"));
                }
            }
            text.append("\n");
            html.append("</p>\n");
        }
        text.append("""
                --
                You get this digest instead of single emails while comments on “%s” come quickly.
                Stop emails about this post: %s
                Stop all emails from us: %s
                See and change your subscriptions: %s
                """.formatted(title, leavePost, leaveAll, links.requestManageLink()));
        html.append("""
                <p style="color:#666;font-size:small;border-top:1px solid #ddd;padding-top:.5em">You get this digest
                instead of single emails while comments on “%s” come quickly.<br>
                <a href="%s">Unsubscribe from this post</a> · <a href="%s">Unsubscribe from everything</a> ·
                <a href="%s">Manage your subscriptions</a></p>
                """.formatted(Html.escape(title), Html.escape(leavePost), Html.escape(leaveAll),
                Html.escape(links.requestManageLink())));

        return new OutgoingEmail(digest.id(), null, digest.postId(), CATEGORY, digest.recipient(),
                HeaderText.singleLine(latest.recipientName()), subject, text.toString(),
                Html.emailPage(subject, html.toString()), leavePost);
    }
}
