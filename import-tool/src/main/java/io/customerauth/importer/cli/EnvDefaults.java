package io.customerauth.importer.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Every option's environment-variable twin and built-in default, in one table: the value of the variable when it is
 * set and not empty, else the default. {@link #install} also ends each option's help with its variable and default,
 * so that neither is written twice, and an option shared through a mixin names the variable of each command.
 */
public final class EnvDefaults implements CommandLine.IDefaultValueProvider {

    /** An option's (or positional parameter's) variable and default ({@code null}: no default). */
    public record Twin(String variable, String fallback) {
    }

    /** Keyed by {@link #key}: {@code --realm}, {@code FILE}, {@code generate --count}. */
    public static final Map<String, Twin> TWINS = twins();

    private final Map<String, String> env;

    public EnvDefaults(Map<String, String> env) {
        this.env = env;
    }

    /**
     * Takes the defaults of the command and its subcommands from {@code env} and this table, and ends the help of
     * every argument with a twin with {@code Env: VARIABLE.} and, when it has a default, {@code Default: value.}
     */
    public static void install(CommandLine commandLine, Map<String, String> env) {
        describeTwins(commandLine.getCommandSpec());
        commandLine.getSubcommands().values().forEach(sub -> describeTwins(sub.getCommandSpec()));
        commandLine.setDefaultValueProvider(new EnvDefaults(env));
    }

    /** picocli's specs are immutable: each argument is removed and added again, in order, described or as it was. */
    private static void describeTwins(CommandSpec spec) {
        List<ArgSpec> args = new ArrayList<>(spec.args());
        List<String> keys = args.stream().map(EnvDefaults::key).toList();
        args.forEach(spec::remove);
        for (int i = 0; i < args.size(); i++) {
            ArgSpec arg = args.get(i);
            Twin twin = TWINS.get(keys.get(i));
            String[] description = twin == null ? arg.description() : described(arg.description(), twin);
            if (arg instanceof OptionSpec option) {
                spec.addOption(option.toBuilder().description(description).build());
            } else {
                spec.addPositional(((PositionalParamSpec) arg).toBuilder().description(description).build());
            }
        }
    }

    private static String[] described(String[] description, Twin twin) {
        String twinText = "Env: " + twin.variable() + "." + (twin.fallback() == null ? "" : " Default: ${DEFAULT-VALUE}.");
        String[] described = description.length == 0 ? new String[] {""} : description.clone();
        String last = described[described.length - 1];
        described[described.length - 1] = last.isEmpty() ? twinText : last + " " + twinText;
        return described;
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
        Twin twin = TWINS.get(key(argSpec));
        if (twin == null) {
            return null;
        }
        String value = env.get(twin.variable());
        return value == null || value.isEmpty() ? twin.fallback() : value;
    }

    /** The option's longest name (or the parameter's label), after the subcommand's name for subcommands. */
    static String key(CommandLine.Model.ArgSpec argSpec) {
        String name = argSpec.isOption() ? ((CommandLine.Model.OptionSpec) argSpec).longestName()
                : argSpec.paramLabel();
        CommandLine.Model.CommandSpec command = argSpec.command();
        return command == null || command.parent() == null ? name : command.name() + " " + name;
    }

    private static Map<String, Twin> twins() {
        Map<String, Twin> twins = new LinkedHashMap<>();
        twins.put("FILE", new Twin("CUSTOMER_EXPORT_FILE", null));
        twins.put("--server", new Twin("KEYCLOAK_URL", "http://localhost:8080"));
        twins.put("--realm", new Twin("KEYCLOAK_REALM", "customers"));
        twins.put("--admin-realm", new Twin("KEYCLOAK_ADMIN_REALM", "master"));
        twins.put("--admin-user", new Twin("KEYCLOAK_ADMIN_USER", "admin"));
        twins.put("--admin-password-file", new Twin("KEYCLOAK_ADMIN_PASSWORD_FILE", null));
        twins.put("--writer", new Twin("KEYCLOAK_IMPORT_WRITER", "auto"));
        twins.put("--batch-size", new Twin("KEYCLOAK_IMPORT_BATCH_SIZE", "500"));
        twins.put("--concurrency", new Twin("KEYCLOAK_IMPORT_CONCURRENCY", "2"));
        twins.put("--retries", new Twin("KEYCLOAK_IMPORT_RETRIES", "5"));
        twins.put("--timeout", new Twin("KEYCLOAK_IMPORT_TIMEOUT", "120"));
        twins.put("--report", new Twin("KEYCLOAK_IMPORT_REPORT", null));
        twins.put("--progress", new Twin("KEYCLOAK_IMPORT_PROGRESS", "auto"));
        twins.put("--dry-run", new Twin("KEYCLOAK_IMPORT_DRY_RUN", "false"));
        twins.put("--validate-only", new Twin("KEYCLOAK_IMPORT_VALIDATE_ONLY", "false"));
        twins.put("--store", new Twin("KEYCLOAK_IMPORT_STORE", "auto"));
        twins.put("generate --count", new Twin("CUSTOMER_GENERATE_COUNT", "1000"));
        twins.put("generate --output", new Twin("CUSTOMER_GENERATE_OUTPUT", null));
        twins.put("generate --hashed-percent", new Twin("CUSTOMER_GENERATE_HASHED_PERCENT", "0"));
        twins.put("generate --invalid-percent", new Twin("CUSTOMER_GENERATE_INVALID_PERCENT", "0"));
        twins.put("generate --email-tag", new Twin("CUSTOMER_GENERATE_EMAIL_TAG", null));
        twins.put("generate --seed", new Twin("CUSTOMER_GENERATE_SEED", "1"));
        for (String sub : new String[] {"benchmark "}) {
            for (String option : new String[] {"--server", "--realm", "--admin-realm", "--admin-user",
                "--admin-password-file", "--retries", "--timeout"}) {
                twins.put(sub + option, twins.get(option));
            }
        }
        twins.put("benchmark --count", new Twin("KEYCLOAK_BENCH_COUNT", "100000"));
        twins.put("benchmark --compare-count", new Twin("KEYCLOAK_BENCH_COMPARE_COUNT", "5000"));
        twins.put("benchmark --single-count", new Twin("KEYCLOAK_BENCH_SINGLE_COUNT", "1000"));
        twins.put("benchmark --batch-size", new Twin("KEYCLOAK_BENCH_BATCH_SIZE", "1000"));
        twins.put("benchmark --concurrency", new Twin("KEYCLOAK_BENCH_CONCURRENCY", "2"));
        twins.put("benchmark --warmup", new Twin("KEYCLOAK_BENCH_WARMUP", "2000"));
        twins.put("benchmark --work-dir", new Twin("KEYCLOAK_BENCH_WORK_DIR", null));
        return Map.copyOf(twins);
    }
}
