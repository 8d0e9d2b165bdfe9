package io.commentflow.intake.submission;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormBodyTests {

    @Test
    void decodesFieldsLikeABrowserEncodesThem() throws Exception {
        byte[] body = "author=Ada+Lovelace&comment=caf%C3%A9+%26+%3Cb%3E&empty=&flag&author=second"
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(FormBody.parse(body, StandardCharsets.UTF_8))
                .containsEntry("author", "Ada Lovelace")
                .containsEntry("comment", "café & <b>")
                .containsEntry("empty", "")
                .containsEntry("flag", "")
                .hasSize(4);
    }

    @Test
    void namesTheFieldWhoseBytesAreNotUtf8() {
        byte[] body = "author=Ada&comment=bad%C3%28bytes".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> FormBody.parse(body, StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(FormBody.MalformedFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("comment"))
                .hasMessage("is not valid UTF-8");
    }

    @Test
    void refusesRawInvalidBytesAndBrokenPercentEncoding() {
        byte[] raw = {'a', 'u', 't', 'h', 'o', 'r', '=', (byte) 0xFF};
        assertThatThrownBy(() -> FormBody.parse(raw, StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(FormBody.MalformedFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("author"));
        assertThatThrownBy(() -> FormBody.parse("url=%G1".getBytes(StandardCharsets.US_ASCII), StandardCharsets.UTF_8))
                .isInstanceOfSatisfying(FormBody.MalformedFieldException.class,
                        e -> assertThat(e.field()).isEqualTo("url"));
    }

    @Test
    void readsTheCharsetOfTheContentType() {
        assertThat(FormBody.charsetOf("application/x-www-form-urlencoded")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(FormBody.charsetOf("application/x-www-form-urlencoded; charset=ISO-8859-1"))
                .isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(FormBody.charsetOf("application/x-www-form-urlencoded;charset=nonsense"))
                .isEqualTo(StandardCharsets.UTF_8);
    }
}
