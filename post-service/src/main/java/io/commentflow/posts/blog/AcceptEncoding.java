package io.commentflow.posts.blog;

import java.util.Locale;

/** Whether a request's {@code Accept-Encoding} (RFC 9110 §12.5.3) lets a response be gzip-compressed. */
final class AcceptEncoding {

    private AcceptEncoding() {
    }

    /** True if gzip (or {@code x-gzip}, or {@code *} without gzip refused) is listed with a non-zero weight. */
    static boolean allowsGzip(String header) {
        if (header == null || header.isBlank()) {
            return false;
        }
        Boolean gzip = null;
        Boolean any = null;
        for (String entry : header.split(",")) {
            String[] parts = entry.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean allowed = weight(parts) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = allowed;
            } else if (coding.equals("*")) {
                any = allowed;
            }
        }
        return gzip != null ? gzip : any != null && any;
    }

    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.length() > 2 && (parameter.charAt(0) == 'q' || parameter.charAt(0) == 'Q')
                    && parameter.charAt(1) == '=') {
                try {
                    return Double.parseDouble(parameter.substring(2).trim());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
