package io.commentflow.notification.delivery;

import jakarta.activation.DataHandler;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The MIME message as the SMTP server gets it, read back by an independent parser. */
class MimeMailWriterTests {

    private final Session session = Session.getInstance(new Properties());
    private final MimeMailWriter writer = new MimeMailWriter(session, "Commentflow <no-reply@commentflow.test>");

    @Test
    void writesHeadersAndBothAlternativesThatReadBackAsComposed() throws Exception {
        OutgoingEmail email = email("Zoë Author", "New comment on “Café ☕”", "Zoë wrote:\n\nLovely — more, please.\n",
                "<p>Zoë wrote: <b>Lovely</b></p>\n");

        MimeMessage sent = writer.write(email, "<id-1@commentflow>");
        MimeMessage received = readBack(sent);

        assertThat(received.getSubject()).isEqualTo("New comment on “Café ☕”").isEqualTo(sent.getSubject());
        assertThat(received.getHeader("Subject")[0]).startsWith("=?UTF-8?");
        assertThat(received.getMessageID()).isEqualTo("<id-1@commentflow>");
        assertThat(received.getFrom()).containsExactly(new InternetAddress("no-reply@commentflow.test"));
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Commentflow");
        assertThat(received.getAllRecipients()).containsExactly(new InternetAddress("alice@blog.example"))
                .containsExactly(sent.getAllRecipients());
        assertThat(((InternetAddress) received.getAllRecipients()[0]).getPersonal()).isEqualTo("Zoë Author");
        assertThat(sent.getFrom()).containsExactly(received.getFrom());
        assertThat(received.getSentDate()).isNotNull();
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(received.getHeader("List-Unsubscribe")).containsExactly("<https://notify.example/unsubscribe?a=1>");
        assertThat(received.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

        assertThat(received.isMimeType("multipart/alternative")).isTrue();
        Multipart parts = (Multipart) received.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(lines(parts.getBodyPart(0).getContent())).isEqualTo(email.text());
        assertThat(parts.getBodyPart(1).getContentType()).isEqualToIgnoringCase("text/html; charset=UTF-8");
        assertThat(lines(parts.getBodyPart(1).getContent())).isEqualTo(email.html());
    }

    @Test
    void choosesTheTransferEncodingFromTheText() throws Exception {
        String ascii = "Plain words only.\n";
        String mostlyAscii = "Café notes, “quoted”.\n";
        String mostlyNot = "這是一篇關於事件溯源的文章。\n";
        String longAsciiLine = "x".repeat(1200) + "\n";

        for (String[] expected : new String[][] {{ascii, "7bit"}, {mostlyAscii, "quoted-printable"},
                {mostlyNot, "base64"}, {longAsciiLine, "quoted-printable"}}) {
            MimeMessage received = readBack(writer.write(email("", "Subject", expected[0], expected[0]), "<id@x>"));
            MimeBodyPart text = (MimeBodyPart) ((Multipart) received.getContent()).getBodyPart(0);

            assertThat(text.getEncoding()).as(expected[0]).isEqualTo(expected[1]);
            assertThat(lines(text.getContent())).isEqualTo(expected[0]);
        }
    }

    /** The decoded text with MIME's CRLF line breaks (which quoted-printable keeps) as Java's. */
    private static String lines(Object content) {
        return ((String) content).replace("\r\n", "\n");
    }

    @Test
    void choosesTheTransferEncodingJakartaMailWould() {
        Random random = new Random(42);
        String[] pieces = {"a", "plain words ", "\n", "\r\n", "\t", "é", "“", "☕", "這", "😀", "\u0001", "x".repeat(500)};
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n >= 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String expected = MimeUtility.getEncoding(new DataHandler(text.toString(), "text/plain; charset=UTF-8"));
            assertThat(MimeMailWriter.transferEncoding(text.toString())).as("%s", text).isEqualTo(expected);
        }
    }

    private MimeMessage readBack(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return new MimeMessage(session, new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static OutgoingEmail email(String name, String subject, String text, String html) {
        return new OutgoingEmail(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "new-comment",
                "alice@blog.example", name, subject, text, html, "https://notify.example/unsubscribe?a=1");
    }
}
