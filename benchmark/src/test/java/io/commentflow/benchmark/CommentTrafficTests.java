package io.commentflow.benchmark;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CommentTrafficTests {

    @Test
    void everyCommentComesFromAReaderAndAnAddressOfItsOwn() {
        CommentTraffic traffic = new CommentTraffic("localhost:8081", "run1", "test",
                i -> CommentTraffic.Target.post("8f1c2a6e-4b7d-4c3e-9a51-2d6f0e7b3c11"), true);
        Set<String> addresses = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String request = new String(traffic.next().bytes(), StandardCharsets.UTF_8);
            addresses.add(request.replaceAll("(?s).*X-Forwarded-For: ([0-9.]+).*", "$1"));
            emails.add(request.replaceAll("(?s).*\"author_email\":\"([^\"]+)\".*", "$1"));
            assertThat(request).startsWith("POST /api/comments HTTP/1.1\r\n");
        }
        assertThat(addresses).hasSize(1000);
        assertThat(emails).hasSize(1000);
    }

    @Test
    void sendsTheDeclaredContentLength() {
        CommentTraffic traffic = new CommentTraffic("localhost:8081", "run1", "test",
                i -> new CommentTraffic.Target("8f1c2a6e-4b7d-4c3e-9a51-2d6f0e7b3c11",
                        "5e0d1f8a-9b3c-4d2e-8f7a-6b5c4d3e2f1a"), false);
        String request = new String(traffic.next().bytes(), StandardCharsets.UTF_8);
        String body = request.substring(request.indexOf("\r\n\r\n") + 4);
        int declared = Integer.parseInt(request.replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));

        assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(declared);
        assertThat(body).contains("\"parent\":\"5e0d1f8a-9b3c-4d2e-8f7a-6b5c4d3e2f1a\"");
    }
}
