package io.commentflow.notification.reply;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For {@link EmailBacklogBenchmark} only: text + HTML messages straight to an SMTP server over kept-open connections,
 * shaped like the benchmark module's SmtpLimit messages, as it measures its raw SMTP limit (and so warms the sink up)
 * right before its backlog.
 */
final class RawSmtp {

    private RawSmtp() {
    }

    static void send(String host, int port, int messages, int threads) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        Session session = Session.getInstance(props);
        AtomicInteger next = new AtomicInteger();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        MimeMessage message = new MimeMessage(session);
                        message.setFrom(new InternetAddress("no-reply@commentflow.localhost"));
                        message.setRecipient(Message.RecipientType.TO, new InternetAddress("raw-" + i + "@example.org"));
                        message.setSubject("New comment on “Benchmark post " + i + "”", "UTF-8");
                        String excerpt = ("Thanks for the write-up, comment " + i + ". ").repeat(6);
                        MimeBodyPart text = new MimeBodyPart();
                        text.setText("Reader " + i + " wrote on your post “Benchmark post " + i + "”:\n\n" + excerpt
                                + "\n\nSee it: http://localhost:8080/posts/benchmark#comment-" + i
                                + "\n\nModerate: http://localhost:8080/admin/comments\n"
                                + "Unsubscribe: http://localhost:8083/unsubscribe\n", "UTF-8");
                        MimeBodyPart html = new MimeBodyPart();
                        html.setContent("<!doctype html><html><body><p><b>Reader " + i + "</b> wrote on your post "
                                + "<a href=\"http://localhost:8080/posts/benchmark\">Benchmark post " + i
                                + "</a>:</p><blockquote>" + excerpt + "</blockquote><p><a href=\"http://localhost:8080/"
                                + "posts/benchmark#comment-" + i + "\">See it</a></p></body></html>",
                                "text/html; charset=UTF-8");
                        message.setContent(new MimeMultipart("alternative", text, html));
                        message.saveChanges();
                        transport.sendMessage(message, message.getAllRecipients());
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "raw-smtp-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
