package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.spamfilter.classifier.LabeledText;
import io.commentflow.spamfilter.classifier.SpamClassifier;
import io.commentflow.spamfilter.classifier.TrainingData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Making scoring faster must not change a single verdict, score or reason. The fingerprints below were computed with
 * the code as it was before it was optimised (commit 8ac82d1, the straightforward feature extractor kept as
 * {@code ReferenceFeatureExtractor}): every score is hashed bit for bit, so any change to features, training or the
 * model, however small, shows here. If a change to the classifier is meant to change predictions, re-evaluate it
 * ({@code evaluate}) and record the new fingerprints with it.
 */
class PredictionsUnchangedTests {

    /** SHA-256 of the bits of every shipped YouTube comment's score (COMMENT) and every shipped SMS's (SMS). */
    private static final String CORPUS_SCORES = "d9ed62cad941877756465acfb417d8a2797a919c74eb7b151c6de91a2e571c7d";
    /**
     * SHA-256 of what the local phases (default rules, known spammers, classifier) decide for every shipped YouTube
     * comment as stored (HTML-ish): verdict, score bits, reasons and deciding phase.
     */
    private static final String CORPUS_DECISIONS = "1c07313aaf8107b6279bbeea3abf689e11ece5671ac3399f3081d478f3397b68";

    private static SpamClassifier classifier;
    private static TrainingData data;

    @BeforeAll
    static void train() throws IOException {
        data = TrainingData.load();
        classifier = SpamClassifier.train(data.comments(), data.sms());
    }

    @Test
    void theShippedClassifierScoresTheShippedCorpusExactlyAsBefore() {
        Digest digest = new Digest();
        for (LabeledText comment : data.comments()) {
            digest.add(classifier.score(comment.text(), comment.author(), SpamClassifier.Domain.COMMENT));
        }
        for (LabeledText sms : data.sms()) {
            digest.add(classifier.score(sms.text(), sms.author(), SpamClassifier.Domain.SMS));
        }
        assertThat(digest.hex()).isEqualTo(CORPUS_SCORES);
    }

    @Test
    void theLocalPhasesDecideEveryShippedCommentExactlyAsBefore() {
        SpamRules rules = new SpamRules(SpamRules.DEFAULT_DISALLOWED_WORDS, List.of(), SpamRules.DEFAULT_LINKS_TO_HOLD);
        CommentScoring scoring = new CommentScoring(List.of(rules, new KnownSpammers(), new ClassifierPhase(classifier)),
                "v");
        List<CorpusComments.Raw> corpus = CorpusComments.raw();
        Digest digest = new Digest();
        for (int i = 0; i < corpus.size(); i++) {
            CommentSubmitted comment = CorpusComments.submitted(corpus, i);
            Decision decision = scoring.score(comment);
            digest.add(decision.verdict().name());
            digest.add(decision.score());
            decision.reasons().forEach(digest::add);
            digest.add(decision.phase());
        }
        assertThat(corpus).hasSize(1370);
        assertThat(digest.hex()).isEqualTo(CORPUS_DECISIONS);
    }

    private static final class Digest {
        private final MessageDigest sha;

        Digest() {
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void add(double value) {
            sha.update(ByteBuffer.allocate(8).putLong(Double.doubleToRawLongBits(value)).array());
        }

        void add(String value) {
            sha.update(value.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }

        String hex() {
            return HexFormat.of().formatHex(sha.digest());
        }
    }
}
