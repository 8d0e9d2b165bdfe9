package io.commentflow.posts.comment;

import io.commentflow.events.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CommentTriageTests {

    @ParameterizedTest(name = "{0} with parent {1} is {2}")
    @CsvSource({
            "HAM,    NONE,         APPROVED",
            "HAM,    APPROVED,     APPROVED",
            "HAM,    NOT_APPROVED, PENDING",
            "HAM,    UNKNOWN,      PENDING",
            "UNSURE, NONE,         PENDING",
            "UNSURE, APPROVED,     PENDING",
            "SPAM,   NONE,         SPAM",
            "SPAM,   APPROVED,     SPAM",
            "SPAM,   UNKNOWN,      SPAM",
    })
    void decidesStatusFromVerdictAndParent(Verdict verdict, CommentTriage.Parent parent, CommentStatus expected) {
        assertThat(CommentTriage.statusFor(verdict, parent)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on a post not accepting comments is {1}")
    @CsvSource({
            "HAM,    PENDING",
            "UNSURE, PENDING",
            "SPAM,   SPAM",
    })
    void holdsCommentsForPostsThatNoLongerAcceptCommentsInsteadOfLosingThem(Verdict verdict, CommentStatus expected) {
        assertThat(CommentTriage.statusFor(verdict, CommentTriage.Parent.NONE, false)).isEqualTo(expected);
    }
}
