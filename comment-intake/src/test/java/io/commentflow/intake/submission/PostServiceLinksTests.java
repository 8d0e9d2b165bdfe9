package io.commentflow.intake.submission;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PostServiceLinksTests {

    private static final UUID COMMENT = UUID.fromString("11111111-2222-3333-4444-555555555555");

    private final PostServiceLinks links = new PostServiceLinks("http://localhost:8080/");

    @Test
    void buildsTheStatusUrlUnderTheApi() {
        assertThat(links.commentStatus(COMMENT))
                .isEqualTo(URI.create("http://localhost:8080/api/comments/" + COMMENT));
        assertThat(links.home()).isEqualTo(URI.create("http://localhost:8080/"));
    }

    @Test
    void anchorsTheNewCommentOnAPostOfPostService() {
        assertThat(links.commentAnchor("http://localhost:8080/posts/hello?x=1#respond", COMMENT))
                .contains(URI.create("http://localhost:8080/posts/hello?x=1#comment-" + COMMENT));
        assertThat(links.commentAnchor("HTTP://LOCALHOST:8080/posts/hello", COMMENT)).isPresent();
    }

    @Test
    void refusesTargetsOutsidePostService() {
        for (String target : new String[] {null, "", "/posts/hello", "//evil.example/", "https://evil.example/",
                "http://localhost:8080.evil.example/", "http://localhost:8080@evil.example/",
                "http://user@localhost:8080/", "http://localhost:8081/posts/x", "https://localhost:8080/",
                "http://localhost:8080/posts/x\r\nSet-Cookie: a=b", "javascript:alert(1)", "http://localhost:8080\\@evil"}) {
            assertThat(links.commentAnchor(target, COMMENT)).as(String.valueOf(target)).isEmpty();
        }
    }

    @Test
    void keepsRedirectsUnderTheBasePathWhenThereIsOne() {
        PostServiceLinks blog = new PostServiceLinks("https://example.org/blog");

        assertThat(blog.own("https://example.org/blog/posts/hello")).isPresent();
        assertThat(blog.own("https://example.org:443/blog")).isPresent();
        assertThat(blog.own("https://example.org/blogger/evil")).isEmpty();
        assertThat(blog.own("https://example.org/")).isEmpty();
    }

    @Test
    void putsThePendingTokenInWordPressQueryParametersBeforeTheAnchor() {
        assertThat(PostServiceLinks.atComment(URI.create("http://localhost:8080/posts/hello?x=1&unapproved=old#respond"),
                COMMENT, "1800000600.abc"))
                .isEqualTo(URI.create("http://localhost:8080/posts/hello?x=1&unapproved=" + COMMENT
                        + "&moderation-hash=1800000600.abc#comment-" + COMMENT));
        assertThat(PostServiceLinks.atComment(URI.create("http://localhost:8080/posts/hello"), COMMENT, null))
                .isEqualTo(URI.create("http://localhost:8080/posts/hello#comment-" + COMMENT));
    }
}
