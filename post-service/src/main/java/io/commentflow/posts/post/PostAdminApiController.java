package io.commentflow.posts.post;

import io.commentflow.posts.system.Links;
import io.commentflow.posts.system.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The admin JSON API for posts, behind the admin login (HTTP Basic, no session). Every request that changes
 * something must say {@code Content-Type: application/json} (publish and unpublish too, with an empty body or
 * {@code {}}): a cross-site HTML form cannot send that, so a browser's cached Basic credentials cannot be abused.
 * Every change is announced as {@code PostChanged}.
 */
@RestController
@RequestMapping(path = "/api/admin/posts", produces = MediaType.APPLICATION_JSON_VALUE)
class PostAdminApiController {

    private final PostCatalog catalog;
    private final Links links;
    private final Clock clock;

    PostAdminApiController(PostCatalog catalog, Links links, Clock clock) {
        this.catalog = catalog;
        this.links = links;
        this.clock = clock;
    }

    @GetMapping
    List<AdminPost> posts() {
        return catalog.all().stream().map(this::json).toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<?> post(@PathVariable UUID id) {
        return found(id, catalog.find(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<AdminPost> create(@RequestBody PostRequest request) {
        Post post = catalog.create(new NewPost(null, request.slug(), request.title(), request.body(), request.authorName(),
                request.authorEmail(), request.commentsOpen() == null || request.commentsOpen(),
                Boolean.TRUE.equals(request.published()), request.closeCommentsAfterDays()));
        return ResponseEntity.created(URI.create("/api/admin/posts/" + post.id())).body(json(post));
    }

    /** Replaces the editable fields; publication is changed with the publish and unpublish actions. */
    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> update(@PathVariable UUID id, @RequestBody PostRequest request) {
        return found(id, catalog.update(id, new PostEdit(request.slug(), request.title(), request.body(),
                request.authorName(), request.authorEmail(), request.commentsOpen() == null || request.commentsOpen(),
                request.closeCommentsAfterDays())));
    }

    @PostMapping(path = "/{id}/publish", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> publish(@PathVariable UUID id) {
        return found(id, catalog.publish(id));
    }

    @PostMapping(path = "/{id}/unpublish", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> unpublish(@PathVariable UUID id) {
        return found(id, catalog.unpublish(id));
    }

    @ExceptionHandler(InvalidPost.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPost invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
        problem.setTitle("Invalid post");
        problem.setProperty("errors", invalid.errors());
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private ResponseEntity<?> found(UUID id, Optional<Post> post) {
        return post.<ResponseEntity<?>>map(p -> ResponseEntity.ok(json(p)))
                .orElseGet(() -> Problems.notFound("No post with id " + id));
    }

    private AdminPost json(Post post) {
        Instant now = clock.instant();
        return new AdminPost(post.id(), post.slug(), post.title(), post.body(), post.authorName(), post.authorEmail(),
                post.published(), post.commentsOpen(), post.closeCommentsAfterDays(), post.commentsOpenAt(now),
                links.post(post.slug()), post.createdAt().toString(), post.updatedAt().toString(),
                post.publishedAt() == null ? null : post.publishedAt().toString(),
                post.commentWindowEnd() == null ? null : post.commentWindowEnd().toString());
    }

    /** A post as its admin writes it; {@code body} is Markdown. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PostRequest(String slug, String title, String body, String authorName, String authorEmail,
                       Boolean commentsOpen, Integer closeCommentsAfterDays, Boolean published) {
    }

    /** A post as its admin sees it (the author's email included: this API is for admins only). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record AdminPost(UUID id, String slug, String title, String body, String authorName, String authorEmail,
                     boolean published, boolean commentsOpen, Integer closeCommentsAfterDays, boolean commentsOpenNow,
                     String link, String createdAt, String updatedAt, String publishedAt, String commentsCloseAt) {
    }
}
