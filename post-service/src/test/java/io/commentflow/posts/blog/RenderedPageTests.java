package io.commentflow.posts.blog;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RenderedPageTests {

    private final RenderedPage.Markers markers = RenderedPage.Markers.random();

    @Test
    void writesEachRequestsOwnFormValuesIntoTheSharedPage() throws Exception {
        RenderedPage page = RenderedPage.split("<p>“Thoughts”</p><input value=\"" + markers.startedAt()
                + "\"><input value=\"" + markers.nonce() + "\"></form>", markers);
        UUID nonce = UUID.randomUUID();
        MockHttpServletResponse response = new MockHttpServletResponse();

        page.writeTo(response, 1_700_000_000_123L, nonce, false);

        assertThat(response.getContentAsString()).isEqualTo("<p>“Thoughts”</p><input value=\"1700000000123\"><input value=\""
                + nonce + "\"></form>");
        assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
    }

    @Test
    void aPageWithoutTheFormIsWrittenAsItIs() throws Exception {
        RenderedPage page = RenderedPage.split("<p>Comments are closed.</p>", markers);
        MockHttpServletResponse response = new MockHttpServletResponse();

        page.writeTo(response, 1L, UUID.randomUUID(), false);

        assertThat(response.getContentAsString()).isEqualTo("<p>Comments are closed.</p>");
        assertThat(response.getContentLength()).isEqualTo(27);
    }

    @Test
    void aReaderAcceptingGzipGetsTheSamePageCompressedWithItsOwnValues() throws Exception {
        // big enough for the compressor to emit several blocks, with characters beyond ASCII on every side
        String comments = "<li>Ünïcödé “quotes” and a long comment that repeats itself. ".repeat(5_000);
        RenderedPage page = RenderedPage.split(comments + "<input value=\"" + markers.startedAt() + "\">" + comments
                + "<input value=\"" + markers.nonce() + "\"></form>" + comments, markers);
        UUID nonce = UUID.randomUUID();
        MockHttpServletResponse plain = new MockHttpServletResponse();
        MockHttpServletResponse gzipped = new MockHttpServletResponse();

        page.writeTo(plain, 1_700_000_000_123L, nonce, false);
        page.writeTo(gzipped, 1_700_000_000_123L, nonce, true);

        assertThat(gzipped.getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(plain.getHeader("Content-Encoding")).isNull();
        assertThat(gzipped.getHeader("Vary")).isEqualTo("Accept-Encoding");
        assertThat(plain.getHeader("Vary")).isEqualTo("Accept-Encoding");
        assertThat(gzipped.getContentLength()).isEqualTo(gzipped.getContentAsByteArray().length)
                .isLessThan(plain.getContentLength() / 10);
        byte[] unzipped = gunzip(gzipped.getContentAsByteArray());
        assertThat(unzipped).isEqualTo(plain.getContentAsByteArray());
        assertThat(new String(unzipped, StandardCharsets.UTF_8)).contains("value=\"1700000000123\"")
                .contains("value=\"" + nonce + "\"");
    }

    @Test
    void aPageWithoutTheFormIsCompressedWholeForAReaderAcceptingGzip() throws Exception {
        RenderedPage page = RenderedPage.split("<p>Comments are closed. “Ünïcödé”</p>", markers);
        MockHttpServletResponse response = new MockHttpServletResponse();

        page.writeTo(response, 1L, UUID.randomUUID(), true);

        assertThat(new String(gunzip(response.getContentAsByteArray()), StandardCharsets.UTF_8))
                .isEqualTo("<p>Comments are closed. “Ünïcödé”</p>");
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        // GZIPInputStream checks the trailer (CRC-32 and length) and fails on anything after the one member
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    @Test
    void refusesATemplateThatShowsAValueTwiceOrOutOfOrder() {
        assertThatIllegalStateException().isThrownBy(() -> RenderedPage.split(markers.startedAt() + markers.nonce()
                + markers.nonce(), markers));
        assertThatIllegalStateException().isThrownBy(() -> RenderedPage.split(markers.nonce() + markers.startedAt(), markers));
        assertThatIllegalStateException().isThrownBy(() -> RenderedPage.split(markers.startedAt(), markers));
    }
}
