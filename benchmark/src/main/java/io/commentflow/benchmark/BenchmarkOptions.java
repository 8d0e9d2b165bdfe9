package io.commentflow.benchmark;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code [--use-running] [--quick] [--equal-priorities] [--only <scenario,...>] [--out <dir>]} */
record BenchmarkOptions(boolean useRunning, boolean quick, boolean equalPriorities, Set<String> only, Path out) {

    /** The scenarios, in the order a run measures them. */
    static final List<String> SCENARIOS = List.of("end-to-end", "notification", "post-page", "intake", "spam-filter");

    /**
     * Whether the run measures {@code scenario} (with the limits it is compared with). spam-filter's backlog is
     * the comments the intake scenario accepted while spam-filter was stopped, so it brings intake along.
     */
    boolean runs(String scenario) {
        return only.isEmpty() || only.contains(scenario)
                || (scenario.equals("intake") && only.contains("spam-filter"));
    }

    static final String USAGE = """
            usage: java -jar benchmark/target/commentflow-benchmark.jar [--use-running] [--quick] [--equal-priorities]
                   [--only <scenarios>] [--out <dir>]

              --use-running  measure the system ./run-local.sh runs on the default ports instead of starting one
                             (scenarios that stop services are skipped; start it with
                             COMMENTFLOW_INTAKE_TRUSTED_PROXIES=127.0.0.1/32,::1/128 so intake's flood guard sees
                             the benchmark's readers as different people)
              --quick        a smoke run of about 3 minutes instead of about 10
              --equal-priorities
                             run spam-filter, notification and the broker at the same CPU priority as
                             post-service and comment-intake (the local runner runs them at background priority)
              --only <list>  only these scenarios (and the limits they are compared with), comma-separated:
                             end-to-end, notification, post-page, intake, spam-filter (spam-filter's
                             backlog is what the intake scenario accepted, so intake runs with it)
              --out <dir>    where benchmark.md, benchmark.json and latency.png go (default benchmark-results)
            """;

    static BenchmarkOptions parse(String[] args) {
        boolean useRunning = false;
        boolean quick = false;
        boolean equalPriorities = false;
        Set<String> only = new LinkedHashSet<>();
        Path out = Path.of("benchmark-results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--use-running" -> useRunning = true;
                case "--quick" -> quick = true;
                case "--equal-priorities" -> equalPriorities = true;
                case "--only" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--only needs scenarios, e.g. --only intake,post-page");
                    }
                    for (String scenario : Arrays.stream(args[++i].split(",")).map(String::trim).toList()) {
                        if (!SCENARIOS.contains(scenario)) {
                            throw new IllegalArgumentException("unknown scenario " + scenario + "; one of " + SCENARIOS);
                        }
                        only.add(scenario);
                    }
                }
                case "--out" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--out needs a directory");
                    }
                    out = Path.of(args[++i]);
                }
                case "-h", "--help" -> throw new IllegalArgumentException("");
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new BenchmarkOptions(useRunning, quick, equalPriorities, Set.copyOf(only), out);
    }
}
