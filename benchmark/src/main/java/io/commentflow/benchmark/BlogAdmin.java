package io.commentflow.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Creates posts through post-service's admin JSON API ({@code POST /api/admin/posts}, HTTP Basic). */
final class BlogAdmin {

    /** A published post. */
    record BlogPost(String id, String slug, String link, String authorEmail) {
        /** The page's path on post-service, e.g. {@code /posts/benchmark-page-1a2b}. */
        String path() {
            return "/posts/" + slug;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String BODY = """
            Every blog that lets readers answer gets two kinds of comments: the ones worth reading and the ones \
            nobody wrote by hand. This post exists so that the benchmark has something to comment on.

            ## What we measured

            How many comments the intake accepts, how long until one shows up under the post, how quickly the \
            post page is served while comments pour in, and how fast the spam filter and the notification \
            service work off a backlog.

            ## Why it matters

            A comment system is judged on the page it serves. Everything else happens behind the scenes, and \
            must never slow that page down.
            """;

    private final String postServiceUrl;
    private final String authorization;

    BlogAdmin(String postServiceUrl, String adminPassword) {
        this.postServiceUrl = postServiceUrl;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    }

    BlogPost createPost(String slug, String title, String authorEmail) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(JSON.createObjectNode()
                .put("slug", slug)
                .put("title", title)
                .put("body", BODY)
                .put("author_name", "Benchmark Author")
                .put("author_email", authorEmail)
                .put("comments_open", true)
                .put("published", true));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(postServiceUrl + "/api/admin/posts"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201 && created.statusCode() != 200) {
            throw new IllegalStateException("creating post " + slug + " answered " + created.statusCode() + ": "
                    + created.body());
        }
        JsonNode post = JSON.readTree(created.body());
        return new BlogPost(post.get("id").asText(), post.get("slug").asText(), post.path("link").asText(), authorEmail);
    }

    /** Published comments on the post, as its public API counts them. */
    long approvedComments(String postId) throws IOException, InterruptedException {
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(postServiceUrl + "/api/posts/" + postId))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return post.statusCode() == 200 ? JSON.readTree(post.body()).path("comment_count").asLong() : 0;
    }
}
