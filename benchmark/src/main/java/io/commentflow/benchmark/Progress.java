package io.commentflow.benchmark;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/** What the benchmark is doing, on the console as it goes; the results come in one table at the end. */
final class Progress {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Progress() {
    }

    static void say(String format, Object... args) {
        System.out.println(LocalTime.now().format(TIME) + " " + String.format(java.util.Locale.ROOT, format, args));
    }
}
