package io.commentflow.posts.post;

import java.util.Map;

/** A post was refused; {@link #errors()} names each field that is wrong and why. */
public class InvalidPost extends IllegalArgumentException {

    private final transient Map<String, String> errors;

    InvalidPost(Map<String, String> errors) {
        super(String.join("; ", errors.values()));
        this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
        return errors;
    }
}
