package org.openipm.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code ./ipm logs NAME [-f] [-n N]}: prints (and follows) one component's log file. */
final class LogsCommand {

    private LogsCommand() {
    }

    static int run(Settings settings, Arguments arguments, PrintStream out) throws IOException {
        String name = arguments.positional(0).orElseThrow(() -> new UsageException(
                "logs needs a NAME: a service (product, lookup, authentication, messaging, notification), kafka, "
                        + "postgres, ipm or ipm-debug."));
        Path file = settings.logFile(resolve(name));
        Optional<Integer> lines = arguments.option("--lines").map(LogsCommand::lines);
        boolean follow = arguments.flag("--follow");
        if (!Files.exists(file) && !follow) {
            out.println("No log yet: " + file);
            return 1;
        }
        long position = 0;
        if (lines.isPresent() && Files.exists(file)) {
            LogFiles.tail(file, lines.get()).forEach(out::println);
            position = Files.size(file);
        } else if (!follow) {
            Files.copy(file, out);
            out.flush();
            return 0;
        }
        if (!follow) {
            return 0;
        }
        // Until Ctrl-C; a new `up` rotates the file and following starts again at the top of the new one.
        LogFiles.follow(file, position, out, () -> false);
        return 0;
    }

    static String resolve(String name) {
        return switch (name) {
            case "kafka", "postgres", "ipm", "ipm-debug" -> name;
            case "postgresql", "pg" -> "postgres";
            case "launcher" -> "ipm";
            default -> ServiceDefinition.byName(name).map(ServiceDefinition::name).orElseThrow(() ->
                    new UsageException("Unknown log '" + name + "': a service (product, lookup, authentication, "
                            + "messaging, notification), kafka, postgres, ipm or ipm-debug."));
        };
    }

    private static int lines(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--lines must be a positive number, not '" + value + "'.");
    }
}
