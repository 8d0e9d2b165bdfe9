package io.commentflow.posts.comment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeUrlTests {

    @Test
    void keepsWebAddresses() {
        assertThat(SafeUrl.httpOrNull(" https://reader.example/about ")).isEqualTo("https://reader.example/about");
        assertThat(SafeUrl.httpOrNull("HTTP://reader.example")).isEqualTo("HTTP://reader.example");
    }

    @Test
    void dropsAnythingElse() {
        assertThat(SafeUrl.httpOrNull("javascript:alert(1)")).isNull();
        assertThat(SafeUrl.httpOrNull("data:text/html,<script>")).isNull();
        assertThat(SafeUrl.httpOrNull("//reader.example")).isNull();
        assertThat(SafeUrl.httpOrNull("reader.example")).isNull();
        assertThat(SafeUrl.httpOrNull("http://")).isNull();
        assertThat(SafeUrl.httpOrNull(null)).isNull();
    }
}
