package io.commentflow.intake.submission;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Links into post-service, and the judgement of which redirect targets belong to it (no open redirect). */
final class PostServiceLinks {

    private final URI base;
    private final String baseText;

    PostServiceLinks(String baseUrl) {
        String trimmed = baseUrl.strip();
        this.baseText = trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        this.base = URI.create(baseText);
        if (base.getScheme() == null || base.getHost() == null) {
            throw new IllegalArgumentException("post-service URL must be absolute: " + baseUrl);
        }
    }

    /** Where a client follows a comment's state. */
    URI commentStatus(UUID commentId) {
        return URI.create(baseText + "/api/comments/" + commentId);
    }

    URI home() {
        return URI.create(baseText + "/");
    }

    /** {@code target} with its fragment replaced by the comment's anchor, if {@code target} is post-service's. */
    Optional<URI> commentAnchor(String target, UUID commentId) {
        return own(target).map(uri -> atComment(uri, commentId, null));
    }

    /**
     * Where a form post goes back to: {@code target} at the new comment's anchor; with a pending token, also
     * {@code ?unapproved=<id>&moderation-hash=<token>} (WordPress's parameter names), replacing any already there.
     */
    static URI atComment(URI target, UUID commentId, String pendingToken) {
        String text = target.toString();
        int hash = text.indexOf('#');
        String withoutFragment = hash < 0 ? text : text.substring(0, hash);
        if (pendingToken != null) {
            int question = withoutFragment.indexOf('?');
            String path = question < 0 ? withoutFragment : withoutFragment.substring(0, question);
            List<String> params = new ArrayList<>();
            if (question >= 0) {
                for (String param : withoutFragment.substring(question + 1).split("&")) {
                    String name = param.split("=", 2)[0];
                    if (!param.isEmpty() && !name.equals("unapproved") && !name.equals("moderation-hash")) {
                        params.add(param);
                    }
                }
            }
            params.add("unapproved=" + commentId);
            params.add("moderation-hash=" + pendingToken);
            withoutFragment = path + "?" + String.join("&", params);
        }
        return URI.create(withoutFragment + "#comment-" + commentId);
    }

    /**
     * The target as a URI when it points into post-service: same scheme, host and port, and a path under the base
     * path. Comparing parsed parts, not string prefixes, refuses look-alikes such as
     * {@code http://localhost:8080.evil.example/} and {@code http://localhost:8080@evil.example/}.
     */
    Optional<URI> own(String target) {
        if (target == null || target.isBlank() || target.chars().anyMatch(c -> c <= ' ')) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(target);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (!uri.isAbsolute() || uri.getRawUserInfo() != null || uri.getHost() == null
                || !uri.getScheme().equalsIgnoreCase(base.getScheme())
                || !uri.getHost().equalsIgnoreCase(base.getHost())
                || port(uri) != port(base)) {
            return Optional.empty();
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!basePath.isEmpty() && !path.equals(basePath) && !path.startsWith(basePath + "/")) {
            return Optional.empty();
        }
        return Optional.of(uri);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
    }
}
