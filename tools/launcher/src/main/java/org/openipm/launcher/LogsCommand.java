package org.openipm.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./ipm logs NAME [-f] [-n N]}: prints (and follows) one component's log file. */
@Command(name = "logs")
final class LogsCommand implements Callable<Integer> {

    @ParentCommand
    Ipm ipm;

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = {"-f", "--follow"})
    boolean follow;

    @Option(names = {"-n", "--lines"}, paramLabel = "N")
    Integer lines;

    @Option(names = {"-h", "--help"}, usageHelp = true, hidden = true)
    boolean help;

    @Override
    public Integer call() throws IOException {
        if (lines != null && lines < 1) {
            throw LauncherException.usage("--lines must be a positive number, not " + lines + ".");
        }
        Path file = ipm.settings().logFile(component(name));
        if (!Files.exists(file) && !follow) {
            ipm.out.println("No log yet: " + file);
            return 1;
        }
        long position = 0;
        if (lines != null && Files.exists(file)) {
            LogFiles.tail(file, lines).forEach(ipm.out::println);
            position = Files.size(file);
        } else if (!follow) {
            Files.copy(file, ipm.out);
        }
        if (follow) { // until Ctrl-C; a new run's log (rotated) is followed from its top
            LogFiles.follow(file, position, ipm.out, () -> false);
        }
        ipm.out.flush();
        return 0;
    }

    static String component(String name) {
        return switch (name) {
            case "kafka", "postgres", "ipm", "ipm-debug" -> name;
            case "postgresql", "pg" -> "postgres";
            case "launcher" -> "ipm";
            default -> ServiceDefinition.byName(name).map(ServiceDefinition::name).orElseThrow(() ->
                    LauncherException.usage("Unknown log '" + name + "': a service (" + String.join(", ",
                            Settings.shortNames()) + "), kafka, postgres, ipm or ipm-debug."));
        };
    }
}
