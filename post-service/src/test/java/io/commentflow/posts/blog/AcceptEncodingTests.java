package io.commentflow.posts.blog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcceptEncodingTests {

    @Test
    void browsersAcceptGzip() {
        assertThat(AcceptEncoding.allowsGzip("gzip, deflate, br, zstd")).isTrue(); // Chrome
        assertThat(AcceptEncoding.allowsGzip("gzip, deflate, br")).isTrue(); // Firefox, Safari
        assertThat(AcceptEncoding.allowsGzip("GZIP;q=0.5, identity")).isTrue();
        assertThat(AcceptEncoding.allowsGzip("x-gzip")).isTrue();
        assertThat(AcceptEncoding.allowsGzip("br;q=1.0, *;q=0.1")).isTrue();
    }

    @Test
    void noHeaderOrGzipRefusedMeansThePlainPage() {
        assertThat(AcceptEncoding.allowsGzip(null)).isFalse();
        assertThat(AcceptEncoding.allowsGzip("")).isFalse();
        assertThat(AcceptEncoding.allowsGzip("identity")).isFalse();
        assertThat(AcceptEncoding.allowsGzip("br, deflate")).isFalse();
        assertThat(AcceptEncoding.allowsGzip("gzip;q=0, *")).isFalse();
        assertThat(AcceptEncoding.allowsGzip("*;q=0")).isFalse();
        assertThat(AcceptEncoding.allowsGzip("gzip;q=zero")).isFalse();
    }
}
