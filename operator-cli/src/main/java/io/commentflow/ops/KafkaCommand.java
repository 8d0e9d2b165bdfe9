package io.commentflow.ops;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command that talks to Kafka: turns any failure into exit code 1 and one line on stderr. */
abstract class KafkaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    abstract int execute(KafkaClients kafka) throws Exception;

    @Override
    public final Integer call() {
        KafkaClients kafka = ((OpsCli) spec.root().userObject()).kafka();
        try {
            return execute(kafka);
        } catch (Exception e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("commentflow-ops " + spec.name() + ": " + Failures.describe(e, kafka));
            err.flush();
            return 1;
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
