package io.commentflow.benchmark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark plays many readers from one machine: each comment carries its own address in
 * {@code X-Forwarded-For}, which intake believes only from a trusted proxy. The services the local runner starts
 * inherit this process's environment, so the benchmark runs itself once more with
 * {@code COMMENTFLOW_INTAKE_TRUSTED_PROXIES} set to the loopback addresses (nothing else in the system changes).
 */
final class IntakeTrust {

    static final String VARIABLE = "COMMENTFLOW_INTAKE_TRUSTED_PROXIES";
    static final String LOOPBACK = "127.0.0.1/32,::1/128";
    /** The benchmark's own heap: see {@link #relaunch}. */
    static final List<String> GENERATOR_HEAP = List.of("-Xms1536m", "-Xmn1g");

    private IntakeTrust() {
    }

    static boolean configured() {
        String value = System.getenv(VARIABLE);
        return value != null && !value.isBlank();
    }

    /** Runs the benchmark in a child JVM with the variable set, and returns its exit code. */
    static int relaunch(String[] args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (options.stream().noneMatch(option -> option.startsWith("-Xmn") || option.startsWith("-XX:NewSize"))) {
            // latency is counted from each request's intended send time, so a collection pausing the load generator
            // counts as if the server had stalled: a young generation this size is collected about once a minute
            command.addAll(GENERATOR_HEAP);
        }
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Benchmark.class.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put(VARIABLE, LOOPBACK);
        Process child = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (child.isAlive()) {
                child.destroy(); // the child's own shutdown hook stops the system it started
                try {
                    child.waitFor(90, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "benchmark-child-stop"));
        return child.waitFor();
    }
}
