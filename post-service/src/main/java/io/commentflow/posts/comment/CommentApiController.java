package io.commentflow.posts.comment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.commentflow.posts.post.Post;
import io.commentflow.posts.post.PostCatalog;
import io.commentflow.posts.post.PublishedPosts;
import io.commentflow.posts.system.Links;
import io.commentflow.posts.system.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Public JSON about comments, with WordPress REST field names. Never an email or IP address, and nothing
 * of a comment that is not published but its state.
 */
@RestController
class CommentApiController {

    static final int MAX_PER_PAGE = 100;

    private final PostCatalog posts;
    private final PublishedPosts publishedPosts;
    private final CommentRepository comments;
    private final PublishedComments published;
    private final Links links;

    CommentApiController(PostCatalog posts, PublishedPosts publishedPosts, CommentRepository comments,
                         PublishedComments published, Links links) {
        this.posts = posts;
        this.publishedPosts = publishedPosts;
        this.comments = comments;
        this.published = published;
        this.links = links;
    }

    /**
     * The published comments of a post in thread order (each reply after its parent), paginated by top-level
     * thread: {@code per_page} threads per page, each with all its replies. {@code X-WP-Total} counts the
     * comments, {@code X-WP-TotalPages} the pages.
     */
    @GetMapping(path = "/api/posts/{postId}/comments", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> comments(@PathVariable UUID postId, @RequestParam(defaultValue = "1") int page,
                               @RequestParam(name = "per_page", defaultValue = "10") int perPage) {
        Optional<Post> post = publishedPosts.byId(postId);
        if (post.isEmpty()) {
            return Problems.notFound("No post with id " + postId);
        }
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            return Problems.badRequest("page must be at least 1 and per_page between 1 and " + MAX_PER_PAGE);
        }
        List<CommentNode> threads = published.threads(postId, Integer.MAX_VALUE);
        int from = (int) Math.min((long) (page - 1) * perPage, threads.size());
        int to = Math.min(from + perPage, threads.size());
        List<CommentJson> body = new ArrayList<>();
        flatten(threads.subList(from, to), post.get(), body);
        return ResponseEntity.ok()
                .header("X-WP-Total", String.valueOf(PublishedComments.count(threads)))
                .header("X-WP-TotalPages", String.valueOf((threads.size() + perPage - 1) / perPage))
                .body(body);
    }

    /** Where a comment stands; the {@code Location} that comment-intake hands out points here. */
    @GetMapping(path = "/api/comments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> comment(@PathVariable UUID id) {
        return comments.state(id)
                .<ResponseEntity<?>>map(state -> ResponseEntity.ok(new CommentStateJson(state.id(), state.postId(),
                        state.status().value(), state.status() == CommentStatus.APPROVED ? linkOf(state) : null)))
                .orElseGet(() -> Problems.notFound("No comment with id " + id));
    }

    private String linkOf(CommentRepository.CommentState state) {
        return posts.find(state.postId()).map(p -> links.comment(p.slug(), state.id())).orElse(null);
    }

    private void flatten(List<CommentNode> nodes, Post post, List<CommentJson> into) {
        for (CommentNode node : nodes) {
            PublicComment c = node.comment();
            into.add(new CommentJson(c.id(), c.postId(), c.parentId(), c.authorName(), c.authorUrl(), c.content(),
                    c.submittedAt().toString(), links.comment(post.slug(), c.id()), CommentStatus.APPROVED.value()));
            flatten(node.children(), post, into);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CommentJson(UUID id, UUID post, UUID parent, String authorName, String authorUrl, String content,
                       String date, String link, String status) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CommentStateJson(UUID id, UUID post, String status, String link) {
    }
}
