package io.commentflow.notification.delivery;

import jakarta.mail.internet.MailDateFormat;

import java.util.Date;

/**
 * The Date header of emails sent now (RFC 5322, to the second), formatted once a second rather than once an email:
 * MailDateFormat costs a few percent of an email's CPU.
 */
final class MailDates {

    private record Formatted(long second, String text) {
    }

    private volatile Formatted last = new Formatted(-1, "");

    String now() {
        long second = Math.floorDiv(System.currentTimeMillis(), 1000L);
        Formatted formatted = last;
        if (formatted.second() != second) {
            // MailDateFormat is not thread-safe: one per formatting, once a second
            formatted = new Formatted(second, new MailDateFormat().format(new Date(second * 1000L)));
            last = formatted;
        }
        return formatted.text();
    }
}
