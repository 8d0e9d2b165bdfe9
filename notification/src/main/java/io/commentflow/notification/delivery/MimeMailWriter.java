package io.commentflow.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/**
 * Turns an {@link OutgoingEmail} into a MIME message: text and HTML as multipart/alternative, UTF-8
 * throughout (Jakarta Mail encodes non-ASCII subjects and names as RFC 2047 encoded words), and a
 * deterministic Message-ID. Everything that goes into a header passes {@link HeaderText#singleLine} and
 * addresses are parsed strictly, so no value can inject a header or a recipient.
 */
final class MimeMailWriter {

    private final JavaMailSender mailSender;
    private final InternetAddress from;

    MimeMailWriter(JavaMailSender mailSender, String from) {
        this.mailSender = mailSender;
        this.from = parseFrom(from);
    }

    MimeMessage write(OutgoingEmail email, String messageId) {
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(recipient(email));
            helper.setSubject(HeaderText.singleLine(email.subject()));
            helper.setText(email.text(), email.html());
            // RFC 3834: tells autoresponders (vacation replies) not to answer
            message.setHeader("Auto-Submitted", "auto-generated");
            // RFC 2369 + RFC 8058: one-click unsubscribe, a POST to this URL with List-Unsubscribe=One-Click
            message.setHeader("List-Unsubscribe", "<" + headerSafeUrl(email.unsubscribeUrl()) + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.saveChanges();
            // after saveChanges, which would otherwise put a random id; JavaMailSenderImpl keeps an explicit one
            message.setHeader("Message-ID", messageId);
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("cannot build the email for notification " + email.notificationId(), e);
        }
    }

    /** An http(s) URL with nothing in it that could end the angle brackets or the header. */
    static String headerSafeUrl(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        boolean httpUrl = lower.startsWith("https://") || lower.startsWith("http://");
        boolean safe = url.length() <= 900 && url.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '<' && c != '>');
        if (!httpUrl || !safe) {
            throw new MailPreparationException("the unsubscribe URL cannot go into a List-Unsubscribe header");
        }
        return url;
    }

    private static InternetAddress recipient(OutgoingEmail email) throws AddressException, UnsupportedEncodingException {
        InternetAddress address = new InternetAddress(email.recipientAddress().strip(), true);
        address.validate();
        String name = HeaderText.singleLine(email.recipientName());
        if (!name.isEmpty()) {
            address.setPersonal(name, StandardCharsets.UTF_8.name());
        }
        return address;
    }

    private static InternetAddress parseFrom(String from) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(HeaderText.singleLine(from), true);
            if (parsed.length != 1) {
                throw new IllegalArgumentException("commentflow.mail.from must hold exactly one address");
            }
            parsed[0].validate();
            return parsed[0];
        } catch (AddressException e) {
            throw new IllegalArgumentException("commentflow.mail.from is not a valid address: " + e.getMessage(), e);
        }
    }
}
