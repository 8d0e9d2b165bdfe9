package io.commentflow.benchmark;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time each process of the system used over a stretch of a run: where the machine's cores went (a service,
 * the broker, PostgreSQL with its backends, or this JVM: load generator and SMTP sink). Read from the operating
 * system, so it costs nothing in the processes measured.
 */
final class CpuByProcess {

    static final String BENCHMARK = "benchmark (load, SMTP sink)";

    private final Map<String, ProcessHandle> processes;
    private final Map<String, Duration> start;
    private final long startNanos = System.nanoTime();

    private CpuByProcess(Map<String, ProcessHandle> processes) {
        this.processes = processes;
        this.start = cpu(processes);
    }

    /** Starts counting for the given processes and this JVM. */
    static CpuByProcess start(Map<String, ProcessHandle> system) {
        Map<String, ProcessHandle> processes = new LinkedHashMap<>(system);
        processes.put(BENCHMARK, ProcessHandle.current());
        return new CpuByProcess(processes);
    }

    /** Cores each process kept busy on average since the start, in the order given. */
    Map<String, Double> coresBusy() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> busy = new LinkedHashMap<>();
        cpu(processes).forEach((name, used) -> busy.put(name,
                Math.max(0, used.minus(start.getOrDefault(name, Duration.ZERO)).toNanos()) / 1e9 / seconds));
        return busy;
    }

    static String describe(Map<String, Double> coresBusy) {
        double total = coresBusy.values().stream().mapToDouble(Double::doubleValue).sum();
        return String.format(Locale.ROOT, "%.2f cores: ", total) + coresBusy.entrySet().stream()
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static Map<String, Duration> cpu(Map<String, ProcessHandle> processes) {
        Map<String, Duration> used = new LinkedHashMap<>();
        // A process counts with its descendants (PostgreSQL's backends), except this JVM: its descendants are the
        // services and the broker, counted on their own.
        processes.forEach((name, process) -> used.put(name, Stream.concat(Stream.of(process),
                        process.equals(ProcessHandle.current()) ? Stream.empty() : process.descendants())
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus)));
        return used;
    }
}
