package io.commentflow.notification.webhook;

import io.commentflow.events.ReplyNotification;
import io.commentflow.notification.delivery.HeaderText;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;

/**
 * The bodies we post: a generic JSON document, or a Slack incoming-webhook message. Neither carries an email
 * address or an IP: only the commenter's public name, the excerpt and public links.
 */
final class WebhookPayloads {

    private static final int EXCERPT_LIMIT = 500;

    private final JsonMapper json;

    WebhookPayloads(JsonMapper json) {
        this.json = json;
    }

    byte[] body(WebhookProperties.Format format, WebhookProperties.Event event, ReplyNotification notification) {
        return switch (format) {
            case GENERIC -> generic(event, notification);
            case SLACK -> slack(event, notification);
        };
    }

    /**
     * {@code {"event":"comment.published","id":"<notification id>","occurredAt":"…","comment":{"id","link","excerpt",
     * "author":{"name"}},"post":{"id","title","link"}}}
     */
    private byte[] generic(WebhookProperties.Event event, ReplyNotification n) {
        ObjectNode root = json.createObjectNode();
        root.put("event", event.wireName());
        root.put("id", n.getEventId().toString());
        root.put("occurredAt", n.getOccurredAt().toString());
        ObjectNode comment = root.putObject("comment");
        comment.put("id", n.getCommentId().toString());
        comment.put("link", n.getCommentLink());
        comment.put("excerpt", excerpt(n));
        comment.putObject("author").put("name", HeaderText.singleLine(n.getCommentAuthor().getName()));
        if (n.getParent() != null) {
            comment.put("parentId", n.getParent().getCommentId().toString());
        }
        ObjectNode post = root.putObject("post");
        post.put("id", n.getPost().getPostId().toString());
        post.put("title", n.getPost().getTitle());
        post.put("link", n.getPost().getLink());
        return json.writeValueAsBytes(root);
    }

    /** Slack's {@code {"text": …}} with mrkdwn; Slack wants &, < and > escaped in text. */
    private byte[] slack(WebhookProperties.Event event, ReplyNotification n) {
        String who = slackEscape(HeaderText.singleLine(n.getCommentAuthor().getName()));
        String post = "<" + slackEscape(n.getPost().getLink()) + "|" + slackEscape(HeaderText.singleLine(n.getPost().getTitle())) + ">";
        String headline = switch (event) {
            case PUBLISHED -> "New comment by *" + who + "* on " + post;
            case HELD -> ":warning: A comment by *" + who + "* on " + post + " is waiting for moderation";
        };
        StringBuilder quote = new StringBuilder();
        for (String line : excerpt(n).split("\\R")) {
            quote.append("\n>").append(slackEscape(line));
        }
        String text = headline + quote + "\n<" + slackEscape(n.getCommentLink()) + "|"
                + (event == WebhookProperties.Event.HELD ? "See the comment" : "Read it") + ">";
        ObjectNode root = json.createObjectNode();
        root.put("text", text);
        return json.writeValueAsBytes(root);
    }

    private static String excerpt(ReplyNotification n) {
        String text = n.getExcerpt() == null ? "" : n.getExcerpt().strip();
        return text.length() <= EXCERPT_LIMIT ? text : text.substring(0, EXCERPT_LIMIT) + "…";
    }

    private static String slackEscape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
