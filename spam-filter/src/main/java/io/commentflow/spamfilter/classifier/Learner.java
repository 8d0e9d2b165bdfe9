package io.commentflow.spamfilter.classifier;

import java.util.List;

/** A training algorithm over {@link FeatureExtractor.Vector}s; the result scores spam probability. */
public interface Learner {

    String name();

    /**
     * @param weights per-example weights (1 = a corpus example); learners that cannot weight
     *                examples replicate an example round(weight) times
     */
    Scorer train(List<FeatureExtractor.Vector> xs, boolean[] spam, double[] weights);

    /** An immutable trained model; thread-safe. */
    interface Scorer {
        /** Spam score in [0,1]. */
        double score(FeatureExtractor.Vector v);

        /** Number of non-zero weights, for the memory estimate. */
        default int size() {
            return -1;
        }
    }
}
