package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentAuthor;
import io.commentflow.events.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.commentflow.spamfilter.scoring.Comments.comment;
import static org.assertj.core.api.Assertions.assertThat;

class SpamRulesTests {

    private final SpamRules rules =
            new SpamRules(SpamRules.DEFAULT_DISALLOWED_WORDS, List.of("crypto", "limited offer"), 2);

    @Test
    void findsNothingInAnOrdinaryComment() {
        assertThat(rules.examine(comment("Thanks for the write-up, see my notes at https://ada.example.org/notes").build()))
                .isEmpty();
    }

    @Test
    void callsADisallowedWordSpamNamingTheWordInAnyCase() {
        assertThat(rules.examine(comment("Cheap VIAGRA here!").build()))
                .containsExactly(new Finding(Verdict.SPAM, "disallowed word 'viagra' in content"));
    }

    @Test
    void matchesWholeWordsOnlySoASpecialistIsNotCialis() {
        assertThat(rules.examine(comment("Ask a specialist about casinos or pornography studies").build())).isEmpty();
    }

    @Test
    void matchesPhrasesAcrossAnyWhitespace() {
        assertThat(rules.examine(comment("Need a Payday\n  Loan? Call now").build()))
                .containsExactly(new Finding(Verdict.SPAM, "disallowed word 'payday loan' in content"));
    }

    @Test
    void looksForDisallowedWordsInTheAuthorToo() {
        var spammy = comment("Nice post").setAuthor(CommentAuthor.newBuilder()
                .setName("Best Casino").setEmail("win@casino.example").setUrl(null).build()).build();

        assertThat(rules.examine(spammy)).extracting(Finding::reason).containsExactly(
                "disallowed word 'casino' in author name", "disallowed word 'casino' in author email");
    }

    @Test
    void holdsModerationWordsForAModerator() {
        assertThat(rules.examine(comment("Invest in CRYPTO today, limited  offer").build())).extracting(Finding::verdict)
                .containsOnly(Verdict.UNSURE).hasSize(1);
    }

    @Test
    void holdsCommentsWithTwoOrMoreLinks() {
        assertThat(rules.examine(comment("see https://a.example and www.b.example").build()))
                .containsExactly(new Finding(Verdict.UNSURE, "2 links in content (holding at 2)"));
    }

    @Test
    void countsALinkOnceEvenWhenItIsAlsoItsOwnText() {
        assertThat(rules.examine(comment("<a href=\"http://a.example/x\">http://a.example/x</a>").build())).isEmpty();
        assertThat(rules.examine(comment("http://www.a.example/").build())).isEmpty();
    }

    @Test
    void callsAFilledHoneypotSpam() {
        assertThat(rules.examine(comment("Hello").setHoneypot("http://bot.example").build()))
                .containsExactly(new Finding(Verdict.SPAM, "honeypot field filled in"));
        assertThat(rules.examine(comment("Hello").setHoneypot("").build())).isEmpty();
    }

    @Test
    void worksWithEmptyWordLists() {
        SpamRules none = new SpamRules(List.of(), List.of(""), 0);

        assertThat(none.examine(comment("viagra https://a.example https://b.example").build())).isEmpty();
    }
}
