package io.commentflow.notification.delivery;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Sends MIME messages over kept-open SMTP connections. {@link JavaMailSenderImpl#send} opens and closes a
 * connection per call (greeting, EHLO, QUIT: tens of milliseconds against a few for the message itself); here a
 * sending thread borrows an idle connection, or opens one, and gives it back after the message went out. The
 * connection settings (host, port, credentials, {@code spring.mail.properties.*} such as timeouts and STARTTLS)
 * are the auto-configured {@link JavaMailSenderImpl}'s.
 * <p>
 * A kept-open connection may have been dropped by the server since its last use (restart, idle timeout, a limit
 * on messages per connection). When sending on one fails, the message is tried once more on a new connection
 * before the failure counts. That second try cannot send an email twice where the caller's own retry would not:
 * if the server had taken the message and only its reply was lost, the ledger's retry (row FAILED, notification
 * redelivered) sends it again just the same. A failure on a new connection is the message's failure.
 */
@Component
class SmtpConnectionPool implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnectionPool.class);

    private record Idle(Transport transport, long since) {
    }

    private final JavaMailSenderImpl settings;
    private final int maxIdle;
    private final long idleTimeoutNanos;

    /** Most recently used first, so a burst's connections stay warm and the oldest ones time out. Guarded by this. */
    private final Deque<Idle> idle = new ArrayDeque<>();
    private boolean closed;

    SmtpConnectionPool(JavaMailSenderImpl settings, SmtpConnectionProperties properties) {
        this.settings = settings;
        this.maxIdle = properties.maxIdle();
        this.idleTimeoutNanos = properties.idleTimeout().toNanos();
    }

    /**
     * Sends a message ready to go (its headers saved) to all its recipients.
     *
     * @throws SmtpServerUnreachable       no connection to the server could be opened
     * @throws MailSendException           the server did not take the message
     * @throws MailAuthenticationException the server refused our credentials
     */
    void send(MimeMessage message) {
        Transport kept = borrowIdle();
        if (kept != null) {
            try {
                sendOn(kept, message);
                return;
            } catch (MessagingException | IllegalStateException e) {
                log.info("A kept-open SMTP connection failed ({}); trying once more on a new connection",
                        e.getClass().getSimpleName());
            }
        }
        Transport fresh = connect();
        try {
            sendOn(fresh, message);
        } catch (MessagingException | IllegalStateException e) {
            throw new MailSendException("The SMTP server did not take the message", e);
        }
    }

    /** Sends on this connection and gives it back, or closes it if anything went wrong. */
    private void sendOn(Transport transport, MimeMessage message) throws MessagingException {
        boolean sent = false;
        try {
            transport.sendMessage(message, recipients(message));
            sent = true;
        } finally {
            if (sent) {
                giveBack(transport);
            } else {
                closeQuietly(transport);
            }
        }
    }

    private static Address[] recipients(MimeMessage message) throws MessagingException {
        Address[] recipients = message.getAllRecipients();
        if (recipients == null || recipients.length == 0) {
            throw new MessagingException("the message has no recipient");
        }
        return recipients;
    }

    /** The same connection JavaMailSenderImpl would open: its session, protocol, host, port and credentials. */
    private Transport connect() {
        String username = settings.getUsername();
        String password = settings.getPassword();
        if ("".equals(username)) { // an empty placeholder means no authentication, as in JavaMailSenderImpl
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        try {
            String protocol = settings.getProtocol() != null ? settings.getProtocol()
                    : settings.getSession().getProperty("mail.transport.protocol");
            Transport transport = settings.getSession().getTransport(protocol != null ? protocol
                    : JavaMailSenderImpl.DEFAULT_PROTOCOL);
            transport.connect(settings.getHost(), settings.getPort(), username, password);
            return transport;
        } catch (AuthenticationFailedException e) {
            throw new MailAuthenticationException(e);
        } catch (MessagingException e) {
            throw new SmtpServerUnreachable("Mail server connection failed", e);
        }
    }

    private Transport borrowIdle() {
        List<Transport> expired = new ArrayList<>();
        Transport borrowed;
        synchronized (this) {
            expireIdle(expired);
            Idle newest = idle.pollFirst();
            borrowed = newest == null ? null : newest.transport();
        }
        expired.forEach(SmtpConnectionPool::closeQuietly);
        return borrowed;
    }

    private void giveBack(Transport transport) {
        List<Transport> toClose = new ArrayList<>();
        synchronized (this) {
            expireIdle(toClose);
            if (closed || idle.size() >= maxIdle) {
                toClose.add(transport);
            } else {
                idle.addFirst(new Idle(transport, System.nanoTime()));
            }
        }
        toClose.forEach(SmtpConnectionPool::closeQuietly);
    }

    /** Moves the connections idle for longer than the timeout (the oldest, at the end) to {@code expired}. */
    private void expireIdle(List<Transport> expired) {
        long now = System.nanoTime();
        while (!idle.isEmpty() && now - idle.peekLast().since() > idleTimeoutNanos) {
            expired.add(idle.pollLast().transport());
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone either way; a failed QUIT tells nothing about the next message
            log.debug("Closing an SMTP connection failed: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        List<Transport> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.forEach(entry -> all.add(entry.transport()));
            idle.clear();
        }
        all.forEach(SmtpConnectionPool::closeQuietly);
    }
}
