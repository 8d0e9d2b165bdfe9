package io.commentflow.posts.blog;

import io.commentflow.posts.comment.CommentNode;
import io.commentflow.posts.comment.PendingCommentTokens;
import io.commentflow.posts.comment.PendingTokenProperties;
import io.commentflow.posts.comment.PublishedComments;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.post.PublishedPosts;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The blog as readers see it: server-rendered pages that work without JavaScript. */
@Controller
class BlogController {

    private final PostCatalog catalog;
    private final PublishedPosts posts;
    private final PublishedComments comments;
    private final PostPages pages;
    private final BlogViews views;
    private final ThreadFragments fragments;
    private final BlogProperties properties;
    private final Clock clock;
    /** null while no pending-token secret is configured: then no pending comment is ever shown. */
    private final PendingCommentTokens pendingTokens;

    BlogController(PostCatalog catalog, PublishedPosts posts, PublishedComments comments, PostPages pages, BlogViews views,
                   ThreadFragments fragments, BlogProperties properties, PendingTokenProperties pending, Clock clock) {
        this.catalog = catalog;
        this.posts = posts;
        this.comments = comments;
        this.pages = pages;
        this.views = views;
        this.fragments = fragments;
        this.properties = properties;
        this.clock = clock;
        this.pendingTokens = StringUtils.hasText(pending.secret()) ? new PendingCommentTokens(pending.secret(), clock) : null;
    }

    @GetMapping("/")
    ModelAndView index() {
        return new ModelAndView("index", Map.of("posts", catalog.published()));
    }

    /**
     * A post, its published comments threaded (a page of top-level threads), and the reply form.
     * {@code ?replytocom=<id>} (the Reply links) makes the form answer that comment; {@code ?cpage=N} picks the
     * page; {@code ?unapproved=<id>&moderation-hash=<expires>.<sig>} (intake's redirect) shows the reader's own
     * pending comment in its place, marked as awaiting moderation. The page every reader gets (neither of those)
     * comes from {@link PostPages}; the others are rendered for the one request.
     */
    @GetMapping("/posts/{slug}")
    ModelAndView post(@PathVariable String slug, @RequestParam(required = false) String replytocom,
                      @RequestParam(required = false) String cpage, @RequestParam(required = false) String unapproved,
                      @RequestParam(name = "moderation-hash", required = false) String moderationHash,
                      @RequestHeader(name = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding,
                      HttpServletResponse response) throws IOException {
        UUID pending = pendingTokens == null ? null : pendingTokens.verify(unapproved, moderationHash).orElse(null);
        if (pending == null && replytocom == null) {
            Optional<RenderedPage> page = pages.page(slug, CommentPages.requested(cpage), clock.instant());
            if (page.isEmpty()) {
                return notFound(slug);
            }
            page.get().writeTo(response, clock.millis(), UUID.randomUUID(), AcceptEncoding.allowsGzip(acceptEncoding));
            return null;
        }
        Optional<Post> found = posts.bySlug(slug);
        if (found.isEmpty()) {
            return notFound(slug);
        }
        Post post = found.get();
        boolean acceptsComments = post.acceptsComments(clock.instant());
        if (pending != null) {
            // this page shows one reader's unpublished comment: never to be stored in a shared cache
            response.setHeader("Cache-Control", "private, no-store");
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        List<CommentNode> threads = comments.threads(post.id(), properties.maxThreadDepth(), pending);
        BlogViews.ReplyTo replyTo = replyTo(post, replytocom);
        CommentPages.Page page = CommentPages.of(threads, properties.threadsPerPage(), cpage,
                pending != null ? pending : replyTo == null ? null : UUID.fromString(replyTo.id()));
        return new ModelAndView("post", views.postPage(post, acceptsComments, threads, page,
                fragments.html(page.threads()), replyTo, clock.millis(), UUID.randomUUID().toString()));
    }

    private static ModelAndView notFound(String slug) {
        return new ModelAndView("error/404", Map.of("path", "/posts/" + slug), HttpStatus.NOT_FOUND);
    }

    private BlogViews.ReplyTo replyTo(Post post, String commentId) {
        if (commentId == null) {
            return null;
        }
        try {
            return comments.find(post.id(), UUID.fromString(commentId))
                    .map(c -> new BlogViews.ReplyTo(c.id().toString(), c.authorName()))
                    .orElse(null);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
