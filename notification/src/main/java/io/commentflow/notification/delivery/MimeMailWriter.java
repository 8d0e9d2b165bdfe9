package io.commentflow.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Turns an {@link OutgoingEmail} into a MIME message: text and HTML as the message's one multipart/alternative
 * (no mixed or related wrapper: there are no attachments or inline images), UTF-8
 * throughout (Jakarta Mail encodes non-ASCII subjects and names as RFC 2047 encoded words), and a
 * deterministic Message-ID. Everything that goes into a header passes {@link HeaderText#singleLine} and
 * addresses are parsed strictly, so no value can inject a header or a recipient.
 */
final class MimeMailWriter {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // jakarta.mail-api 2.1 looks its StreamProvider up through a ServiceLoader scan of the class path for every
        // multipart, body part and encoded header it builds: a quarter of this service's CPU per email, measured
        // (jakartaee/mail-api#861). Naming the implementation, when it is the one here, skips the scan.
        if (System.getProperty(STREAM_PROVIDER) == null && present(ANGUS_STREAM_PROVIDER)) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    private final JavaMailSender mailSender;
    private final InternetAddress from;

    MimeMailWriter(JavaMailSender mailSender, String from) {
        this.mailSender = mailSender;
        this.from = parseFrom(from);
    }

    MimeMessage write(OutgoingEmail email, String messageId) {
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(recipient(email));
            helper.setSubject(HeaderText.singleLine(email.subject()));
            message.setContent(alternative(email));
            // RFC 3834: tells autoresponders (vacation replies) not to answer
            message.setHeader("Auto-Submitted", "auto-generated");
            // RFC 2369 + RFC 8058: one-click unsubscribe, a POST to this URL with List-Unsubscribe=One-Click
            message.setHeader("List-Unsubscribe", "<" + headerSafeUrl(email.unsubscribeUrl()) + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setSentDate(new Date());
            message.saveChanges();
            // after saveChanges, which would otherwise put a random id; the message goes out as it is now
            message.setHeader("Message-ID", messageId);
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("cannot build the email for notification " + email.notificationId(), e);
        }
    }

    /** Text first, HTML last: a mail client shows the last alternative it can display. */
    private static MimeMultipart alternative(OutgoingEmail email) throws MessagingException {
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), StandardCharsets.UTF_8.name());
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
        return new MimeMultipart("alternative", text, html);
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, MimeMailWriter.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
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
