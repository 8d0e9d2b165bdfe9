package io.commentflow.posts.blog;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A post page rendered once for every reader, kept as UTF-8 bytes around the reply form's two per-request values
 * (when the form was served, and a nonce), which are written in between for each request. A page without the form
 * (comments closed) is one piece: {@code beforeNonce} and {@code rest} are null.
 * <p>
 * The pieces are also kept compressed, for readers that accept gzip (every browser): a 200-comment page shrinks about
 * tenfold, and serving it costs a copy of 20 KB instead of 200 KB, with no compression per request. Each piece is a
 * run of deflate blocks ending on a byte boundary with the compressor's dictionary reset (a full flush), so a request's
 * own values go in between as stored blocks, and the pieces and values together make one gzip stream.
 */
record RenderedPage(byte[] beforeStartedAt, byte[] beforeNonce, byte[] rest, byte[][] deflated) {

    private static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, Deflater.DEFLATED, 0, 0, 0, 0, 0, 0, (byte) 0xff};

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
            return of(bytes(html), null, null);
        }
        if (startedAt < 0 || nonce < startedAt || html.indexOf(markers.startedAt(), startedAt + 1) >= 0
                || html.indexOf(markers.nonce(), nonce + 1) >= 0) {
            throw new IllegalStateException("post.html must show formStartedAt, then commentNonce, once each");
        }
        return of(bytes(html.substring(0, startedAt)),
                bytes(html.substring(startedAt + markers.startedAt().length(), nonce)),
                bytes(html.substring(nonce + markers.nonce().length())));
    }

    private static RenderedPage of(byte[] beforeStartedAt, byte[] beforeNonce, byte[] rest) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            byte[][] deflated = beforeNonce == null
                    ? new byte[][] {deflate(deflater, beforeStartedAt, true)}
                    : new byte[][] {deflate(deflater, beforeStartedAt, false), deflate(deflater, beforeNonce, false),
                            deflate(deflater, rest, true)};
            return new RenderedPage(beforeStartedAt, beforeNonce, rest, deflated);
        } finally {
            deflater.end();
        }
    }

    int size() {
        int size = beforeStartedAt.length + (beforeNonce == null ? 0 : beforeNonce.length + rest.length);
        for (byte[] piece : deflated) {
            size += piece.length;
        }
        return size;
    }

    void writeTo(HttpServletResponse response, long startedAt, UUID nonce, boolean gzip) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Vary", "Accept-Encoding");
        if (gzip) {
            writeGzipped(response, startedAt, nonce);
            return;
        }
        if (beforeNonce == null) {
            response.setContentLength(beforeStartedAt.length);
            response.getOutputStream().write(beforeStartedAt);
            return;
        }
        byte[] startedAtBytes = bytes(Long.toString(startedAt));
        byte[] nonceBytes = bytes(nonce.toString());
        response.setContentLength(beforeStartedAt.length + startedAtBytes.length + beforeNonce.length
                + nonceBytes.length + rest.length);
        ServletOutputStream out = response.getOutputStream();
        out.write(beforeStartedAt);
        out.write(startedAtBytes);
        out.write(beforeNonce);
        out.write(nonceBytes);
        out.write(rest);
    }

    private void writeGzipped(HttpServletResponse response, long startedAt, UUID nonce) throws IOException {
        response.setHeader("Content-Encoding", "gzip");
        CRC32 crc = new CRC32();
        crc.update(beforeStartedAt);
        long length = beforeStartedAt.length;
        if (beforeNonce == null) {
            byte[] trailer = trailer(crc, length);
            response.setContentLength(GZIP_HEADER.length + deflated[0].length + trailer.length);
            ServletOutputStream out = response.getOutputStream();
            out.write(GZIP_HEADER);
            out.write(deflated[0]);
            out.write(trailer);
            return;
        }
        byte[] startedAtBytes = bytes(Long.toString(startedAt));
        byte[] nonceBytes = bytes(nonce.toString());
        for (byte[] piece : new byte[][] {startedAtBytes, beforeNonce, nonceBytes, rest}) {
            crc.update(piece);
            length += piece.length;
        }
        byte[] startedAtBlock = stored(startedAtBytes);
        byte[] nonceBlock = stored(nonceBytes);
        byte[] trailer = trailer(crc, length);
        response.setContentLength(GZIP_HEADER.length + deflated[0].length + startedAtBlock.length + deflated[1].length
                + nonceBlock.length + deflated[2].length + trailer.length);
        ServletOutputStream out = response.getOutputStream();
        out.write(GZIP_HEADER);
        out.write(deflated[0]);
        out.write(startedAtBlock);
        out.write(deflated[1]);
        out.write(nonceBlock);
        out.write(deflated[2]);
        out.write(trailer);
    }

    /** Raw deflate blocks of {@code data}: the stream's last ones, or ending byte-aligned with a reset dictionary. */
    private static byte[] deflate(Deflater deflater, byte[] data, boolean last) {
        deflater.setInput(data);
        if (last) {
            deflater.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
        byte[] buffer = new byte[16 * 1024];
        while (true) {
            int n = last ? deflater.deflate(buffer) : deflater.deflate(buffer, 0, buffer.length, Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
            if (last ? deflater.finished() : n < buffer.length) {
                return out.toByteArray();
            }
        }
    }

    /** An uncompressed (stored) deflate block, not the last: its header bits padded to a byte, then LEN and NLEN. */
    private static byte[] stored(byte[] data) {
        byte[] block = new byte[5 + data.length];
        block[1] = (byte) data.length;
        block[2] = (byte) (data.length >>> 8);
        block[3] = (byte) ~data.length;
        block[4] = (byte) (~data.length >>> 8);
        System.arraycopy(data, 0, block, 5, data.length);
        return block;
    }

    private static byte[] trailer(CRC32 crc, long length) {
        long value = crc.getValue();
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24),
                (byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)};
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
