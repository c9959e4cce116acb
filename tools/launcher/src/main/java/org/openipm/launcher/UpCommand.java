package org.openipm.launcher;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code ./ipm up}: checks first (built, not already running, ports free), then runs the platform here
 * ({@link PlatformRun}), or with {@code -d} in a background launcher whose console is followed until ready.
 */
@Command(name = "up")
final class UpCommand implements Callable<Integer> {

    @ParentCommand
    Ipm ipm;

    @Option(names = {"-d", "--detach"})
    boolean detach;

    /** Done by the ./ipm script before this JVM starts (a build rewrites the launcher's own jar). */
    @Option(names = "--build")
    boolean build;

    @Option(names = {"--infra-only", "--only-infra", "--infra"})
    boolean infraOnly;

    /** The background launcher started by {@code up -d}. */
    @Option(names = "--daemon-child", hidden = true)
    boolean daemonChild;

    /** For the ./ipm script: exit code 0 if everything this run needs is built. */
    @Option(names = "--check-built", hidden = true)
    boolean checkBuilt;

    @Option(names = {"-h", "--help"}, usageHelp = true, hidden = true)
    boolean help;

    @Override
    public Integer call() throws Exception {
        Settings settings = ipm.settings();
        boolean infra = infraOnly || settings.infraOnlyFromEnv;
        List<String> missing = infra ? List.of() : settings.services.stream()
                .filter(s -> !Files.isRegularFile(s.jar(settings.projectDir))).map(ServiceDefinition::name).toList();
        if (checkBuilt) {
            return missing.isEmpty() ? 0 : 1;
        }
        if (!missing.isEmpty()) {
            throw new LauncherException("Not built: " + String.join(", ", missing) + " (no target/quarkus-app/"
                    + "quarkus-run.jar). Run ./ipm up --build, or ./ipm up --infra-only for Kafka and PostgreSQL.", null);
        }
        Optional<RunState> previous = RunState.read(settings.ipmDir);
        if (previous.isPresent()) {
            Optional<ProcessHandle> launcher = previous.get().live(RunState.LAUNCHER);
            if (launcher.isPresent()) {
                throw new LauncherException("OpenIPM is already running (launcher pid " + launcher.get().pid()
                        + "): see ./ipm status, stop it with ./ipm down.", null);
            }
            if (!previous.get().alive().isEmpty()) { // killed with -9, say: its children still run
                ipm.out.println("A previous run was not stopped cleanly; stopping what it left:");
                DownCommand.stopLeftovers(previous.get(), ipm);
            }
            previous.get().delete();
        }
        Settings.requireFree(settings.ports(infra));
        return detach && !daemonChild ? detach(settings, infra) : new PlatformRun(settings, infra, ipm.out).run(daemonChild);
    }

    /** The same command in a background JVM of its own session (it survives this terminal); followed until ready. */
    private int detach(Settings settings, boolean infra) throws Exception {
        Path console = settings.logFile("ipm");
        LogFiles.rotate(console);
        List<String> command = new ArrayList<>(List.of(Processes.java()));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments()); // heap, ipm.home
        command.addAll(List.of("-cp", absoluteClassPath(), Ipm.class.getName(), "up", "--daemon-child"));
        if (infra) {
            command.add("--infra-only");
        }
        Process child = new ProcessBuilder(Processes.inOwnSession(command))
                .directory(settings.projectDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        // Ctrl-C while waiting abandons the start: the background launcher stops what it started.
        Thread abort = new Thread(() -> {
            if (!ready(settings, child)) {
                child.destroy();
                child.toHandle().onExit().completeOnTimeout(null, 60, TimeUnit.SECONDS).join();
            }
        });
        Runtime.getRuntime().addShutdownHook(abort);
        LogFiles.follow(console, 0, ipm.out, () -> !child.isAlive() || ready(settings, child));
        Runtime.getRuntime().removeShutdownHook(abort);
        if (child.isAlive()) {
            ipm.out.println("OpenIPM runs in the background (launcher pid " + child.pid()
                    + "). ./ipm status | ./ipm logs NAME -f | ./ipm down");
            return 0;
        }
        return Math.max(child.exitValue(), 1);
    }

    private static boolean ready(Settings settings, Process child) {
        return child.isAlive() && RunState.read(settings.ipmDir).filter(s -> s.live(RunState.LAUNCHER)
                .map(p -> p.pid() == child.pid()).orElse(false)).map(s -> s.phase().equals("ready")).orElse(false);
    }

    /** The child runs in the project directory, which need not be this JVM's: relative entries would break. */
    private static String absoluteClassPath() {
        return String.join(File.pathSeparator, List.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .stream().map(entry -> Path.of(entry).toAbsolutePath().toString()).toList());
    }
}
