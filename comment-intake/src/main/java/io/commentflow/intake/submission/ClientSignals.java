package io.commentflow.intake.submission;

import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * What the request tells spam-filter about the person commenting: their address, browser and referrer, the value
 * of the form's honeypot field (people leave it empty; a signal, never a reason to refuse) and how long the form
 * took to fill when the frontend said when it rendered it.
 */
record ClientSignals(String ip, String userAgent, String referrer, String honeypot, Long formFillMillis) {

    // like WordPress's comment_agent column; nobody needs a longer value to judge spam
    private static final int MAX_HEADER_CHARS = 255;
    // a form rendered longer ago than this, or in the future, says nothing useful about how fast it was filled
    private static final Duration PLAUSIBLE_FILL = Duration.ofDays(1);

    static ClientSignals of(HttpServletRequest request, ClientAddressResolver addresses) {
        String ip = addresses.clientAddress(request.getRemoteAddr(),
                headers(request, "Forwarded"), headers(request, "X-Forwarded-For"));
        return new ClientSignals(ip, capped(request.getHeader("User-Agent")), capped(request.getHeader("Referer")),
                null, null);
    }

    /**
     * @param honeypot      the trap field's value, as sent
     * @param formStartedAt epoch milliseconds when the frontend rendered the form, as sent
     */
    ClientSignals withForm(String honeypot, String formStartedAt, Instant now) {
        return new ClientSignals(ip, userAgent, referrer, honeypotValue(honeypot), fillMillis(formStartedAt, now));
    }

    /** Any non-empty value counts, even one that is only spaces or control characters. */
    private static String honeypotValue(String sent) {
        if (sent == null || sent.isEmpty()) {
            return null;
        }
        String value = ContentSanitizer.normalise(sent);
        if (value.isEmpty()) {
            return "\uFFFD";
        }
        return value.length() <= MAX_HEADER_CHARS ? value : value.substring(0, MAX_HEADER_CHARS);
    }

    private static Long fillMillis(String formStartedAt, Instant now) {
        if (formStartedAt == null || formStartedAt.isBlank()) {
            return null;
        }
        try {
            long fill = now.toEpochMilli() - Long.parseLong(formStartedAt.strip());
            return fill >= 0 && fill <= PLAUSIBLE_FILL.toMillis() ? fill : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> headers(HttpServletRequest request, String name) {
        return Collections.list(request.getHeaders(name));
    }

    private static String capped(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        return header.length() <= MAX_HEADER_CHARS ? header : header.substring(0, MAX_HEADER_CHARS);
    }
}
