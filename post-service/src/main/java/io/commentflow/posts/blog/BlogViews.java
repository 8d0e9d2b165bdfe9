package io.commentflow.posts.blog;

import io.commentflow.posts.comment.CommentNode;
import io.commentflow.posts.comment.PublicComment;
import io.commentflow.posts.comment.PublishedComments;
import io.commentflow.posts.post.Markdown;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.system.Links;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns posts and comments into what the templates show. Nothing here carries an email or IP address; the
 * templates escape every value ({@code th:text}).
 */
@Component
class BlogViews {

    private final Links links;
    private final BlogProperties properties;
    private final Markdown markdown;
    private final DateTimeFormatter dates;

    BlogViews(Links links, BlogProperties properties, Markdown markdown) {
        this.links = links;
        this.properties = properties;
        this.markdown = markdown;
        this.dates = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a", Locale.ENGLISH).withZone(properties.timeZone());
    }

    PostView post(Post post, boolean acceptsComments) {
        Instant date = post.publishedAt() == null ? post.createdAt() : post.publishedAt();
        return new PostView(post.id().toString(), post.title(), post.authorName(), dates.format(date), date.toString(),
                markdown.body(post), links.post(post.slug()), acceptsComments);
    }

    /**
     * What {@code post.html} shows: the post, a page of its threads ({@code threadsHtml}, rendered by
     * {@link ThreadFragments}), and the reply form (answering {@code replyTo} unless null). {@code formStartedAt} and
     * {@code commentNonce} are the form's per-request values.
     */
    Map<String, Object> postPage(Post post, boolean acceptsComments, List<CommentNode> threads, CommentPages.Page page,
                                 List<String> threadsHtml, ReplyTo replyTo, Object formStartedAt, String commentNonce) {
        Map<String, Object> model = new HashMap<>();
        model.put("post", post(post, acceptsComments));
        model.put("heading", heading(PublishedComments.count(threads), post.title()));
        model.put("threads", threadsHtml);
        model.put("page", page);
        model.put("pageNumbers", CommentPages.numbers(page));
        model.put("replyTo", replyTo);
        model.put("formAction", links.commentForm());
        model.put("formStartedAt", formStartedAt);
        model.put("commentNonce", commentNonce);
        return model;
    }

    private List<CommentView> comments(List<CommentNode> threads) {
        return threads.stream().map(this::comment).toList();
    }

    /** "One thought on “…”", "N thoughts on “…”", or "No thoughts yet". */
    static String heading(int comments, String title) {
        return switch (comments) {
            case 0 -> "No thoughts yet";
            case 1 -> "One thought on “" + title + "”";
            default -> comments + " thoughts on “" + title + "”";
        };
    }

    /** A comment with its replies, as {@code fragments/comment.html} shows it. */
    CommentView comment(CommentNode node) {
        PublicComment c = node.comment();
        Instant at = c.submittedAt();
        return new CommentView(c.id().toString(), c.authorName(), c.authorUrl(), dates.format(at), at.toString(),
                CommentHtml.render(c.content()), node.depth(), node.depth() < properties.maxThreadDepth() && !c.awaitingModeration(),
                c.awaitingModeration(), Avatars.initials(c.authorName()), Avatars.hue(c.authorName()),
                comments(node.children()));
    }

    /** {@code html}: the Markdown body rendered with raw HTML escaped. */
    record PostView(String id, String title, String authorName, String date, String isoDate,
                    String html, String link, boolean commentsOpen) {
    }

    record CommentView(String id, String authorName, String authorUrl, String date, String isoDate,
                       String contentHtml, int depth, boolean canReply, boolean awaitingModeration,
                       String initials, int avatarHue, List<CommentView> children) {
    }

    record ReplyTo(String id, String authorName) {
    }
}
