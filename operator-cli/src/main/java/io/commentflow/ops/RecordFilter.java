package io.commentflow.ops;

import io.commentflow.schemas.Topic;
import io.commentflow.schemas.Topics;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Selects records about one post and/or one comment. A record is about a post when the key of a post-keyed topic
 * is its id, or the value's {@code postId}, {@code comment.postId} or {@code post.postId} is; about a comment when
 * the value's {@code commentId} or {@code comment.commentId} is its id, or the key of a comment-keyed topic is.
 * Both ids given: both must match. Neither given: everything matches.
 */
record RecordFilter(UUID postId, UUID commentId) {

    private static final List<String[]> POST_ID_FIELDS =
            List.of(new String[] {"postId"}, new String[] {"comment", "postId"}, new String[] {"post", "postId"});
    private static final List<String[]> COMMENT_ID_FIELDS =
            List.of(new String[] {"commentId"}, new String[] {"comment", "commentId"});

    boolean matches(DecodedRecord record) {
        return (postId == null || about(record, postId, "post id", POST_ID_FIELDS))
                && (commentId == null || about(record, commentId, "comment id", COMMENT_ID_FIELDS));
    }

    private static boolean about(DecodedRecord record, UUID id, String keyMeaning, List<String[]> fields) {
        String wanted = id.toString();
        Topic<?> topic = Topics.byName(record.raw().topic()).orElse(null);
        byte[] key = record.raw().key();
        if (topic != null && topic.key().equals(keyMeaning) && key != null
                && wanted.equalsIgnoreCase(new String(key, StandardCharsets.UTF_8).strip())) {
            return true;
        }
        for (String[] path : fields) {
            Object value = field(record.value(), path);
            if (value != null && wanted.equalsIgnoreCase(value.toString())) {
                return true;
            }
        }
        return false;
    }

    private static Object field(Object value, String[] path) {
        Object current = value;
        for (String name : path) {
            if (!(current instanceof IndexedRecord record)) {
                return null;
            }
            Schema.Field field = record.getSchema().getField(name);
            if (field == null) {
                return null;
            }
            current = record.get(field.pos());
        }
        return current;
    }
}
