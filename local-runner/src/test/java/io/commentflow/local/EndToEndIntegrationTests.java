package io.commentflow.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The end-to-end contract on the local runner's own infrastructure: a KRaft broker process from Kafka's Maven jars,
 * a real PostgreSQL server and the SMTP sink — exactly what {@code ./run-local.sh} starts, on free ports.
 */
class EndToEndIntegrationTests extends EndToEndContract {

    /** Linux scheduling policies, as /proc shows them. */
    private static final int SCHED_OTHER = 0;
    private static final int SCHED_IDLE = 5;

    @BeforeAll
    static void startTheWholeSystem() throws Exception {
        system = system(TestData.freshDirectory("end-to-end")).start();
        findTheDemoPost();
    }

    @Test
    void thePipelineRunsOnTheCoresThatPagesAndCommentFormsLeave() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chrt")) && Files.isDirectory(Path.of("/proc/self/task")),
                "needs Linux with chrt");
        Map<String, ProcessHandle> processes = system.processes();

        for (String background : List.of("spam-filter", "notification", "kafka")) {
            assertThat(policies(processes.get(background))).as("%s's threads", background).containsOnly(SCHED_IDLE);
        }
        for (String readerFacing : List.of("post-service", "comment-intake")) {
            assertThat(policies(processes.get(readerFacing))).as("%s's threads", readerFacing)
                    .containsOnly(SCHED_OTHER);
        }
    }

    /** The scheduling policy of each thread of a process (field 41 of /proc/[pid]/task/[tid]/stat). */
    private static List<Integer> policies(ProcessHandle process) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(process.pid()), "task"))) {
            return tasks.map(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // the fields after the command name, which is in parentheses and may hold spaces: field 3 first
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return Integer.parseInt(fields[41 - 3]);
                } catch (IOException threadEnded) {
                    return null;
                }
            }).filter(Objects::nonNull).toList();
        }
    }
}
