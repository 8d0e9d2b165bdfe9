package io.commentflow.spamfilter.classifier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import de.bwaldvogel.liblinear.SolverType;

/**
 * The statistical phase of the spam filter: a spam score in [0,1] for (text, author) and a
 * three-way {@link Verdict}.
 *
 * <p><b>Model.</b> One L2-regularised logistic regression (LIBLINEAR) over the features of
 * {@link FeatureExtractor}, each binary feature scaled by its naive-Bayes log-count ratio
 * (NB-LR, Wang &amp; Manning 2012), trained on both corpora at once with domain augmentation:
 * every feature exists once shared and once per {@link Domain}, so blog comments (scored as
 * {@link Domain#COMMENT}, the YouTube comment domain) profit from what SMS spam teaches without
 * inheriting the SMS corpus' 13 % spam prior.
 *
 * <p><b>Learning from moderators.</b> {@link #learn} adds a moderator-labeled example (domain
 * COMMENT, weight {@link Options#moderatorWeight()}) and retrains on corpus + all moderator
 * examples; the new model replaces the old one atomically. Scoring never blocks and is
 * thread-safe; learning is serialised (synchronized). {@link #learnAll} adds many examples with
 * one retraining (use it to replay the moderation history at start-up).
 */
public final class SpamClassifier {

    /** Which kind of text a comment is; blog comments are {@link #COMMENT}. */
    public enum Domain {
        COMMENT("comment"), SMS("sms");

        private final String key;

        Domain(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** Everything that shapes training; {@link #DEFAULT} is the configuration chosen by CV. */
    public record Options(FeatureExtractor.Config features, double cost, double nbAlpha, double moderatorWeight,
                          Thresholds thresholds) {
        public static final Options DEFAULT = new Options(FeatureExtractor.Config.DEFAULT, 256, 0.25, 5,
                Thresholds.DEFAULT);

        public Options {
            Objects.requireNonNull(features);
            Objects.requireNonNull(thresholds);
            if (moderatorWeight < 1) {
                throw new IllegalArgumentException("moderatorWeight must be >= 1");
            }
        }

        public Options withThresholds(Thresholds t) {
            return new Options(features, cost, nbAlpha, moderatorWeight, t);
        }

        public Options withModeratorWeight(double w) {
            return new Options(features, cost, nbAlpha, w, thresholds);
        }
    }

    /** A score and the verdict it maps to. */
    public record Result(double score, Verdict verdict) {
    }

    private final Options options;
    private final FeatureExtractor extractor;
    private final LibLinearLearner learner;
    /** Training examples are kept as text (about 1 MB) and re-extracted at each retraining. */
    private record Example(LabeledText text, Domain domain, double weight) {
    }

    private final List<Example> corpus = new ArrayList<>();
    /** Moderator decisions by key (a comment id): a later decision on the same comment replaces the earlier one. */
    private final Map<String, Example> moderated = new java.util.LinkedHashMap<>();
    private long anonymous;
    /** What scoring reads: swapped atomically by retraining. */
    private record State(int weights, Map<Domain, LinearModel> byDomain) {
    }

    private volatile State state;

    private SpamClassifier(Options options) {
        this.options = options;
        this.extractor = new FeatureExtractor(options.features());
        this.learner = new LibLinearLearner(SolverType.L2R_LR, options.cost(), options.nbAlpha());
    }

    /** Trains on labeled comments (domain COMMENT) and labeled SMS (domain SMS); either may be empty. */
    public static SpamClassifier train(Collection<LabeledText> comments, Collection<LabeledText> sms, Options options) {
        SpamClassifier c = new SpamClassifier(options);
        Map<Domain, Collection<LabeledText>> data = new HashMap<>();
        data.put(Domain.COMMENT, comments);
        data.put(Domain.SMS, sms);
        for (Domain d : Domain.values()) {
            for (LabeledText t : data.get(d)) {
                c.corpus.add(new Example(t, d, 1));
            }
        }
        if (c.corpus.stream().map(e -> e.text().spam()).distinct().count() < 2) {
            throw new IllegalArgumentException("need both spam and ham examples to train");
        }
        c.retrain();
        return c;
    }

    public static SpamClassifier train(Collection<LabeledText> comments, Collection<LabeledText> sms) {
        return train(comments, sms, Options.DEFAULT);
    }

    private FeatureExtractor.Vector vector(String text, String author, Domain d) {
        return FeatureExtractor.augment(extractor.extract(text, author), d.key());
    }

    /** Domain-augmented features for training (shared copy + domain copy). */
    FeatureExtractor.Vector trainingVector(String text, String author, Domain d) {
        return vector(text, author, d);
    }

    /** Spam score of a blog comment in [0,1]. Thread-safe, never blocks. */
    public double score(String text, String author) {
        return score(text, author, Domain.COMMENT);
    }

    public double score(String text, String author, Domain domain) {
        // the per-domain model already sums the shared and the domain weight of each feature
        return state.byDomain().get(domain).score(extractor.extract(text, author));
    }

    public Result classify(String text, String author) {
        return classify(text, author, Domain.COMMENT);
    }

    public Result classify(String text, String author, Domain domain) {
        double s = score(text, author, domain);
        return new Result(s, options.thresholds().verdict(s));
    }

    public Verdict verdict(String text, String author) {
        return classify(text, author).verdict();
    }

    public Thresholds thresholds() {
        return options.thresholds();
    }

    public Options options() {
        return options;
    }

    /**
     * A moderator's decision on a blog comment: {@code example.spam()} true for SPAM, false for
     * NOT_SPAM. Retrains from scratch before returning (about 2 s of CPU with the shipped corpus); the new
     * model is live afterwards.
     */
    public void learn(LabeledText example) {
        learnAll(List.of(example));
    }

    /**
     * Like {@link #learn(LabeledText)}, keyed by the comment id: a later decision with the same
     * key (a moderator changing their mind) replaces the earlier one instead of adding to it.
     */
    public void learn(String commentId, LabeledText example) {
        learnAll(Map.of(commentId, example));
    }

    /** Several moderator decisions, one retraining. */
    public synchronized void learnAll(Collection<LabeledText> examples) {
        Map<String, LabeledText> keyed = new java.util.LinkedHashMap<>();
        for (LabeledText t : examples) {
            keyed.put("\u0000anonymous-" + (anonymous++), t);
        }
        learnAll(keyed);
    }

    /** Several keyed moderator decisions (comment id to decision), one retraining; replay the history with this at start-up. */
    public synchronized void learnAll(Map<String, LabeledText> decisions) {
        decisions.forEach((id, t) -> moderated.put(Objects.requireNonNull(id, "commentId"),
                new Example(Objects.requireNonNull(t, "example"), Domain.COMMENT, options.moderatorWeight())));
        retrain();
    }

    public synchronized int moderatorExamples() {
        return moderated.size();
    }

    /** Number of weights in the live model (for the memory estimate). */
    public int modelSize() {
        return state.weights();
    }

    /** Approximate heap taken by the live scoring tables, in bytes. */
    public long modelBytes() {
        return state.byDomain().values().stream().mapToLong(LinearModel::bytes).sum();
    }

    /** The live per-domain model (immutable; replaced, never changed, by learning). */
    public LinearModel model(Domain domain) {
        return state.byDomain().get(domain);
    }

    private synchronized void retrain() {
        int n = corpus.size() + moderated.size();
        List<FeatureExtractor.Vector> xs = new ArrayList<>(n);
        boolean[] y = new boolean[n];
        double[] w = new double[n];
        LongIndex base = new LongIndex(1 << 16);
        int i = 0;
        for (Collection<Example> list : List.of(corpus, moderated.values())) {
            for (Example e : list) {
                FeatureExtractor.Vector v = extractor.extract(e.text().text(), e.text().author());
                for (long k : v.keys()) {
                    base.idOf(k);
                }
                xs.add(FeatureExtractor.augment(v, e.domain().key()));
                y[i] = e.text().spam();
                w[i] = e.weight();
                i++;
            }
        }
        LinearModel augmented = learner.train(xs, y, w);
        // collapse: score_d(x) = sum_f x_f * s * (W(f) + W(aug_d(f))), s = sqrt(1/2) as in augment()
        long[] keys = base.keysById();
        Map<Domain, LinearModel> byDomain = new java.util.EnumMap<>(Domain.class);
        for (Domain d : Domain.values()) {
            double[] cw = new double[keys.length];
            for (int f = 0; f < keys.length; f++) {
                cw[f] = FeatureExtractor.AUGMENT_SCALE
                        * (augmented.weight(keys[f]) + augmented.weight(FeatureExtractor.augmentedKey(keys[f], d.key())));
            }
            byDomain.put(d, new LinearModel(keys, cw, 1.0));
        }
        state = new State(augmented.size(), byDomain);
    }
}
