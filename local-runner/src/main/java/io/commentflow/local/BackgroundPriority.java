package io.commentflow.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a process at background CPU priority: spam checks, emails and the broker get the cores only when the
 * reader-facing services (post-service, comment-intake) do not need them. On one machine they compete for the same
 * cores; at equal priority a comment flood queued page requests behind the pipeline's work (p99 of the post page 40×
 * idle on two cores). On Linux the process runs under {@code SCHED_IDLE} ({@code chrt --idle 0}): a woken
 * reader-facing thread preempts it at once, and the scheduler treats a core running only such work as free. Where
 * {@code chrt} is missing, {@code nice -n 19}; where neither is, the command is left as it is.
 * <p>
 * A process may always lower its own priority, so neither needs privileges. Under {@code SCHED_IDLE} a process still
 * gets a small share when the machine is saturated, so the pipeline slows down under load but does not stop.
 */
final class BackgroundPriority {

    private static final List<Path> BIN = List.of(Path.of("/usr/bin"), Path.of("/bin"), Path.of("/usr/local/bin"));

    private final List<String> prefix;

    private BackgroundPriority(List<String> prefix) {
        this.prefix = prefix;
    }

    /** What this machine offers: {@code chrt --idle 0}, else {@code nice -n 19}, else nothing. */
    static BackgroundPriority onThisMachine() {
        Optional<Path> chrt = System.getProperty("os.name", "").toLowerCase().contains("linux")
                ? executable("chrt") : Optional.empty();
        if (chrt.isPresent()) {
            return new BackgroundPriority(List.of(chrt.get().toString(), "--idle", "0"));
        }
        return executable("nice").map(nice -> new BackgroundPriority(List.of(nice.toString(), "-n", "19")))
                .orElseGet(BackgroundPriority::none);
    }

    /** Leaves commands as they are: every process at the priority of the runner. */
    static BackgroundPriority none() {
        return new BackgroundPriority(List.of());
    }

    /** {@code command}, started at background priority (the wrapper execs it: same process, same pid). */
    List<String> wrap(List<String> command) {
        List<String> wrapped = new ArrayList<>(prefix);
        wrapped.addAll(command);
        return wrapped;
    }

    /** How processes are started, for the log. */
    String describe() {
        return prefix.isEmpty() ? "at the runner's own priority"
                : "at background priority (" + String.join(" ", prefix) + ")";
    }

    private static Optional<Path> executable(String name) {
        return BIN.stream().map(dir -> dir.resolve(name)).filter(Files::isExecutable).findFirst();
    }
}
