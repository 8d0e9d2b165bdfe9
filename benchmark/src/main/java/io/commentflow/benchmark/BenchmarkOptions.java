package io.commentflow.benchmark;

import java.nio.file.Path;

/** {@code [--use-running] [--quick] [--out <dir>]} */
record BenchmarkOptions(boolean useRunning, boolean quick, Path out) {

    static final String USAGE = """
            usage: java -jar benchmark/target/commentflow-benchmark.jar [--use-running] [--quick] [--out <dir>]

              --use-running  measure the system ./run-local.sh runs on the default ports instead of starting one
                             (scenarios that stop services are skipped; start it with
                             COMMENTFLOW_INTAKE_TRUSTED_PROXIES=127.0.0.1/32,::1/128 so intake's flood guard sees
                             the benchmark's readers as different people)
              --quick        a smoke run of about 3 minutes instead of about 10
              --out <dir>    where benchmark.md, benchmark.json and latency.png go (default benchmark-results)
            """;

    static BenchmarkOptions parse(String[] args) {
        boolean useRunning = false;
        boolean quick = false;
        Path out = Path.of("benchmark-results");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--use-running" -> useRunning = true;
                case "--quick" -> quick = true;
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
        return new BenchmarkOptions(useRunning, quick, out);
    }
}
