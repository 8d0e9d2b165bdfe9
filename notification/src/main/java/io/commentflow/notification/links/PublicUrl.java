package io.commentflow.notification.links;

import java.net.URI;
import java.util.Locale;

/** A configured public base URL (http or https, no query), without its trailing slash. */
final class PublicUrl {

    private PublicUrl() {
    }

    static String base(String url, String propertyName) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(propertyName + " is not set");
        }
        String trimmed = url.strip();
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(propertyName + " is not a valid URL", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalStateException(propertyName + " must be an http(s) URL without query or fragment");
        }
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
