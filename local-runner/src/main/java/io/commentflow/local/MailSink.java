package io.commentflow.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

/**
 * A real SMTP server (GreenMail) that accepts mail for any address and keeps it, with an inbox a person can read
 * at {@code http://localhost:<inbox port>/} and a JSON list at {@code /api/messages}.
 */
public final class MailSink implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // jakarta.mail-api 2.1 finds its StreamProvider by a ServiceLoader scan of the class path for every message
        // part it parses (jakartaee/mail-api#861): the sink spent most of its CPU on that. Naming it skips the scan.
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
            System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final ServerSetup setup;
    private final HttpServer http;
    private final List<MimeMessage> earlier = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile GreenMail smtp;

    public MailSink(int smtpPort, int inboxPort) throws IOException {
        setup = new ServerSetup(smtpPort, "localhost", ServerSetup.PROTOCOL_SMTP);
        smtp = new GreenMail(setup);
        http = HttpServer.create(new InetSocketAddress("localhost", inboxPort), 0);
        http.setExecutor(Executors.newFixedThreadPool(2));
        http.createContext("/api/messages", this::messagesJson);
        http.createContext("/", this::inboxPage);
    }

    public void start() {
        smtp.start();
        http.start();
    }

    /** Stops accepting mail, as an SMTP outage would; what was received stays in the inbox. */
    synchronized void stopSmtp() {
        earlier.addAll(List.of(smtp.getReceivedMessages()));
        smtp.stop();
    }

    synchronized void startSmtp() {
        smtp = new GreenMail(setup);
        smtp.start();
    }

    /** The Message-ID of every message received so far (cheap: no MIME parsing), duplicates included. */
    public List<String> messageIds() {
        List<MimeMessage> received = new ArrayList<>(earlier);
        received.addAll(List.of(smtp.getReceivedMessages()));
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : received) {
            try {
                ids.add(message.getMessageID());
            } catch (MessagingException e) {
                ids.add("unreadable");
            }
        }
        return ids;
    }

    /** Every message received so far, oldest first, as the JSON API shows it. */
    public List<Map<String, Object>> messages() {
        List<MimeMessage> received = new ArrayList<>(earlier);
        received.addAll(List.of(smtp.getReceivedMessages()));
        List<Map<String, Object>> result = new ArrayList<>();
        for (int i = 0; i < received.size(); i++) {
            result.add(describe(i + 1, received.get(i)));
        }
        return result;
    }

    private void messagesJson(HttpExchange exchange) throws IOException {
        byte[] body = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(messages());
        respond(exchange, 200, "application/json", body);
    }

    private void inboxPage(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/")) {
            respond(exchange, 404, "text/plain; charset=utf-8", "not found".getBytes(StandardCharsets.UTF_8));
            return;
        }
        List<Map<String, Object>> messages = messages();
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>commentflow inbox</title>
                <style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
                article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}
                pre{white-space:pre-wrap;background:#f6f6f6;padding:.5rem}</style></head><body>
                <h1>commentflow inbox</h1><p>Everything the local SMTP server received, newest first.
                JSON: <a href="/api/messages">/api/messages</a>.</p>
                """);
        if (messages.isEmpty()) {
            html.append("<p><em>No messages yet.</em></p>");
        }
        for (int i = messages.size() - 1; i >= 0; i--) {
            Map<String, Object> m = messages.get(i);
            html.append("<article><h2>").append(escape(m.get("subject"))).append("</h2><p><b>From:</b> ")
                    .append(escape(m.get("from"))).append("<br><b>To:</b> ").append(escape(m.get("to")))
                    .append("<br><b>Received:</b> ").append(escape(m.get("receivedAt")))
                    .append("</p><pre>").append(escape(m.get("text"))).append("</pre></article>");
        }
        html.append("</body></html>");
        respond(exchange, 200, "text/html; charset=utf-8", html.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> describe(int id, MimeMessage message) {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            m.put("id", id);
            m.put("messageId", message.getMessageID());
            m.put("from", join(message.getFrom()));
            m.put("to", join(message.getRecipients(Message.RecipientType.TO)));
            m.put("subject", message.getSubject());
            m.put("text", textOf(message));
            Instant received = message.getReceivedDate() != null ? message.getReceivedDate().toInstant()
                    : message.getSentDate() != null ? message.getSentDate().toInstant() : Instant.now();
            m.put("receivedAt", received.toString());
            m.put("contentType", message.getContentType());
        } catch (MessagingException | IOException e) {
            m.put("error", e.getMessage());
        }
        return m;
    }

    private static String textOf(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            String html = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String text = textOf(body);
                if (text != null && body.isMimeType("text/plain")) {
                    return text;
                }
                if (text != null && html == null) {
                    html = text;
                }
            }
            return html;
        }
        if (part.isMimeType("text/*")) {
            return String.valueOf(part.getContent());
        }
        return null;
    }

    private static String join(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private static String escape(Object value) {
        return value == null ? "" : value.toString().replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        http.stop(0);
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
        smtp.stop();
    }
}
