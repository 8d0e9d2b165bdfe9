package io.commentflow.spamfilter.akismet;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.CommentSubmitted;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A submitted comment as Akismet's form fields. Akismet judges better the more it is told, so everything intake
 * recorded goes, email and client address included: to Akismet only, never to a log.
 */
final class AkismetFields {

    private final AkismetProperties properties;

    AkismetFields(AkismetProperties properties) {
        this.properties = properties;
    }

    Map<String, String> of(CommentSubmitted comment) {
        CommentAuthor author = comment.getAuthor();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("blog", properties.blog());
        fields.put("user_ip", author.getIp());
        fields.put("user_agent", author.getUserAgent());
        fields.put("referrer", comment.getReferrer());
        fields.put("permalink", properties.permalink().replace("{postId}", comment.getPostId().toString()));
        fields.put("comment_type", comment.getParentId() == null ? "comment" : "reply");
        fields.put("comment_author", author.getName());
        fields.put("comment_author_email", author.getEmail());
        fields.put("comment_author_url", author.getUrl());
        fields.put("comment_content", comment.getContent());
        fields.put("comment_date_gmt", comment.getSubmittedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        fields.put("blog_lang", properties.blogLang());
        fields.put("blog_charset", "UTF-8");
        // Akismet's honeypot convention: the trap field's name, and its value under that name
        fields.put("honeypot_field_name", properties.honeypotFieldName());
        fields.put(properties.honeypotFieldName(), comment.getHoneypot() == null ? "" : comment.getHoneypot());
        fields.values().removeIf(value -> value == null);
        return fields;
    }
}
