package io.commentflow.notification.reply;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.DigestItem;
import io.commentflow.notification.delivery.HeaderText;
import io.commentflow.notification.delivery.Html;
import io.commentflow.notification.delivery.OutgoingEmail;
import io.commentflow.notification.links.ModerationLinks;
import io.commentflow.notification.links.SubscriptionLinks;

import java.util.Optional;
import java.util.UUID;

/**
 * Writes the email a recipient gets about a notification: the subject with the post title, a text part and
 * an HTML part with the commenter's name, the excerpt, the post title and a link to the comment, then why the
 * reader gets it and how to stop (this post, everything, or the manage page). "Please moderate" carries the
 * signed approve / spam / trash links. Every value from the event is escaped in the HTML part; names and titles
 * are made single-line (they also go into headers); only http(s) links become anchors.
 */
final class MailComposer {

    private final SubscriptionLinks links;
    private final ModerationLinks moderation;

    MailComposer(SubscriptionLinks links, ModerationLinks moderation) {
        this.links = links;
        this.moderation = moderation;
    }

    OutgoingEmail compose(ReplyNotification notification, Recipient recipient) {
        Content c = content(notification);
        UUID postId = notification.getPost().getPostId();
        Footer footer = new Footer(whyYouGetThis(recipient.reason(), c.title()),
                links.unsubscribe(recipient.addressId(), postId), links.unsubscribeAll(recipient.addressId()),
                links.requestManageLink());
        Mail mail = switch (recipient.reason()) {
            case NEW_COMMENT, FOLLOW_UP -> newComment(c, footer);
            case NEW_REPLY -> newReply(c, footer);
            case PLEASE_MODERATE -> pleaseModerate(c, footer, notification.getCommentId());
        };
        return new OutgoingEmail(
                notification.getEventId(),
                notification.getCommentId(),
                postId,
                recipient.reason().category(),
                recipient.address(),
                HeaderText.singleLine(recipient.name()),
                mail.subject(),
                mail.text(),
                mail.html(),
                footer.unsubscribePost());
    }

    /** What a digest needs to list this email if volume control holds it back. */
    DigestItem digestItem(ReplyNotification notification, Recipient recipient) {
        Content c = content(notification);
        return new DigestItem(notification.getCommentId(), notification.getPost().getPostId(), recipient.addressId(),
                c.title(), c.postLink(), c.commenter(), c.excerpt(), c.commentLink());
    }

    private static Content content(ReplyNotification notification) {
        return new Content(
                HeaderText.singleLine(notification.getPost().getTitle()),
                HeaderText.singleLine(notification.getCommentAuthor().getName()),
                notification.getExcerpt() == null ? "" : notification.getExcerpt().strip(),
                notification.getPost().getLink() == null ? "" : notification.getPost().getLink(),
                notification.getCommentLink() == null ? "" : notification.getCommentLink());
    }

    private static String whyYouGetThis(Recipient.Reason reason, String title) {
        return switch (reason) {
            case NEW_COMMENT, PLEASE_MODERATE -> "You get this email because you wrote “" + title + "”.";
            case NEW_REPLY -> "You get this email because you asked to hear about follow-up comments on “" + title + "”.";
            case FOLLOW_UP -> "You get this email because you subscribed to comments on “" + title + "”.";
        };
    }

    private static final Template NEW_COMMENT_TEXT = Template.of("""
            %s left a comment on “%s”:

            %s

            Read it and reply: %s
            %s""");
    private static final Template NEW_COMMENT_HTML = Template.of("""
            <p><strong>%s</strong> left a comment on “%s”:</p>
            <blockquote style="margin:1em 0;padding-left:1em;border-left:3px solid #ccc">%s</blockquote>
            <p>%s</p>
            %s""");
    private static final Template NEW_REPLY_TEXT = Template.of("""
            %s replied to your comment on “%s”:

            %s

            Read it and reply: %s
            %s""");
    private static final Template NEW_REPLY_HTML = Template.of("""
            <p><strong>%s</strong> replied to your comment on “%s”:</p>
            <blockquote style="margin:1em 0;padding-left:1em;border-left:3px solid #ccc">%s</blockquote>
            <p>%s</p>
            %s""");
    private static final Template MODERATE_TEXT = Template.of("""
            A new comment on “%s” is waiting for your approval.

            Author: %s
            Comment:
            %s

            See the comment: %s

            %s%s""");
    private static final Template MODERATE_HTML = Template.of("""
            <p>A new comment on “%s” is waiting for your approval.</p>
            <p>Author: <strong>%s</strong></p>
            <blockquote style="margin:1em 0;padding-left:1em;border-left:3px solid #ccc">%s</blockquote>
            <p>%s</p>
            %s%s""");
    private static final Template MODERATE_ACTIONS_TEXT = Template.of("""
            Approve it: %s
            Mark it as spam: %s
            Move it to the trash: %s
            (the links work for 7 days and ask you to confirm)
            """);
    private static final Template FOOTER_TEXT = Template.of("""

            --
            %s
            Stop emails about this post: %s
            Stop all emails from us: %s
            See and change your subscriptions: %s
            """);
    private static final Template FOOTER_HTML = Template.of("""
            <p style="color:#666;font-size:small;border-top:1px solid #ddd;padding-top:.5em">%s<br>
            <a href="%s">Unsubscribe from this post</a> · <a href="%s">Unsubscribe from everything</a> ·
            <a href="%s">Manage your subscriptions</a></p>
            """);

    private static Mail newComment(Content c, Footer footer) {
        String subject = "New comment on “" + c.title() + "”";
        String text = NEW_COMMENT_TEXT.fill(c.commenter(), c.title(), c.excerpt(), c.commentLink(), footer.text());
        String html = Html.emailPage(subject, NEW_COMMENT_HTML.fill(Html.escape(c.commenter()),
                Html.link(c.postLink(), Html.escape(c.title())), Html.paragraphs(c.excerpt()),
                Html.link(c.commentLink(), "Read it and reply"), footer.html()));
        return new Mail(subject, text, html);
    }

    private static Mail newReply(Content c, Footer footer) {
        String subject = "New reply to your comment on “" + c.title() + "”";
        String text = NEW_REPLY_TEXT.fill(c.commenter(), c.title(), c.excerpt(), c.commentLink(), footer.text());
        String html = Html.emailPage(subject, NEW_REPLY_HTML.fill(Html.escape(c.commenter()),
                Html.link(c.postLink(), Html.escape(c.title())), Html.paragraphs(c.excerpt()),
                Html.link(c.commentLink(), "Read it and reply"), footer.html()));
        return new Mail(subject, text, html);
    }

    private Mail pleaseModerate(Content c, Footer footer, UUID commentId) {
        String subject = "Please moderate: “" + c.title() + "”";
        Optional<String> approve = moderation.link(commentId, ModerationLinks.Action.APPROVE);
        Optional<String> spam = moderation.link(commentId, ModerationLinks.Action.SPAM);
        Optional<String> trash = moderation.link(commentId, ModerationLinks.Action.TRASH);
        String actionsText;
        String actionsHtml;
        if (approve.isPresent() && spam.isPresent() && trash.isPresent()) {
            actionsText = MODERATE_ACTIONS_TEXT.fill(approve.get(), spam.get(), trash.get());
            actionsHtml = "<p>" + Html.link(approve.get(), "Approve") + " · " + Html.link(spam.get(), "Spam")
                    + " · " + Html.link(trash.get(), "Trash") + "</p>\n";
        } else {
            actionsText = "Moderate it in the queue: " + moderation.queue() + "\n";
            actionsHtml = "<p>" + Html.link(moderation.queue(), "Open the moderation queue") + "</p>\n";
        }
        String text = MODERATE_TEXT.fill(c.title(), c.commenter(), c.excerpt(), c.commentLink(), actionsText,
                footer.text());
        String html = Html.emailPage(subject, MODERATE_HTML.fill(Html.link(c.postLink(), Html.escape(c.title())),
                Html.escape(c.commenter()), Html.paragraphs(c.excerpt()), Html.link(c.commentLink(), "See the comment"),
                actionsHtml, footer.html()));
        return new Mail(subject, text, html);
    }

    private record Content(String title, String commenter, String excerpt, String postLink, String commentLink) {
    }

    private record Mail(String subject, String text, String html) {
    }

    /** Why the reader gets this, and the ways out; the same in every email about a comment. */
    private record Footer(String why, String unsubscribePost, String unsubscribeAll, String manage) {

        String text() {
            return FOOTER_TEXT.fill(why, unsubscribePost, unsubscribeAll, manage);
        }

        String html() {
            return FOOTER_HTML.fill(Html.escape(why), Html.escape(unsubscribePost), Html.escape(unsubscribeAll),
                    Html.escape(manage));
        }
    }
}
