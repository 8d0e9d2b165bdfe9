package io.commentflow.notification.delivery;

import jakarta.activation.CommandMap;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.springframework.mail.MailPreparationException;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

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

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final Session session;
    private final InternetAddress from;
    private final MailDates dates = new MailDates();
    private final ContentHandlers contentHandlers = new ContentHandlers(CommandMap.getDefaultCommandMap());

    MimeMailWriter(Session session, String from) {
        this.session = session;
        this.from = parseFrom(from);
    }

    MimeMessage write(OutgoingEmail email, String messageId) {
        try {
            String subject = HeaderText.singleLine(email.subject());
            InternetAddress to = recipient(email);
            MimeMessage message = new ComposedMessage(session, from, to, subject, messageId);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(subject, UTF_8);
            // what setContent(Multipart) does, with a data handler that does not look its content handler up each time
            MimeMultipart alternative = alternative(email);
            message.setDataHandler(contentHandlers.dataHandler(alternative, alternative.getContentType()));
            alternative.setParent(message);
            // RFC 3834: tells autoresponders (vacation replies) not to answer
            message.setHeader("Auto-Submitted", "auto-generated");
            // RFC 2369 + RFC 8058: one-click unsubscribe, a POST to this URL with List-Unsubscribe=One-Click
            message.setHeader("List-Unsubscribe", "<" + headerSafeUrl(email.unsubscribeUrl()) + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.setHeader("Date", dates.now());
            message.saveChanges();
            return message;
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new MailPreparationException("cannot build the email for notification " + email.notificationId(), e);
        }
    }

    /** Text first, HTML last: a mail client shows the last alternative it can display. */
    private MimeMultipart alternative(OutgoingEmail email) throws MessagingException {
        return new MimeMultipart("alternative", part(email.text(), "plain"), part(email.html(), "html"));
    }

    /**
     * A UTF-8 text part with its transfer encoding chosen from the text itself: Jakarta Mail would otherwise encode
     * the whole part once more, only to choose it (a tenth of the CPU an email costs this service).
     */
    private MimeBodyPart part(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        // what setText(text, "UTF-8", subtype) does, with a data handler that does not look its content handler up
        // each time
        part.setDataHandler(contentHandlers.dataHandler(text, "text/" + subtype + "; charset=" + UTF_8));
        part.setHeader("Content-Transfer-Encoding", transferEncoding(text)); // after the data handler, which resets it
        return part;
    }

    /**
     * As Jakarta Mail chooses, counting the UTF-8 bytes: 7bit for short lines of plain ASCII, quoted-printable when
     * most bytes are ASCII (ours: English templates), base64 when most are not (a post in Chinese, say).
     */
    static String transferEncoding(String text) {
        int ascii = 0;
        int other = 0;
        int line = 0;
        boolean longLine = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n') {
                line = 0;
                ascii++;
                continue;
            }
            longLine |= ++line > 998;
            if (c < 0x80) {
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    other++;
                } else {
                    ascii++;
                }
            } else {
                other += c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            }
        }
        if (other == 0) {
            return longLine ? "quoted-printable" : "7bit";
        }
        return ascii > other ? "quoted-printable" : "base64";
    }

    /**
     * The message as composed: its addresses and subject as given (the SMTP transport asks for them before sending,
     * and would otherwise parse the From and To headers and decode the Subject header again) and its deterministic
     * Message-ID (instead of a random one). Written once, never changed after: the headers say the same.
     */
    private static final class ComposedMessage extends MimeMessage {

        private final InternetAddress from;
        private final InternetAddress to;
        private final String subject;
        private final String messageId;

        ComposedMessage(Session session, InternetAddress from, InternetAddress to, String subject, String messageId) {
            super(session);
            this.from = from;
            this.to = to;
            this.subject = subject;
            this.messageId = messageId;
        }

        @Override
        public Address[] getFrom() {
            return new Address[] {from};
        }

        @Override
        public Address[] getRecipients(Message.RecipientType type) {
            return type == Message.RecipientType.TO ? new Address[] {to} : null;
        }

        @Override
        public Address[] getAllRecipients() {
            return new Address[] {to};
        }

        @Override
        public String getSubject() {
            return subject;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
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
