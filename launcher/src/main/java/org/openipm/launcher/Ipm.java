package org.openipm.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** Entry point of {@code ./ipm}: see {@code ipm-usage.txt} (./ipm help). */
public final class Ipm {

    private Ipm() {
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("ipm.home", "")).toAbsolutePath().normalize();
        // Before any library logs: their output goes to a file, the console stays ./ipm's own.
        System.setProperty("ipm.debug.log", home.resolve(".ipm/logs/ipm-debug.log").toString());
        System.setProperty("log4j2.configurationFile", "ipm-log4j2.properties");
        int code;
        try {
            code = run(Arguments.parse(args), home, System.getenv(), System.out);
        } catch (UsageException e) {
            System.err.println("ipm: " + e.getMessage());
            code = UsageException.EXIT_CODE;
        } catch (LauncherException e) {
            System.err.println("ipm: " + e.getMessage());
            code = 1;
        } catch (Exception e) {
            System.err.println("ipm: " + e);
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    static int run(Arguments arguments, Path home, Map<String, String> env, PrintStream out) throws Exception {
        switch (arguments.command()) {
            case "help" -> {
                out.print(usage());
                return 0;
            }
            case "token" -> {
                TokenCommand.Request request = TokenCommand.request(arguments.positional(0).orElse(null),
                        arguments.option("--org").orElse(null), arguments.option("--country").orElse(null),
                        arguments.option("--sub").orElse(null), arguments.option("--ttl").orElse(null));
                LocalKeys keys = LocalKeys.ensure(home.resolve(".ipm/keys"));
                out.println(TokenCommand.sign(request, keys, Instant.now()));
                return 0;
            }
            default -> {
                // Commands below read ports and paths from the environment.
            }
        }
        Settings settings = Settings.from(home, env);
        return switch (arguments.command()) {
            case "up" -> new UpCommand(settings, arguments, out).run(arguments.flag("--detach"));
            case "down" -> DownCommand.run(settings, env, out);
            case "status" -> StatusCommand.run(settings, out);
            case "logs" -> LogsCommand.run(settings, arguments, out);
            default -> throw new UsageException("Unknown command '" + arguments.command() + "'.");
        };
    }

    static String usage() throws IOException {
        try (InputStream in = Ipm.class.getResourceAsStream("/ipm-usage.txt")) {
            if (in == null) {
                return "Usage: ./ipm up|down|status|logs|token|help\n";
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
