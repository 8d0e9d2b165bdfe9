package io.commentflow.benchmark;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
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
 * What the SMTP sink accepts on this machine: multipart text+HTML messages the size of a notification, each to its
 * own recipient, sent with Jakarta Mail over one kept-open connection per thread (notification's ceiling).
 */
final class SmtpLimit {

    record Throughput(int messages, double seconds) {
        double perSecond() {
            return messages / seconds;
        }
    }

    private SmtpLimit() {
    }

    static Throughput measure(String host, int port, String run, int messages, int threads) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", String.valueOf(port));
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(props);
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        MimeMessage message = message(session, run, i);
                        transport.sendMessage(message, message.getAllRecipients());
                    }
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "smtp-limit-" + t);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return new Throughput(messages, seconds);
    }

    private static MimeMessage message(Session session, String run, int i) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("no-reply@commentflow.localhost", false));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("smtp-limit-" + run + "-" + i + "@example.org"));
        message.setSubject("New comment on “Benchmark post " + i + "”", "UTF-8");
        String excerpt = CommentTraffic.content(CommentTraffic.Kind.HAM, run, i);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Reader " + i + " wrote on your post “Benchmark post " + i + "”:\n\n" + excerpt
                + "\n\nSee it: http://localhost:8080/posts/benchmark#comment-" + i
                + "\n\nModerate: http://localhost:8080/admin/comments\nUnsubscribe: http://localhost:8083/unsubscribe\n",
                "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<!doctype html><html><body><p><b>Reader " + i + "</b> wrote on your post "
                + "<a href=\"http://localhost:8080/posts/benchmark\">Benchmark post " + i + "</a>:</p><blockquote>"
                + excerpt + "</blockquote><p><a href=\"http://localhost:8080/posts/benchmark#comment-" + i
                + "\">See it</a> · <a href=\"http://localhost:8080/admin/comments\">Moderate</a></p>"
                + "<p style=\"color:#777\"><a href=\"http://localhost:8083/unsubscribe\">Unsubscribe</a></p>"
                + "</body></html>", "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }
}
