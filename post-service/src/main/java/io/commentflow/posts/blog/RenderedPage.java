package io.commentflow.posts.blog;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A post page rendered once for every reader, kept as UTF-8 bytes around the reply form's two per-request values
 * (when the form was served, and a nonce), which are written in between for each request. A page without the form
 * (comments closed) is one piece: {@code beforeNonce} and {@code rest} are null.
 */
record RenderedPage(byte[] beforeStartedAt, byte[] beforeNonce, byte[] rest) {

    /** Values the page is rendered with, to be found again in the HTML; random, so no content can forge them. */
    record Markers(String startedAt, String nonce) {

        static Markers random() {
            return new Markers("form-started-at-" + UUID.randomUUID(), "comment-nonce-" + UUID.randomUUID());
        }
    }

    static RenderedPage split(String html, Markers markers) {
        int startedAt = html.indexOf(markers.startedAt());
        int nonce = html.indexOf(markers.nonce());
        if (startedAt < 0 && nonce < 0) {
            return new RenderedPage(bytes(html), null, null);
        }
        if (startedAt < 0 || nonce < startedAt || html.indexOf(markers.startedAt(), startedAt + 1) >= 0
                || html.indexOf(markers.nonce(), nonce + 1) >= 0) {
            throw new IllegalStateException("post.html must show formStartedAt, then commentNonce, once each");
        }
        return new RenderedPage(bytes(html.substring(0, startedAt)),
                bytes(html.substring(startedAt + markers.startedAt().length(), nonce)),
                bytes(html.substring(nonce + markers.nonce().length())));
    }

    int size() {
        return beforeStartedAt.length + (beforeNonce == null ? 0 : beforeNonce.length + rest.length);
    }

    void writeTo(HttpServletResponse response, long startedAt, UUID nonce) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        if (beforeNonce == null) {
            response.setContentLength(size());
            response.getOutputStream().write(beforeStartedAt);
            return;
        }
        byte[] startedAtBytes = bytes(Long.toString(startedAt));
        byte[] nonceBytes = bytes(nonce.toString());
        response.setContentLength(size() + startedAtBytes.length + nonceBytes.length);
        ServletOutputStream out = response.getOutputStream();
        out.write(beforeStartedAt);
        out.write(startedAtBytes);
        out.write(beforeNonce);
        out.write(nonceBytes);
        out.write(rest);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
