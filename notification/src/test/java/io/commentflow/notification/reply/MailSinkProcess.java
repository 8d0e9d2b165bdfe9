package io.commentflow.notification.reply;

import ch.qos.logback.classic.Level;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For {@link EmailBacklogBenchmark} only: a GreenMail SMTP server in a JVM of its own (as the local system runs its
 * mail sink, so its CPU is not the service's), or in this JVM, that reports when the first and the n-th of the next
 * n emails arrived. The child speaks over its stdin/stdout: {@code expect <id> <n>} in, {@code first|done <id>
 * <System.nanoTime()>} out (monotonic and shared by processes on Linux).
 */
final class MailSinkProcess implements AutoCloseable {

    /** When the first and the last of the expected emails arrived (System.nanoTime). */
    record Arrivals(CompletableFuture<Long> firstAt, CompletableFuture<Long> doneAt) {

        long first() {
            return firstAt.join();
        }

        long awaitAll(Duration timeout) throws Exception {
            return doneAt.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private final GreenMail inJvm;
    private final Process child;
    private final PrintWriter commands;
    private final Map<String, CompletableFuture<Long>> events = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    private MailSinkProcess(GreenMail inJvm, Process child) {
        this.inJvm = inJvm;
        this.child = child;
        this.commands = child == null ? null
                : new PrintWriter(child.outputWriter(StandardCharsets.UTF_8), true);
    }

    static MailSinkProcess start(int port, boolean inThisJvm) throws IOException {
        if (inThisJvm) {
            GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            greenMail.start();
            return new MailSinkProcess(greenMail, null);
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC"));
        String extra = System.getProperty("benchmark.sink-jvm-args", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split(" +")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MailSinkProcess.class.getName(),
                String.valueOf(port)));
        Process child = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        MailSinkProcess sink = new MailSinkProcess(null, child);
        CompletableFuture<Long> ready = sink.event("ready", "0");
        Thread reader = new Thread(sink::readReports, "mail-sink-reports");
        reader.setDaemon(true);
        reader.start();
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            child.destroyForcibly();
            throw new IOException("the mail sink did not start", e);
        }
        return sink;
    }

    boolean inThisJvm() {
        return inJvm != null;
    }

    Arrivals expect(int emails) {
        String id = String.valueOf(ids.incrementAndGet());
        if (inJvm != null) {
            Arrivals arrivals = new Arrivals(new CompletableFuture<>(), new CompletableFuture<>());
            int received = received(inJvm);
            report(latch(inJvm, received + 1), arrivals.firstAt());
            report(latch(inJvm, received + emails), arrivals.doneAt());
            return arrivals;
        }
        Arrivals arrivals = new Arrivals(event("first", id), event("done", id));
        commands.println("expect " + id + " " + emails);
        return arrivals;
    }

    /** CPU time the child used so far (0 in this JVM: it counts as the service's). */
    long cpuNanos() {
        return child == null ? 0 : child.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private CompletableFuture<Long> event(String kind, String id) {
        return events.computeIfAbsent(kind + " " + id, key -> new CompletableFuture<>());
    }

    private void readReports() {
        try (BufferedReader in = child.inputReader(StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.split(" ");
                if (words.length == 4 && words[0].equals("SINK")) {
                    event(words[1], words[2]).complete(Long.parseLong(words[3]));
                }
            }
        } catch (IOException e) {
            events.values().forEach(future -> future.completeExceptionally(e));
        }
    }

    @Override
    public void close() {
        if (inJvm != null) {
            inJvm.stop();
        } else {
            commands.println("quit");
            try {
                if (!child.waitFor(10, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.destroyForcibly();
            }
        }
    }

    /** Counts down as emails arrive until GreenMail holds {@code total} (emails received so far count too). */
    private static CountDownLatch latch(GreenMail greenMail, int total) {
        return greenMail.getManagers().getSmtpManager().createAndAddNewWaitObject(total);
    }

    private static int received(GreenMail greenMail) {
        return greenMail.getManagers().getImapHostManager().getAllMessages().size();
    }

    private static void report(CountDownLatch latch, CompletableFuture<Long> at) {
        Thread waiter = new Thread(() -> {
            try {
                latch.await();
                at.complete(System.nanoTime());
            } catch (InterruptedException e) {
                at.completeExceptionally(e);
            }
        }, "mail-sink-waiter");
        waiter.setDaemon(true);
        waiter.start();
    }

    /** The child: GreenMail on the given port until stdin says quit or closes. */
    public static void main(String[] args) throws IOException {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        GreenMail greenMail = new GreenMail(new ServerSetup(Integer.parseInt(args[0]), "127.0.0.1",
                ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        out.println("SINK ready 0 " + System.nanoTime());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("quit")) {
            String[] words = line.split(" ");
            String id = words[1];
            int received = received(greenMail);
            CountDownLatch first = latch(greenMail, received + 1);
            CountDownLatch all = latch(greenMail, received + Integer.parseInt(words[2]));
            Thread waiter = new Thread(() -> {
                try {
                    first.await();
                    out.println("SINK first " + id + " " + System.nanoTime());
                    all.await();
                    out.println("SINK done " + id + " " + System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "mail-sink-waiter-" + id);
            waiter.setDaemon(true);
            waiter.start();
        }
        greenMail.stop();
        System.exit(0);
    }
}
