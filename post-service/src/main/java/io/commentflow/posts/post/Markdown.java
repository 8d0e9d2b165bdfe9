package io.commentflow.posts.post;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Post bodies are Markdown (CommonMark). Raw HTML in the text is escaped, not passed through, and link and image
 * addresses with unsafe schemes ({@code javascript:} and the like) are dropped, so the output is safe to embed.
 * Rendered bodies are kept per post until its body changes.
 */
@Component
public class Markdown {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private final Map<UUID, Rendered> cache = new ConcurrentHashMap<>();

    /** Markdown to HTML, raw HTML escaped. */
    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown == null ? "" : markdown));
    }

    /** The post's body as HTML, from the cache while the post has not changed since. */
    public String body(Post post) {
        Rendered cached = cache.get(post.id());
        if (cached != null && cached.source().equals(post.body())) {
            return cached.html();
        }
        String html = toHtml(post.body());
        cache.put(post.id(), new Rendered(post.body(), html));
        return html;
    }

    private record Rendered(String source, String html) {
    }
}
