package io.customerauth.it.docs;

import io.customerauth.importer.cli.ImportCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commands the docs tell people to run, and the options each really takes: {@code bin/dev} and {@code bench/run}
 * (the labels of their option parsers' {@code case}), {@code bin/import-customers} (the import tool's picocli model,
 * subcommands included) and Keycloak's {@code kc.sh} (the pinned distribution's options; {@code --spi-...} options of
 * the pack's own providers against the code that reads them).
 */
final class ProjectCommands {

    /** A {@code case} label of a script's option parser: {@code --db)}, {@code -h | --help)}. */
    private static final Pattern CASE_LABEL = Pattern.compile("^\\s*((?:-\\w\\s*\\|\\s*)?--[\\w-]+(?:\\s*\\|\\s*--?[\\w-]+)*)\\)",
            Pattern.MULTILINE);

    private final Set<String> devOptions;
    private final Set<String> benchOptions;
    private final CommandSpec importTool = new CommandLine(new ImportCommand()).getCommandSpec();
    private final KeycloakNames keycloak;
    private final PackSources pack;

    private ProjectCommands(Path repository) {
        devOptions = caseLabels(repository.resolve("bin/dev"));
        benchOptions = caseLabels(repository.resolve("bench/run"));
        keycloak = KeycloakNames.read();
        pack = PackSources.read(repository);
    }

    static ProjectCommands read(Path repository) {
        return new ProjectCommands(repository);
    }

    /** Every option a command of this line is given that it does not take, with the reason. */
    List<String> wrongOptions(String line) {
        List<String> wrong = new ArrayList<>();
        for (List<String> words : ShellLine.commands(line)) {
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                if (word.endsWith("bin/dev")) {
                    checkAll(words.subList(i + 1, words.size()), "bin/dev", devOptions, wrong);
                } else if (word.endsWith("bench/run")) {
                    checkAll(words.subList(i + 1, words.size()), "bench/run", benchOptions, wrong);
                } else if (word.endsWith("bin/import-customers")) {
                    checkImportTool(words.subList(i + 1, words.size()), wrong);
                } else if (word.endsWith("kc.sh")) {
                    for (String argument : words.subList(i + 1, words.size())) {
                        if (argument.startsWith("--")) {
                            keycloakProblem(argument).ifPresent(wrong::add);
                        }
                    }
                } else {
                    continue;
                }
                break;
            }
        }
        return wrong;
    }

    /** Whether an option quoted alone ({@code --reset}, {@code --cache=ispn}) is one some command takes. */
    boolean isKnownOption(String option) {
        String name = name(option);
        return devOptions.contains(name) || benchOptions.contains(name) || importToolKnows(name)
                || keycloakProblem(option).isEmpty();
    }

    /** Whether a line starts one of the commands this class knows. */
    static boolean runsACommand(String line) {
        return ShellLine.commands(line).stream().flatMap(List::stream).anyMatch(word -> word.endsWith("bin/dev")
                || word.endsWith("bench/run") || word.endsWith("bin/import-customers") || word.endsWith("kc.sh"));
    }

    private static void checkAll(List<String> arguments, String command, Set<String> options, List<String> wrong) {
        for (String argument : arguments) {
            if (argument.startsWith("--") && !options.contains(name(argument))) {
                wrong.add(command + " has no option " + name(argument) + " (it has " + options + ")");
            }
        }
    }

    private void checkImportTool(List<String> arguments, List<String> wrong) {
        CommandSpec spec = importTool;
        if (!arguments.isEmpty() && importTool.subcommands().containsKey(arguments.get(0))) {
            spec = importTool.subcommands().get(arguments.get(0)).getCommandSpec();
        }
        for (String argument : arguments) {
            if (argument.startsWith("--") && spec.findOption(name(argument)) == null) {
                wrong.add("bin/import-customers " + (spec == importTool ? "" : spec.name() + " ") + "has no option "
                        + name(argument));
            }
        }
    }

    private boolean importToolKnows(String name) {
        return importTool.findOption(name) != null || importTool.subcommands().values().stream()
                .anyMatch(sub -> sub.getCommandSpec().findOption(name) != null);
    }

    private Optional<String> keycloakProblem(String option) {
        String name = name(option).substring(2);
        if (!name.startsWith("spi-")) {
            return keycloak.hasServerOption(name) ? Optional.empty()
                    : Optional.of("Keycloak has no option --" + name);
        }
        String[] parts = name.substring("spi-".length()).split("--", -1);
        if (parts.length < 2 || parts.length > 3) {
            return Optional.of("--" + name + " is not --spi-<spi>--<provider>--<option>");
        }
        String spi = parts[0];
        String provider = parts[1];
        String property = parts.length == 3 ? parts[2] : "";
        List<String> propertyNames = List.of(property, camelCase(property));
        if (pack.isPackProvider(provider)) {
            if (!pack.providerPackageHasLiteral(provider, List.of(spi)) && !keycloak.hasName(spi)) {
                return Optional.of("--" + name + ": no SPI " + spi + " in the pack or in Keycloak");
            }
            if (!property.isEmpty() && !property.equals("*") && !pack.providerPackageHasLiteral(provider, propertyNames)) {
                return Optional.of("--" + name + ": the pack's provider " + provider + " reads no option " + property);
            }
            return Optional.empty();
        }
        if (!keycloakHasKebabOrCamel(spi) || !keycloakHasKebabOrCamel(provider)) {
            return Optional.of("--" + name + ": Keycloak has no SPI " + spi + " with a provider " + provider);
        }
        if (!property.isEmpty() && !property.equals("*") && !keycloakHasKebabOrCamel(property)) {
            return Optional.of("--" + name + ": Keycloak's provider " + provider + " has no option " + property);
        }
        return Optional.empty();
    }

    /** Keycloak writes ids and option names in kebab case on its command line: {@code passwordBlacklist} too. */
    private boolean keycloakHasKebabOrCamel(String name) {
        return keycloak.hasName(name) || keycloak.hasName(camelCase(name));
    }

    /** {@code --db-url=jdbc:...} is the option {@code --db-url}. */
    private static String name(String option) {
        return option.split("=", 2)[0];
    }

    /** Keycloak reads {@code --spi-...--queue-size} as the provider's {@code queueSize}. */
    private static String camelCase(String kebab) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.toString();
    }

    private static Set<String> caseLabels(Path script) {
        Set<String> options = new HashSet<>();
        try {
            Matcher label = CASE_LABEL.matcher(Files.readString(script));
            while (label.find()) {
                for (String alternative : label.group(1).split("\\|")) {
                    options.add(alternative.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options;
    }
}
