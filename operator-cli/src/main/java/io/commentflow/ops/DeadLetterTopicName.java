package io.commentflow.ops;

/** A topic and its dead-letter topic, from either name: {@code comment-submitted} or {@code comment-submitted-dlt}. */
record DeadLetterTopicName(String source, String deadLetter) {

    private static final String SUFFIX = "-dlt";

    static DeadLetterTopicName of(String name) {
        if (name.endsWith(SUFFIX) && name.length() > SUFFIX.length()) {
            return new DeadLetterTopicName(name.substring(0, name.length() - SUFFIX.length()), name);
        }
        return new DeadLetterTopicName(name, name + SUFFIX);
    }
}
