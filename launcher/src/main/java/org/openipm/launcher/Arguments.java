package org.openipm.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The command line: {@code COMMAND [ARG...] [--flag] [--option VALUE|--option=VALUE]}. Each command declares
 * what it accepts, so a typo is an error instead of being silently ignored.
 */
public final class Arguments {

    /** What one command accepts; aliases map a short form to the canonical name (-d to --detach). */
    private record Spec(int maxPositional, Set<String> flags, Set<String> options, Map<String, String> aliases) {
    }

    private static final Map<String, Spec> COMMANDS = Map.of(
            "up", new Spec(0, Set.of("--detach", "--build", "--infra-only", "--daemon-child"), Set.of(),
                    Map.of("-d", "--detach", "--only-infra", "--infra-only", "--infra", "--infra-only")),
            "down", new Spec(0, Set.of(), Set.of(), Map.of()),
            "status", new Spec(0, Set.of(), Set.of(), Map.of()),
            "logs", new Spec(1, Set.of("--follow"), Set.of("--lines"), Map.of("-f", "--follow", "-n", "--lines")),
            "token", new Spec(1, Set.of(), Set.of("--org", "--country", "--sub", "--ttl"), Map.of()),
            "help", new Spec(1, Set.of(), Set.of(), Map.of()));

    private final String command;
    private final List<String> positional;
    private final Set<String> flags;
    private final Map<String, String> options;

    private Arguments(String command, List<String> positional, Set<String> flags, Map<String, String> options) {
        this.command = command;
        this.positional = List.copyOf(positional);
        this.flags = Set.copyOf(flags);
        this.options = Map.copyOf(options);
    }

    public static Arguments parse(String... args) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            return new Arguments("help", List.of(), Set.of(), Map.of());
        }
        String command = args[0];
        Spec spec = COMMANDS.get(command);
        if (spec == null) {
            throw new UsageException("Unknown command '" + command + "'. Commands: up, down, status, logs, token, help"
                    + " (./ipm help).");
        }
        List<String> positional = new ArrayList<>();
        Set<String> flags = new HashSet<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                return new Arguments("help", List.of(command), Set.of(), Map.of());
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                String name = arg;
                String inlineValue = null;
                int eq = arg.indexOf('=');
                if (arg.startsWith("--") && eq > 0) {
                    name = arg.substring(0, eq);
                    inlineValue = arg.substring(eq + 1);
                }
                name = spec.aliases().getOrDefault(name, name);
                if (spec.flags().contains(name) && inlineValue == null) {
                    flags.add(name);
                } else if (spec.options().contains(name)) {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(command + ": " + name + " needs a value.");
                        }
                        value = args[++i];
                    }
                    options.put(name, value);
                } else {
                    throw new UsageException(command + ": unknown option '" + arg + "' (./ipm help).");
                }
            } else {
                if (positional.size() >= spec.maxPositional()) {
                    throw new UsageException(command + ": unexpected argument '" + arg + "' (./ipm help).");
                }
                positional.add(arg);
            }
        }
        return new Arguments(command, positional, flags, options);
    }

    public String command() {
        return command;
    }

    public Optional<String> positional(int index) {
        return index < positional.size() ? Optional.of(positional.get(index)) : Optional.empty();
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }
}
