package io.commentflow.posts.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A request that needs the database while it cannot be reached is answered {@code 503 Service Unavailable} with
 * {@code Retry-After}, not with a 500: a browser, a crawler or a client of the JSON API learns that the failure is
 * temporary and when to try again. What readers see that is cached (post pages, threads) is still served meanwhile;
 * this answers what is not. It runs just inside the observation filter, so {@code http_server_requests} counts these
 * requests as 503s.
 */
@Component
class DatabaseOutageFilter extends OncePerRequestFilter implements Ordered {

    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);
    private static final PlainErrorAnswer UNAVAILABLE = new PlainErrorAnswer(HttpStatus.SERVICE_UNAVAILABLE,
            "Back in a moment", "The blog's database cannot be reached just now; try again in a few seconds.", """
            <p>This page cannot be shown just now: the blog's database does not answer.
            Please try again in a few seconds.</p>""");

    /** Spring's {@code ServerHttpObservationFilter} is registered at {@code HIGHEST_PRECEDENCE + 1}. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            // the exception's class only: driver messages may carry connection details
            log.warn("Database unreachable: {} {} answered 503 ({})", request.getMethod(), request.getRequestURI(),
                    NestedExceptionUtils.getMostSpecificCause(e).getClass().getName());
            answerUnavailable(request, response);
        }
    }

    private static void answerUnavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        UNAVAILABLE.writeTo(request, response);
    }
}
