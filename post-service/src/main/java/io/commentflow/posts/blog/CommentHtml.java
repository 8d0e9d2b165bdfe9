package io.commentflow.posts.blog;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A comment's content as the page shows it. comment-intake stores it as HTML already reduced to WordPress's commenter
 * allowlist; it is sanitised again here with the same allowlist, because whatever reaches the page (a replayed or
 * hand-written event, an older intake) must never be trusted to be safe. Blank lines make paragraphs and single line
 * breaks stay breaks, as WordPress's {@code wpautop} does.
 */
final class CommentHtml {

    private static final PolicyFactory COMMENTER = new HtmlPolicyBuilder()
            .allowElements("a", "abbr", "b", "blockquote", "cite", "code", "del", "em", "i", "q", "s", "strike", "strong")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("title").onElements("abbr")
            .allowAttributes("cite").onElements("blockquote")
            .allowUrlProtocols("http", "https", "mailto")
            .requireRelsOnLinks("nofollow", "ugc")
            .toFactory();

    private CommentHtml() {
    }

    static String render(String content) {
        if (content == null || content.isBlank()) {
            return "";
        }
        return Arrays.stream(content.replace("\r\n", "\n").replace('\r', '\n').strip().split("\n\\s*\n"))
                .map(block -> COMMENTER.sanitize(block.strip()).replace("\n", "<br>\n")
                        .replace(" rel=\"ugc nofollow\"", " rel=\"nofollow ugc\"")) // WordPress's order
                .filter(html -> !html.isBlank())
                .map(html -> "<p>" + html + "</p>")
                .collect(Collectors.joining("\n"));
    }
}
