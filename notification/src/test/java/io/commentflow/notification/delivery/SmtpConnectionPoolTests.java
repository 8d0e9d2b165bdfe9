package io.commentflow.notification.delivery;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.net.ServerSocket;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmtpConnectionPoolTests {

    @Test
    void saysTheServerIsUnreachableWhenNoConnectionCanBeOpened() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JavaMailSenderImpl settings = new JavaMailSenderImpl();
        settings.setHost("localhost");
        settings.setPort(closedPort);
        SmtpConnectionPool pool = new SmtpConnectionPool(settings, new SmtpConnectionProperties(8, Duration.ofSeconds(30)));
        MimeMessage message = settings.createMimeMessage();
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("author@example.org"));
        message.setText("hello");

        try {
            assertThatThrownBy(() -> pool.send(message)).isInstanceOf(SmtpServerUnreachable.class)
                    .hasRootCauseInstanceOf(java.net.ConnectException.class);
        } finally {
            pool.destroy();
        }
    }
}
