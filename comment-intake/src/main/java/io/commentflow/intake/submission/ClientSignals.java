package io.commentflow.intake.submission;

import jakarta.servlet.http.HttpServletRequest;

/** What the HTTP request tells spam-filter about the person commenting. */
record ClientSignals(String ip, String userAgent, String referrer) {

    // like WordPress's comment_agent column; nobody needs a longer user agent to judge spam
    private static final int MAX_HEADER_CHARS = 255;

    /** The socket peer for now; trusted proxy headers come with issue 3. */
    static ClientSignals of(HttpServletRequest request) {
        return new ClientSignals(request.getRemoteAddr(),
                capped(request.getHeader("User-Agent")), capped(request.getHeader("Referer")));
    }

    private static String capped(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return header.length() <= MAX_HEADER_CHARS ? header : header.substring(0, MAX_HEADER_CHARS);
    }
}
