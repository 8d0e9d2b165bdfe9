package io.commentflow.notification.reply;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.HeaderText;
import io.commentflow.notification.delivery.OutgoingEmail;

import java.util.Locale;

/**
 * Writes the email a recipient gets about a notification: the subject with the post title, a text part and
 * an HTML part with the commenter's name, the excerpt, the post title and a link to the comment. Every value
 * from the event is escaped in the HTML part; names and titles are made single-line (they also go into
 * headers); only http(s) links become anchors.
 */
final class MailComposer {

    OutgoingEmail compose(ReplyNotification notification, Recipient recipient) {
        Content content = new Content(
                HeaderText.singleLine(notification.getPost().getTitle()),
                HeaderText.singleLine(notification.getCommentAuthor().getName()),
                notification.getExcerpt() == null ? "" : notification.getExcerpt().strip(),
                notification.getPost().getLink(),
                notification.getCommentLink());
        Mail mail = switch (recipient.reason()) {
            case NEW_COMMENT -> newComment(content);
            case PLEASE_MODERATE -> pleaseModerate(content);
        };
        return new OutgoingEmail(
                notification.getEventId(),
                notification.getCommentId(),
                notification.getPost().getPostId(),
                recipient.reason().category(),
                recipient.address(),
                HeaderText.singleLine(recipient.name()),
                mail.subject(),
                mail.text(),
                mail.html());
    }

    private static Mail newComment(Content c) {
        String subject = "New comment on “" + c.title() + "”";
        String text = """
                %s left a comment on “%s”:

                %s

                Read it and reply: %s

                You get this email because you wrote “%s”.
                """.formatted(c.commenter(), c.title(), c.excerpt(), c.commentLink(), c.title());
        String html = page(subject, """
                <p><strong>%s</strong> left a comment on “%s”:</p>
                <blockquote style="margin:1em 0;padding-left:1em;border-left:3px solid #ccc">%s</blockquote>
                <p>%s</p>
                <p style="color:#666;font-size:small">You get this email because you wrote “%s”.</p>
                """.formatted(escape(c.commenter()), link(c.postLink(), escape(c.title())), paragraphs(c.excerpt()),
                link(c.commentLink(), "Read it and reply"), escape(c.title())));
        return new Mail(subject, text, html);
    }

    private static Mail pleaseModerate(Content c) {
        String subject = "Please moderate: “" + c.title() + "”";
        String text = """
                A new comment on “%s” is waiting for your approval.

                Author: %s
                Comment:
                %s

                See the comment: %s
                """.formatted(c.title(), c.commenter(), c.excerpt(), c.commentLink());
        String html = page(subject, """
                <p>A new comment on “%s” is waiting for your approval.</p>
                <p>Author: <strong>%s</strong></p>
                <blockquote style="margin:1em 0;padding-left:1em;border-left:3px solid #ccc">%s</blockquote>
                <p>%s</p>
                """.formatted(link(c.postLink(), escape(c.title())), escape(c.commenter()), paragraphs(c.excerpt()),
                link(c.commentLink(), "See the comment")));
        return new Mail(subject, text, html);
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html><head><meta charset="UTF-8"><title>%s</title></head>
                <body style="font-family:sans-serif;line-height:1.5">
                %s</body></html>
                """.formatted(escape(title), body);
    }

    /** The excerpt with its line breaks kept, escaped. */
    private static String paragraphs(String text) {
        return escape(text).replace("\r\n", "\n").replace("\r", "\n").replace("\n", "<br>\n");
    }

    /** An anchor for http(s) URLs; any other scheme (javascript:, data:) is shown as plain text. */
    private static String link(String url, String escapedLabel) {
        String trimmed = url == null ? "" : url.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return "<a href=\"" + escape(trimmed) + "\">" + escapedLabel + "</a>";
        }
        return escapedLabel;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private record Content(String title, String commenter, String excerpt, String postLink, String commentLink) {
    }

    private record Mail(String subject, String text, String html) {
    }
}
