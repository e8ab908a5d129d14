package io.customerauth.importer;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.customerauth.importer.cli.EnvDefaults;
import io.customerauth.importer.cli.ImportCommand;
import picocli.CommandLine;

/** {@code import-customers}: see {@link ImportCommand}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the tool and returns its exit code; the environment is a parameter so tests can set it. */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        ImportCommand command = new ImportCommand();
        command.useEnvironment(env, out, err);
        CommandLine commandLine = new CommandLine(command);
        EnvDefaults.install(commandLine, env);
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            // A bug or an I/O error: one line, no stack trace (it could carry record content).
            cmd.getErr().println("error: " + exception);
            return ExitCode.INTERNAL_ERROR;
        });
        return commandLine.execute(args);
    }
}
