package io.commentflow.spamfilter.classifier;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code evaluate --youtube <dir of YouTube-format CSVs> --sms <SMS-format file> [--json] [--train <dir>]}
 *
 * <p>Trains one classifier on the shipped training data only (the development split; from
 * {@code --train DIR}, else the copies the project ships on the classpath), then scores the
 * given files (YouTube rows as {@link SpamClassifier.Domain#COMMENT}, SMS as
 * {@link SpamClassifier.Domain#SMS}) and prints, per data set, accuracy/precision/recall/F1 at
 * the default threshold and the three-way shares. With {@code --json} exactly one JSON object.
 */
public final class Evaluation {

    private Evaluation() {
    }

    /** Scores {@code data} with {@code classifier} and counts. */
    public static Metrics evaluate(SpamClassifier classifier, List<LabeledText> data, SpamClassifier.Domain domain) {
        Metrics.Counter c = new Metrics.Counter();
        Thresholds t = classifier.thresholds();
        for (LabeledText x : data) {
            c.add(x.spam(), classifier.score(x.text(), x.author(), domain), t);
        }
        return c.metrics();
    }

    public static String toJson(Map<String, Metrics> results) {
        StringBuilder sb = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Metrics> e : results.entrySet()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append('"').append(e.getKey()).append("\": ").append(e.getValue().toJson());
        }
        return sb.append('}').toString();
    }

    public static void main(String[] args) throws IOException {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) throws IOException {
        String youtube = null;
        String sms = null;
        String train = null;
        boolean json = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "evaluate" -> {
                    if (i != 0) {
                        return usage(err, "'evaluate' must come first");
                    }
                }
                case "--youtube" -> youtube = i + 1 < args.length ? args[++i] : null;
                case "--sms" -> sms = i + 1 < args.length ? args[++i] : null;
                case "--train" -> train = i + 1 < args.length ? args[++i] : null;
                case "--json" -> json = true;
                default -> {
                    return usage(err, "unknown argument " + args[i]);
                }
            }
        }
        if (youtube == null && sms == null) {
            return usage(err, "give --youtube and/or --sms");
        }
        long t0 = System.nanoTime();
        TrainingData data = train != null ? TrainingData.fromDirectory(Path.of(train)) : TrainingData.load();
        SpamClassifier classifier = SpamClassifier.train(data.comments(), data.sms());
        long trainNanos = System.nanoTime() - t0;

        Map<String, Metrics> results = new LinkedHashMap<>();
        if (youtube != null) {
            results.put("youtube", evaluate(classifier, CorpusLoader.loadYouTubeDir(Path.of(youtube)), SpamClassifier.Domain.COMMENT));
        }
        if (sms != null) {
            results.put("sms", evaluate(classifier, CorpusLoader.loadSms(Path.of(sms)), SpamClassifier.Domain.SMS));
        }
        if (json) {
            out.println(toJson(results));
        } else {
            Thresholds t = classifier.thresholds();
            out.printf(Locale.ROOT, "trained on %d comments + %d SMS in %.1f s; default threshold %.2f; "
                            + "verdict: HAM below %.2f, SPAM from %.2f, UNSURE between%n",
                    data.comments().size(), data.sms().size(), trainNanos / 1e9, t.binaryAt(), t.hamBelow(), t.spamAt());
            results.forEach((name, m) -> {
                out.println(name);
                out.print(m.toText());
            });
        }
        return 0;
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: evaluate --youtube <dir of YouTube-format CSV files> --sms <SMS-format file> [--json] [--train <dir>]");
        return 2;
    }
}
