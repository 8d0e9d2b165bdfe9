package io.commentflow.posts.blog;

import io.commentflow.posts.comment.CommentNode;
import io.commentflow.posts.comment.PublishedComments;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.system.Links;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The blog as readers see it: server-rendered pages that work without JavaScript. */
@Controller
class BlogController {

    private final PostCatalog catalog;
    private final PublishedComments comments;
    private final BlogViews views;
    private final Links links;
    private final BlogProperties properties;

    BlogController(PostCatalog catalog, PublishedComments comments, BlogViews views, Links links, BlogProperties properties) {
        this.catalog = catalog;
        this.comments = comments;
        this.views = views;
        this.links = links;
        this.properties = properties;
    }

    @GetMapping("/")
    ModelAndView index() {
        return new ModelAndView("index", Map.of("posts", catalog.published()));
    }

    /**
     * A post, its published comments threaded, and the reply form. {@code ?replytocom=<id>} (the Reply links)
     * makes the form answer that comment.
     */
    @GetMapping("/posts/{slug}")
    ModelAndView post(@PathVariable String slug, @RequestParam(required = false) String replytocom) {
        Optional<Post> found = catalog.findPublished(slug);
        if (found.isEmpty()) {
            return new ModelAndView("error/404", Map.of("path", "/posts/" + slug), HttpStatus.NOT_FOUND);
        }
        Post post = found.get();
        List<CommentNode> threads = comments.threads(post.id(), properties.maxThreadDepth());
        ModelAndView page = new ModelAndView("post");
        page.addObject("post", views.post(post));
        page.addObject("heading", BlogViews.heading(PublishedComments.count(threads), post.title()));
        page.addObject("threads", views.comments(threads));
        page.addObject("replyTo", replyTo(post, replytocom));
        page.addObject("formAction", links.commentForm());
        return page;
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
