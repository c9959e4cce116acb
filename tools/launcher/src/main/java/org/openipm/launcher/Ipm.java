package org.openipm.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** Entry point of {@code ./ipm}; the commands and their options are described in {@code ipm-usage.txt}. */
@Command(name = "ipm", subcommands = {UpCommand.class, DownCommand.class, StatusCommand.class, LogsCommand.class,
        TokenCommand.class, Ipm.Help.class})
public final class Ipm implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true)
    boolean help;

    final Path home;
    final Map<String, String> env;
    final PrintStream out;

    Ipm(Path home, Map<String, String> env, PrintStream out) {
        this.home = home;
        this.env = env;
        this.out = out;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("ipm.home", "")).toAbsolutePath().normalize();
        // Before any library logs: the libraries' output and the broker's go to files, the console is ./ipm's.
        System.setProperty("ipm.logs", Settings.ipmDir(home, System.getenv()).resolve("logs").toString());
        System.setProperty("log4j2.configurationFile", "ipm-log4j2.properties");
        int code = commandLine(home, System.getenv(), System.out).execute(args);
        System.out.flush();
        System.exit(code);
    }

    /** Parses like picocli always does; any -h/--help prints the one usage text; errors are one line. */
    static CommandLine commandLine(Path home, Map<String, String> env, PrintStream out) {
        CommandLine commandLine = new CommandLine(new Ipm(home, env, out));
        commandLine.setExecutionStrategy(parsed -> helpRequested(parsed) ? printUsage(out)
                : new CommandLine.RunLast().execute(parsed));
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("ipm: " + e.getMessage() + " (./ipm help)");
            return LauncherException.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("ipm: " + (e instanceof LauncherException ? e.getMessage() : e.toString()));
            return e instanceof LauncherException le ? le.exitCode() : 1;
        });
        return commandLine;
    }

    private static boolean helpRequested(ParseResult parsed) {
        return parsed.isUsageHelpRequested() || parsed.subcommand() != null && helpRequested(parsed.subcommand());
    }

    @Override
    public Integer call() {
        return printUsage(out);
    }

    Settings settings() {
        return new Settings(home, env);
    }

    static int printUsage(PrintStream out) {
        try (InputStream in = Ipm.class.getResourceAsStream("/ipm-usage.txt")) {
            out.print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Command(name = "help")
    static final class Help implements Callable<Integer> {

        @CommandLine.ParentCommand
        Ipm ipm;

        @CommandLine.Parameters(arity = "0..1", paramLabel = "COMMAND")
        String command;

        @Override
        public Integer call() {
            return printUsage(ipm.out);
        }
    }
}
