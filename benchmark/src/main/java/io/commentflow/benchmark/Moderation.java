package io.commentflow.benchmark;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Approves a held comment the way a post author does from the "Please moderate" email: a POST to the signed one-click
 * link ({@code /moderate/<id>/approve?expires=…&sig=hex(HMAC-SHA256(secret, "moderate:<id>:approve:<expires>"))}).
 * Only for the post page's own comments, should spam-filter hold some of them.
 */
final class Moderation {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String postServiceUrl;
    private final String secret;

    Moderation(String postServiceUrl, String secret) {
        this.postServiceUrl = postServiceUrl;
        this.secret = secret;
    }

    /** The comment's state in post-service's public API, or "" while it does not know it. */
    String state(String commentId) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(postServiceUrl + "/api/comments/"
                + commentId)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int at = body.indexOf("\"status\":\"");
        return response.statusCode() != 200 || at < 0 ? "" : body.substring(at + 10, body.indexOf('"', at + 10));
    }

    boolean approve(String commentId) throws IOException, InterruptedException {
        long expires = Instant.now().plusSeconds(3600).getEpochSecond();
        String sig = hmac("moderate:" + commentId + ":approve:" + expires);
        HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(postServiceUrl + "/moderate/"
                        + commentId + "/approve?expires=" + expires + "&sig=" + sig))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() < 400;
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
