package io.commentflow.spamfilter.scoring;

import io.commentflow.events.CommentSubmitted;
import io.commentflow.spamfilter.classifier.FeatureExtractor;
import io.commentflow.spamfilter.classifier.SpamClassifier;
import io.commentflow.spamfilter.classifier.TextCleaner;
import io.commentflow.spamfilter.classifier.TrainingData;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

/**
 * Not a test (surefire does not pick up *Benchmark): microseconds per comment of the local phases (rules, known
 * spammers, classifier) as the service assembles them, over the 1,370 shipped YouTube comments as stored (HTML-ish),
 * after a warm-up, on one thread (best of 5 runs, wall clock and this thread's CPU time), then the whole scoring on
 * {@code threads} threads. Run it after
 * {@code mvn -o -q -pl spam-filter test-compile} with
 * {@code java -cp spam-filter/target/test-classes:spam-filter/target/classes:$(cat /tmp/cp.txt)
 * io.commentflow.spamfilter.scoring.LocalPhasesBenchmark [rounds] [threads]} (defaults 20 and 2), the class path from
 * {@code mvn -o -q -pl spam-filter dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test}.
 */
public final class LocalPhasesBenchmark {

    private static volatile int sink;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        List<CorpusComments.Raw> raw = CorpusComments.raw();
        List<CommentSubmitted> comments = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            comments.add(CorpusComments.submitted(raw, i));
        }
        TrainingData data = TrainingData.load();
        SpamClassifier classifier = SpamClassifier.train(data.comments(), data.sms());
        SpamRules rules = new SpamRules(SpamRules.DEFAULT_DISALLOWED_WORDS, List.of(), SpamRules.DEFAULT_LINKS_TO_HOLD);
        CommentScoring scoring = new CommentScoring(List.of(rules, new KnownSpammers(), new ClassifierPhase(classifier)),
                "bench");
        FeatureExtractor extractor = new FeatureExtractor(classifier.options().features());
        List<String> texts = comments.stream().map(c -> TextCleaner.htmlToText(c.getContent())).toList();

        System.out.printf(Locale.ROOT, "%d comments; per phase the best of 5 times %d rounds, after warm-up%n",
                comments.size(), rounds);
        List<Runnable> workloads = List.of(
                () -> time("whole local scoring", rounds, comments, c -> scoring.score(c).reasons().size()),
                () -> time("  rules", rounds, comments, c -> rules.examine(c).size()),
                () -> time("  classifier phase", rounds, comments, c -> new ClassifierPhase(classifier).examine(c).size()),
                () -> time("    html to text", rounds, comments, c -> TextCleaner.htmlToText(c.getContent()).length()),
                () -> time("    classify (features + model)", rounds, texts,
                        t -> classifier.classify(t, "x").verdict().ordinal()),
                () -> time("    features", rounds, texts, t -> extractor.extract(t, "x").size()));
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        workloads.forEach(Runnable::run); // warm-up, so that each is compiled before any is measured
        System.setOut(out);
        workloads.forEach(Runnable::run);

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long total = 0;
        long start = 0;
        for (int r = 0; r < 2 * rounds; r++) {
            if (r == rounds) {
                start = System.nanoTime();
                total = 0;
            }
            List<Future<Integer>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t * comments.size() / threads;
                int to = (t + 1) * comments.size() / threads;
                parts.add(pool.submit(() -> {
                    int s = 0;
                    for (CommentSubmitted c : comments.subList(from, to)) {
                        s += scoring.score(c).reasons().size();
                    }
                    return s;
                }));
            }
            for (Future<Integer> part : parts) {
                sink += part.get();
            }
            total += comments.size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "whole local scoring on %d threads: %.0f comments/s%n", threads, total / seconds);
        pool.shutdown();
    }

    /**
     * Runs {@code work} over all items {@code rounds} times for warm-up, then 5 times {@code rounds} times, and prints
     * the best of the 5 in wall-clock time and in CPU time of this thread (which other processes on a busy machine
     * disturb less).
     */
    private static <T> void time(String what, int rounds, List<T> items, ToIntFunction<T> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double bestWall = Double.MAX_VALUE;
        double bestCpu = Double.MAX_VALUE;
        for (int repeat = -1; repeat < 5; repeat++) {
            long wall = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            for (int r = 0; r < rounds; r++) {
                int s = 0;
                for (T item : items) {
                    s += work.applyAsInt(item);
                }
                sink += s;
            }
            if (repeat >= 0) {
                bestWall = Math.min(bestWall, (System.nanoTime() - wall) / 1e3 / rounds / items.size());
                bestCpu = Math.min(bestCpu, (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / rounds / items.size());
            }
        }
        System.out.printf(Locale.ROOT, "%-34s %6.2f µs/comment (CPU %6.2f µs)%n", what, bestWall, bestCpu);
    }
}
