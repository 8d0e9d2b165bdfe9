package io.commentflow.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one run measured: the figures, each beside its limit, the latency distributions, and notes. */
final class Report {

    /**
     * One measured figure.
     *
     * @param limitName  what it is compared with (null: no limit)
     * @param limit      the limit's value in the same unit
     * @param target     the speed target from the service's issue, as text (null: none)
     * @param met        whether the target is met (null: not judged)
     */
    record Figure(String area, String name, double value, String unit, String limitName, Double limit,
                  String target, Boolean met, String note) {

        static Figure of(String area, String name, double value, String unit) {
            return new Figure(area, name, value, unit, null, null, null, null, null);
        }

        Figure limit(String what, double value) {
            return Double.isNaN(value) ? this
                    : new Figure(area, name, this.value, unit, what, value, target, met, note);
        }

        Figure target(String text, boolean isMet) {
            return new Figure(area, name, value, unit, limitName, limit, text, Double.isNaN(value) ? null : isMet, note);
        }

        /** Adds to the figure's note. */
        Figure note(String text) {
            return new Figure(area, name, value, unit, limitName, limit, target, met,
                    note == null ? text : note + "; " + text);
        }

        /** value / limit; for rates below 1 means short of the limit, for latencies above 1 means slower. */
        Double ratio() {
            return limit == null || limit == 0 || Double.isNaN(value) ? null : value / limit;
        }
    }

    private final Map<String, Object> run = new LinkedHashMap<>();
    private final List<Figure> figures = new ArrayList<>();
    private final List<LoadResult> latencies = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void describe(String key, Object value) {
        run.put(key, value);
    }

    synchronized void add(Figure figure) {
        figures.add(figure);
    }

    /** A latency distribution for the chart and the JSON. */
    synchronized void latency(LoadResult result) {
        if (result != null && result.samples() > 0) {
            latencies.add(result);
        }
    }

    synchronized void note(String text) {
        notes.add(text);
        Progress.say("note: %s", text);
    }

    Map<String, Object> run() {
        return run;
    }

    List<Figure> figures() {
        return List.copyOf(figures);
    }

    List<LoadResult> latencies() {
        return List.copyOf(latencies);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }
}
