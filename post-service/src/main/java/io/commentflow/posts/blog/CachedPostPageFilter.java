package io.commentflow.posts.blog;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Serves the page every reader of a post gets ({@code GET /posts/{slug}} without a query: no reply target, no pending
 * comment of their own, the first page of comments) from {@link PostPages} ahead of Spring Security and Spring MVC, as
 * a page cache in front of WordPress answers before WordPress loads. Such a request needs nothing from either: it is
 * anonymous, creates no session and carries no CSRF token, and its path ({@code [a-z0-9-]} after {@code /posts/}) is
 * one Spring Security's firewall lets through. Their work took more CPU than writing out the cached page (measured
 * with JFR at 1,000 views a second: Spring Security's filters a fifth of the request threads' time, matching the
 * request against every mapping more, and 20-30 KB of garbage a view). What is observable of Spring Security here,
 * the headers of its public chain, is written with its own header writers ({@link #SECURITY_HEADERS});
 * {@code http_server_requests} still counts every view (this runs after the observation filter). Every other
 * request, and a slug with no published post, goes on through both to {@link BlogController}, which serves the same
 * page in the same way.
 */
@Component
class CachedPostPageFilter extends OncePerRequestFilter implements Ordered {

    private static final String PREFIX = "/posts/";
    /** The metrics' {@code uri} tag, as the controller's mapping would have set it. */
    private static final String PATTERN = "/posts/{slug}";
    /**
     * What Spring Security's default header configuration writes, as {@code SecurityConfig}'s public chain keeps it
     * (without Cache-Control, which pages decide): HSTS on secure requests only, nosniff, XSS auditor off, no framing.
     */
    private static final List<HeaderWriter> SECURITY_HEADERS = List.of(new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(), new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));

    private final PostPages pages;
    private final Clock clock;

    CachedPostPageFilter(PostPages pages, Clock clock) {
        this.pages = pages;
        this.clock = clock;
    }

    /** Just ahead of Spring Security's filter chain, after the observation filter that times every request. */
    @Override
    public int getOrder() {
        return SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1;
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
        for (HeaderWriter writer : SECURITY_HEADERS) {
            writer.writeHeaders(request, response);
        }
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
