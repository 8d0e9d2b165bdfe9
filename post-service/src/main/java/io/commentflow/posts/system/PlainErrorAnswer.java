package io.commentflow.posts.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An error answered outside Spring MVC (by a filter, or Spring Security's handlers), where its error pages and
 * problem details do not reach: problem JSON under {@code /api/}, a small page of the blog elsewhere.
 *
 * @param heading the page's title and heading
 * @param detail  the problem's detail: plain text, no quotes or backslashes (it is written into JSON as it is)
 * @param html    the page's body below the heading
 */
record PlainErrorAnswer(HttpStatus status, String heading, String detail, String html) {

    PlainErrorAnswer {
        if (detail.contains("\"") || detail.contains("\\")) {
            throw new IllegalArgumentException("detail is written into JSON unescaped: " + detail);
        }
    }

    void writeTo(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(status.value());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                    + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.getWriter().write("""
                    <!DOCTYPE html>
                    <html lang="en"><head><meta charset="utf-8"><title>%s</title>
                    <link rel="stylesheet" href="/blog.css"></head>
                    <body><main class="site-main"><h1>%s</h1>
                    %s</main></body></html>
                    """.formatted(heading, heading, html));
        }
    }
}
