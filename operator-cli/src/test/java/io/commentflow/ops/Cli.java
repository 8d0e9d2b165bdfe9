package io.commentflow.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Runs the tool in-process, the way {@code java -jar commentflow-ops.jar} would, capturing stdout and stderr. */
final class Cli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private volatile Integer exitCode;

    static Cli run(String... args) {
        Cli cli = new Cli();
        cli.execute(args);
        return cli;
    }

    void execute(String... args) {
        CommandLine commandLine = new CommandLine(new OpsCli())
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        exitCode = commandLine.execute(args);
    }

    Integer exitCode() {
        return exitCode;
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }

    List<String> lines() {
        return out().lines().filter(line -> !line.isBlank()).toList();
    }

    /** Every stdout line parsed as JSON (fails the test when one is not). */
    List<JsonNode> json() {
        return lines().stream().map(Cli::parse).toList();
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + out() + "--- stderr\n" + err();
    }
}
