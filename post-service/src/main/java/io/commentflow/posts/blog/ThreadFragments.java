package io.commentflow.posts.blog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.commentflow.posts.comment.CommentNode;
import io.commentflow.posts.system.PublicCacheProperties;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The HTML of top-level comment threads ({@code fragments/comment.html}), kept per thread. A thread is its own key:
 * every comment in it with its text, depth and place, so an entry can never be out of date, and when a comment is
 * published only its thread is rendered again, not the hundreds of others on the page. A thread holding a reader's
 * own pending comment is rendered for that request and never kept.
 */
@Component
class ThreadFragments {

    private final BlogViews views;
    private final ITemplateEngine templates;
    private final Cache<CommentNode, String> threads;

    ThreadFragments(BlogViews views, ITemplateEngine templates, PublicCacheProperties cache) {
        this.views = views;
        this.templates = templates;
        this.threads = Caffeine.newBuilder()
                // weighed in characters: about as much memory again as the rendered pages
                .maximumWeight(cache.pagesSize().toBytes() / 2)
                .<CommentNode, String>weigher((thread, html) -> html.length())
                .build();
    }

    List<String> html(List<CommentNode> topLevel) {
        return topLevel.stream()
                .map(thread -> holdsPending(thread) ? render(thread) : threads.get(thread, this::render))
                .toList();
    }

    private String render(CommentNode thread) {
        Context context = new Context(Locale.ENGLISH, Map.of("node", views.comment(thread)));
        return templates.process("fragments/comment", Set.of("comment"), context);
    }

    private static boolean holdsPending(CommentNode node) {
        return node.comment().awaitingModeration() || node.children().stream().anyMatch(ThreadFragments::holdsPending);
    }
}
