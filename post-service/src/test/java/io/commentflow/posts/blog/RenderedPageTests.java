package io.commentflow.posts.blog;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.UUID;

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

        page.writeTo(response, 1_700_000_000_123L, nonce);

        assertThat(response.getContentAsString()).isEqualTo("<p>“Thoughts”</p><input value=\"1700000000123\"><input value=\""
                + nonce + "\"></form>");
        assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
    }

    @Test
    void aPageWithoutTheFormIsWrittenAsItIs() throws Exception {
        RenderedPage page = RenderedPage.split("<p>Comments are closed.</p>", markers);
        MockHttpServletResponse response = new MockHttpServletResponse();

        page.writeTo(response, 1L, UUID.randomUUID());

        assertThat(response.getContentAsString()).isEqualTo("<p>Comments are closed.</p>");
        assertThat(response.getContentLength()).isEqualTo(27);
    }

    @Test
    void refusesATemplateThatShowsAValueTwiceOrOutOfOrder() {
        assertThatIllegalStateException().isThrownBy(() -> RenderedPage.split(markers.startedAt() + markers.nonce()
                + markers.nonce(), markers));
        assertThatIllegalStateException().isThrownBy(() -> RenderedPage.split(markers.nonce() + markers.startedAt(), markers));
        assertThatIllegalStateException().isThrownBy(() -> RenderedPage.split(markers.startedAt(), markers));
    }
}
