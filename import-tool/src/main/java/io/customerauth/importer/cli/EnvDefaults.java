package io.customerauth.importer.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine;

/**
 * Every option's environment-variable twin and built-in default, in one table: the value of the variable when it is
 * set and not empty, else the default. picocli shows the result as the default in {@code --help}.
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
