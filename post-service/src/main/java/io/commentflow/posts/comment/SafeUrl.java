package io.commentflow.posts.comment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Keeps only web addresses a page may link to: absolute http or https URLs with a host. */
final class SafeUrl {

    private SafeUrl() {
    }

    static String httpOrNull(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String candidate = url.strip();
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null ? candidate : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
