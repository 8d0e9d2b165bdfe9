package io.commentflow.posts.blog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Serves the page every reader of a post gets ({@code GET /posts/{slug}} without a query: no reply target, no pending
 * comment of their own, the first page of comments) from {@link PostPages} before Spring MVC's dispatch, as a page
 * cache in front of WordPress answers before WordPress loads. Matching the request against every mapping and binding
 * the controller's optional parameters took more than writing out the cached page (about 30 KB of garbage a request,
 * measured with JFR). Spring Security's filters have run by then (its headers and firewall apply as before); every
 * other request, and a slug with no published post, goes on to {@link BlogController}, which serves the same page in
 * the same way.
 */
@Component
class CachedPostPageFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/posts/";
    /** The metrics' {@code uri} tag, as the controller's mapping would have set it. */
    private static final String PATTERN = "/posts/{slug}";

    private final PostPages pages;
    private final Clock clock;

    CachedPostPageFilter(PostPages pages, Clock clock) {
        this.pages = pages;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String slug = plainPageSlug(request);
        Optional<RenderedPage> page = slug == null ? Optional.empty()
                : pages.page(slug, CommentPages.requested(null), clock.instant());
        if (page.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATTERN));
        page.get().writeTo(response, clock.millis(), UUID.randomUUID(),
                AcceptEncoding.allowsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING)));
    }

    /** The slug of a plain post page request, or null for anything else. */
    static String plainPageSlug(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getQueryString() != null) {
            return null;
        }
        String path = request.getRequestURI();
        int start = request.getContextPath().length() + PREFIX.length();
        if (!path.startsWith(PREFIX, start - PREFIX.length()) || start >= path.length()) {
            return null;
        }
        for (int i = start; i < path.length(); i++) {
            char c = path.charAt(i);
            // a slug is lower-case letters, digits and dashes (PostRules); anything else is the controller's to judge
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return null;
            }
        }
        return path.substring(start);
    }
}
