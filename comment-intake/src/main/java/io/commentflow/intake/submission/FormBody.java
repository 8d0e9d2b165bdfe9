package io.commentflow.intake.submission;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body decoded strictly: a field whose bytes are not valid in the
 * charset (UTF-8 unless the request says otherwise) is refused by name instead of silently becoming U+FFFD, which is
 * what a servlet container's parameter parsing does. When a field repeats, the first value counts.
 */
final class FormBody {

    /** A field that cannot be decoded; {@code field} is its name, or {@code body} when even that is unreadable. */
    static final class MalformedFieldException extends Exception {

        private final String field;

        MalformedFieldException(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    private FormBody() {
    }

    static Map<String, String> parse(byte[] body, Charset charset) throws MalformedFieldException {
        Map<String, String> fields = new LinkedHashMap<>();
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '&', start);
            if (end > start) {
                int eq = indexOf(body, (byte) '=', start);
                int nameEnd = eq >= 0 && eq < end ? eq : end;
                String name = decode(body, start, nameEnd, charset, "body");
                String value = nameEnd < end ? decode(body, nameEnd + 1, end, charset, name) : "";
                fields.putIfAbsent(name, value);
            }
            start = end + 1;
        }
        return Collections.unmodifiableMap(fields);
    }

    private static int indexOf(byte[] body, byte b, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return body.length;
    }

    private static String decode(byte[] body, int from, int to, Charset charset, String field)
            throws MalformedFieldException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            byte b = body[i];
            if (b == '+') {
                bytes.write(' ');
            } else if (b == '%') {
                if (i + 2 >= to || Character.digit(body[i + 1], 16) < 0 || Character.digit(body[i + 2], 16) < 0) {
                    throw new MalformedFieldException(field, "is not properly percent-encoded");
                }
                bytes.write(Character.digit(body[i + 1], 16) * 16 + Character.digit(body[i + 2], 16));
                i += 2;
            } else {
                bytes.write(b);
            }
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedFieldException(field, "is not valid " + charset.name());
        }
    }

    /** The charset named in a {@code Content-Type}, UTF-8 when none or an unknown one is. */
    static Charset charsetOf(String contentType) {
        if (contentType != null) {
            for (String param : contentType.split(";")) {
                String[] pair = param.strip().split("=", 2);
                if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
                    try {
                        return Charset.forName(pair[1].strip().replace("\"", ""));
                    } catch (IllegalArgumentException e) {
                        return StandardCharsets.UTF_8;
                    }
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
