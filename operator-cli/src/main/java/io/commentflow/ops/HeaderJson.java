package io.commentflow.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Header values and keys as JSON: text when the bytes are printable UTF-8, otherwise {"base64": "..."}. */
final class HeaderJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private HeaderJson() {
    }

    static JsonNode of(byte[] bytes) {
        if (bytes == null) {
            return NODES.nullNode();
        }
        String text = utf8(bytes);
        if (text != null) {
            return NODES.textNode(text);
        }
        return NODES.objectNode().put("base64", Base64.getEncoder().encodeToString(bytes));
    }

    /** The bytes as text, or null when they are not UTF-8 or hold control characters other than tab and newlines. */
    static String utf8(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return null;
            }
        }
        return text;
    }
}
