package io.commentflow.intake.submission;

import io.commentflow.events.SubmissionSource;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Bounds every request body (1 MiB by default). A declared {@code Content-Length} above the limit is answered 413
 * at once, without reading; a body without one (chunked) is read through a counting stream that fails at the limit,
 * which the controllers and {@link ApiProblemHandler} turn into the same 413.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long limit;
    private final IntakeMetrics metrics;

    RequestBodyLimitFilter(long limit, IntakeMetrics metrics) {
        this.limit = limit;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            refuse(request, response);
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean api = request.getRequestURI().startsWith("/api/");
        metrics.rejected(api ? SubmissionSource.JSON_API : SubmissionSource.FORM, IntakeMetrics.BODY_TOO_LARGE);
        response.setStatus(413);
        // the body stays unread: let the connection go rather than swallow megabytes
        response.setHeader(HttpHeaders.CONNECTION, "close");
        if (api) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(CommentProblems.tooLargeJson(limit).getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
            response.getOutputStream().write(FormErrorPage.render("Comment too long",
                    List.of(FormMessages.tooLarge(limit)), null).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The request with an input stream that stops at the limit. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new RequestBodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
