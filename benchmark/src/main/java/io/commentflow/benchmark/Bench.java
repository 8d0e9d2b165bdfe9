package io.commentflow.benchmark;

/** What every scenario works with: the system, how much to do, where results go, and a run id for names. */
record Bench(SystemUnderTest system, RunPlan plan, Report report, String run, ConsumerLag lag, BlogAdmin admin) {

    LoadGenerator intake() {
        return new LoadGenerator("127.0.0.1", system.settings().intake());
    }

    LoadGenerator postService() {
        return new LoadGenerator("127.0.0.1", system.settings().postService());
    }

    String intakeHost() {
        return "localhost:" + system.settings().intake();
    }

    String postServiceHost() {
        return "localhost:" + system.settings().postService();
    }

    HttpConnection intakeConnection() {
        return new HttpConnection("127.0.0.1", system.settings().intake());
    }

    HttpConnection postServiceConnection() {
        return new HttpConnection("127.0.0.1", system.settings().postService());
    }

    /** Waits until the services have worked off whatever earlier scenarios left them, and says how long it took. */
    void awaitQuiet(String after) throws InterruptedException {
        double seconds = lag.awaitQuiet(system.stoppedServices(), java.time.Duration.ofSeconds(120));
        if (seconds < 0) {
            report.note("the pipeline was still busy 120 s after " + after + " (" + String.join("; ",
                    lag.describe(system.stoppedServices())) + "); measured anyway");
        } else {
            Progress.say("pipeline quiet %.1f s after %s", seconds, after);
        }
    }
}
