package io.commentflow.notification.delivery;

import org.springframework.mail.MailSendException;

/**
 * No SMTP connection could be opened (refused, timed out, no greeting, or a session the server would not start): every
 * email fails alike until the server or its settings are back, unlike a message or recipient the server refuses.
 */
public class SmtpServerUnreachable extends MailSendException {

    SmtpServerUnreachable(String message, Throwable cause) {
        super(message, cause);
    }
}
