package io.commentflow.notification.delivery;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageIdsTests {

    private final MessageIds messageIds = new MessageIds("commentflow");

    @Test
    void derivesTheSameIdFromTheSameNotificationAndRecipient() {
        UUID notification = UUID.fromString("0b6f3f5e-57c1-4c2f-9d3b-5e1f0f1b2a3c");

        String id = messageIds.of(notification, "alice@blog.example");

        assertThat(id).isEqualTo(messageIds.of(notification, " Alice@Blog.Example "))
                .matches("<0b6f3f5e-57c1-4c2f-9d3b-5e1f0f1b2a3c\\.[0-9a-f]{16}@commentflow>")
                .doesNotContain("alice");
    }

    @Test
    void differsPerRecipientAndPerNotification() {
        UUID notification = UUID.randomUUID();

        assertThat(messageIds.of(notification, "alice@blog.example"))
                .isNotEqualTo(messageIds.of(notification, "bob@blog.example"))
                .isNotEqualTo(messageIds.of(UUID.randomUUID(), "alice@blog.example"));
    }

    @Test
    void refusesADomainThatCouldBreakTheHeader() {
        assertThatIllegalArgumentException().isThrownBy(() -> new MessageIds("example.org>\r\nBcc: x@y"));
    }
}
