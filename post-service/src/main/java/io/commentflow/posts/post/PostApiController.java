package io.commentflow.posts.post;

import io.commentflow.posts.system.Links;
import io.commentflow.posts.system.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;
import java.util.UUID;

/** Public JSON about posts, with WordPress REST field names. Never the author's email. */
@RestController
@RequestMapping(path = "/api/posts", produces = MediaType.APPLICATION_JSON_VALUE)
class PostApiController {

    private final PostCatalog catalog;
    private final Links links;
    private final Markdown markdown;

    PostApiController(PostCatalog catalog, Links links, Markdown markdown) {
        this.catalog = catalog;
        this.links = links;
        this.markdown = markdown;
    }

    @GetMapping
    List<PostListItem> posts() {
        return catalog.published().stream()
                .map(p -> new PostListItem(p.id(), p.slug(), p.title(), links.post(p.slug()), p.commentsOpen(), p.approvedComments()))
                .toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<?> post(@PathVariable UUID id) {
        return catalog.find(id)
                .filter(Post::published)
                .<ResponseEntity<?>>map(post -> ResponseEntity.ok(new PostItem(post.id(), post.slug(), post.title(),
                        links.post(post.slug()), post.commentsOpen(), catalog.approvedComments(post.id()),
                        post.authorName(), post.createdAt().toString(), post.updatedAt().toString(),
                        markdown.body(post))))
                .orElseGet(() -> Problems.notFound("No post with id " + id));
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PostListItem(UUID id, String slug, String title, String link, boolean commentsOpen, long commentCount) {
    }

    /** {@code content} is the Markdown body rendered to HTML, raw HTML in it escaped. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record PostItem(UUID id, String slug, String title, String link, boolean commentsOpen, long commentCount,
                    String authorName, String date, String modified, String content) {
    }
}
