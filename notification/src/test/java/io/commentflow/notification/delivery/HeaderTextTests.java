package io.commentflow.notification.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderTextTests {

    @Test
    void turnsEveryKindOfLineBreakAndControlCharacterIntoOneSpace() {
        assertThat(HeaderText.singleLine("Mallory\r\nBcc: victim@example.org")).isEqualTo("Mallory Bcc: victim@example.org");
        assertThat(HeaderText.singleLine("a\rb\nc\u0085d\u2028e\u2029f\tg\u0000h")).isEqualTo("a b c d e f g h");
        assertThat(HeaderText.singleLine("  spaced \r\n\r\n out  ")).isEqualTo("spaced out");
    }

    @Test
    void keepsNonAsciiText() {
        assertThat(HeaderText.singleLine("Café ☕ notes — Zoë")).isEqualTo("Café ☕ notes — Zoë");
    }

    @Test
    void treatsNullAsEmpty() {
        assertThat(HeaderText.singleLine(null)).isEmpty();
    }
}
