package io.commentflow.spamfilter.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SpamClassifierTests {

    private static TrainingData data;

    @BeforeAll
    static void load() {
        try {
            data = TrainingData.load();
        } catch (IOException e) {
            data = null;
        }
    }

    private static SpamClassifier trained() {
        assumeTrue(data != null, "training data not available");
        return SpamClassifier.train(data.comments(), data.sms());
    }

    /** A small corpus for tests that need a model but not a good one. */
    private static SpamClassifier tiny() {
        List<LabeledText> comments = List.of(
                LabeledText.spam("check out my channel and subscribe http://spam.example.com", "Promo"),
                LabeledText.spam("subscribe to my channel please, free gift cards", null),
                LabeledText.ham("love this song so much", "Ann"),
                LabeledText.ham("her voice is amazing in the chorus", "Bob"));
        List<LabeledText> sms = List.of(
                LabeledText.spam("WINNER! call 09061701461 to claim your £900 prize", null),
                LabeledText.ham("ok see you at lunch", null));
        return SpamClassifier.train(comments, sms);
    }

    @Test
    void scoresAreProbabilitiesAndVerdictsFollowTheThresholds() {
        SpamClassifier c = tiny();
        for (String s : List.of("", "love this song", "subscribe to my channel http://x.example.com", "😀😀😀")) {
            SpamClassifier.Result r = c.classify(s, null);
            assertTrue(r.score() >= 0 && r.score() <= 1, () -> s + " -> " + r.score());
            assertEquals(c.thresholds().verdict(r.score()), r.verdict());
        }
        assertTrue(c.score("subscribe to my channel free gift", null) > c.score("love the chorus of this song", null));
    }

    @Test
    void refusesToTrainOnOneClassOnly() {
        assertThrows(IllegalArgumentException.class,
                () -> SpamClassifier.train(List.of(LabeledText.ham("a", null)), List.of()));
    }

    @Test
    void separatesObviousSpamFromObviousHam() {
        SpamClassifier c = trained();
        assertEquals(Verdict.SPAM, c.verdict("Check out my channel!! Subscribe for free iPhone giveaway http://bit.ly/xyz", null));
        assertEquals(Verdict.HAM, c.verdict("This song brings back so many memories, her voice is beautiful", null));
    }

    @Test
    void aNewCampaignIsCaughtAfterModeratorsMarkItSpamAFewTimes() {
        SpamClassifier c = trained();
        String[] campaign = {
            "Greetings from the Velmora Beach resort family, we play this song at breakfast every morning",
            "Greetings from the Velmora Beach resort family, we play this song at the pool every afternoon",
            "Greetings from the Velmora Beach resort family, we play this song at dinner every evening",
        };
        String next = "Greetings from the Velmora Beach resort family, we play this song at the beach bar every night";
        String[] ordinary = {
            "Greetings from Brazil, love this song",
            "I play this song every morning at breakfast",
            "This is my summer anthem, see you all at the beach party",
        };
        // the campaign looks like ordinary fan comments: the model lets it through at first
        assertEquals(Verdict.HAM, c.verdict(next, "Velmora Resort"));

        for (String s : campaign) {
            c.learn(LabeledText.spam(s, "Velmora Resort"));
        }
        assertEquals(3, c.moderatorExamples());
        assertEquals(Verdict.SPAM, c.verdict(next, "Velmora Resort"), () -> "score " + c.score(next, "Velmora Resort"));
        assertEquals(Verdict.SPAM, c.verdict(next, null), () -> "score without author " + c.score(next, null));
        // ... without dragging ordinary comments that share words with it
        for (String s : ordinary) {
            assertEquals(Verdict.HAM, c.verdict(s, null), () -> s + " scored " + c.score(s, null));
        }
    }

    @Test
    void notSpamDecisionsReleaseAFalsePositivePattern() {
        SpamClassifier c = trained();
        String[] legit = {
            "My piano cover of this song is on my channel, the sheet music link is in the description",
            "I made a piano cover of this song on my channel, the sheet music is in the description",
            "Piano cover of this song on my channel, sheet music in the description",
        };
        String next = "My piano cover of this is on my channel now, sheet music link in the description";
        Verdict before = c.verdict(next, null);
        assertNotEquals(Verdict.HAM, before, () -> "score " + c.score(next, null));
        c.learnAll(List.of(LabeledText.ham(legit[0], null), LabeledText.ham(legit[1], null), LabeledText.ham(legit[2], null)));
        assertEquals(Verdict.HAM, c.verdict(next, null), () -> "score " + c.score(next, null));
    }

    @Test
    void aLaterDecisionOnTheSameCommentReplacesTheEarlierOne() {
        SpamClassifier c = tiny();
        String text = "join my fan club at fanclub example dot org";
        c.learn("comment-1", LabeledText.spam(text, null));
        double asSpam = c.score(text, null);
        c.learn("comment-1", LabeledText.ham(text, null));
        assertEquals(1, c.moderatorExamples());
        assertTrue(c.score(text, null) < asSpam);
        c.learn(LabeledText.ham("another one", null));
        c.learn(LabeledText.ham("another one", null));
        assertEquals(3, c.moderatorExamples());
    }

    @Test
    void scoringIsSafeWhileLearning() throws Exception {
        SpamClassifier c = tiny();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        AtomicBoolean learning = new AtomicBoolean(true);
        try {
            List<Future<Integer>> scorers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                scorers.add(pool.submit(() -> {
                    int n = 0;
                    do {
                        double s = c.score("subscribe to my channel number " + n, "x");
                        if (!(s >= 0 && s <= 1)) {
                            throw new AssertionError("score " + s);
                        }
                        n++;
                    } while (learning.get() || n < 100);
                    return n;
                }));
            }
            for (int i = 0; i < 20; i++) {
                c.learn(i % 2 == 0 ? LabeledText.spam("campaign message " + i, null) : LabeledText.ham("normal message " + i, null));
            }
            learning.set(false);
            for (Future<Integer> f : scorers) {
                assertTrue(f.get(30, TimeUnit.SECONDS) >= 100);
            }
            assertEquals(20, c.moderatorExamples());
        } finally {
            pool.shutdownNow();
        }
    }
}
