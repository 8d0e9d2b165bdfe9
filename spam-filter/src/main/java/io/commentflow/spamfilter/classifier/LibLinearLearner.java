package io.commentflow.spamfilter.classifier;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * Linear model trained by LIBLINEAR (liblinear-java 2.44, the solver Tribuo's linear models
 * wrap): L2-regularised logistic regression by default, optionally on NB-scaled features.
 *
 * <p>NB scaling (NB-LR/NB-SVM, Wang &amp; Manning 2012; {@code nbAlpha > 0}): every binary
 * feature f is multiplied by |r_f|, r_f = log((s_f+α)/|s| / ((h_f+α)/|h|)), s_f/h_f the
 * (weighted) number of spam/ham training examples with f, |s|,|h| the totals over all features.
 * The scaling is folded into the weights afterwards, so the result is one plain
 * {@link LinearModel}.
 *
 * <p>liblinear-java has no per-example weights: an example of weight w is replicated round(w)
 * times (w &gt;= 1); the NB counts use the weights directly.
 */
public final class LibLinearLearner implements Learner {

    static {
        Linear.disableDebugOutput();
    }

    private final SolverType type;
    private final double cost;
    private final double nbAlpha;
    private final double eps;

    public LibLinearLearner() {
        this(SolverType.L2R_LR, 4, 0);
    }

    public LibLinearLearner(SolverType type, double cost, double nbAlpha) {
        this(type, cost, nbAlpha, 0.01);
    }

    public LibLinearLearner(SolverType type, double cost, double nbAlpha, double eps) {
        this.type = type;
        this.cost = cost;
        this.nbAlpha = nbAlpha;
        this.eps = eps;
    }

    @Override
    public String name() {
        return (nbAlpha > 0 ? "nb(alpha=" + nbAlpha + ")-" : "") + "liblinear-" + type + "-C" + cost;
    }

    /**
     * Always solves from w = 0. (A warm start from the previous solution is NOT equivalent here:
     * LIBLINEAR's Newton solver stops at |g| &lt;= eps * min(pos,neg)/l * |g(0)|, and with C=256 that
     * early stop from zero is part of what cross-validation tuned; started from an old solution it
     * stops after one step at a different, worse point - measured: a moderator example then pushed
     * unrelated ham to 0.99.)
     */
    @Override
    public LinearModel train(List<FeatureExtractor.Vector> xs, boolean[] spam, double[] weights) {
        int total = 0;
        for (FeatureExtractor.Vector v : xs) {
            total += v.size();
        }
        LongIndex index = new LongIndex(Math.max(16, total / 4));
        int[][] ids = new int[xs.size()][];
        int rows = 0;
        for (int i = 0; i < xs.size(); i++) {
            FeatureExtractor.Vector v = xs.get(i);
            int[] a = new int[v.size()];
            for (int j = 0; j < a.length; j++) {
                a[j] = index.idOf(v.keys()[j]);
            }
            ids[i] = a;
            rows += copies(weights, i);
        }
        int nf = index.size();
        double[] r = new double[nf];
        if (nbAlpha > 0) {
            double[] s = new double[nf];
            double[] h = new double[nf];
            double ts = nbAlpha * nf;
            double th = nbAlpha * nf;
            for (int i = 0; i < xs.size(); i++) {
                double w = weights == null ? 1 : weights[i];
                double[] c = spam[i] ? s : h;
                for (int id : ids[i]) {
                    c[id] += w;
                }
                if (spam[i]) {
                    ts += w * ids[i].length;
                } else {
                    th += w * ids[i].length;
                }
            }
            for (int f = 0; f < nf; f++) {
                r[f] = Math.abs(Math.log(((s[f] + nbAlpha) / ts) / ((h[f] + nbAlpha) / th)));
            }
        } else {
            Arrays.fill(r, 1);
        }
        Feature[][] x = new Feature[rows][];
        double[] y = new double[rows];
        int row = 0;
        for (int i = 0; i < xs.size(); i++) {
            FeatureExtractor.Vector v = xs.get(i);
            FeatureNode[] nodes = new FeatureNode[ids[i].length];
            for (int j = 0; j < nodes.length; j++) {
                int id = ids[i][j];
                nodes[j] = new FeatureNode(id + 1, v.values()[j] * r[id]);
            }
            Arrays.sort(nodes, Comparator.comparingInt(FeatureNode::getIndex));
            for (int c = copies(weights, i); c > 0; c--) {
                x[row] = nodes;
                y[row] = spam[i] ? 1 : 0;
                row++;
            }
        }
        Problem p = new Problem();
        p.l = rows;
        p.n = nf;
        p.x = x;
        p.y = y;
        p.bias = -1; // the extractor emits a constant bias feature
        Model m = Linear.train(p, new Parameter(type, cost, eps));
        // liblinear's decision function is positive for its first label
        double sign = m.getLabels()[0] == 1 ? 1 : -1;
        double[] w = new double[nf];
        for (int f = 0; f < nf; f++) {
            w[f] = sign * m.getDecfunCoef(f + 1, 0) * r[f];
        }
        boolean probabilistic = type == SolverType.L2R_LR || type == SolverType.L1R_LR || type == SolverType.L2R_LR_DUAL;
        return new LinearModel(index.keysById(), w, probabilistic ? 1.0 : 2.0);
    }

    private static int copies(double[] weights, int i) {
        return weights == null ? 1 : Math.max(1, (int) Math.round(weights[i]));
    }
}
