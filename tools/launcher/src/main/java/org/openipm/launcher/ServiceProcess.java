package org.openipm.launcher;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Quarkus service as its own JVM ({@code java -jar target/quarkus-app/quarkus-run.jar}) with its own
 * environment and log file: how {@code ./ipm up} and the system tests start the real services.
 */
public final class ServiceProcess {

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private final boolean ownSession;
    private Process process;

    /** @param environment added to this JVM's (QUARKUS_HTTP_PORT from port); ownSession: see start() */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile,
            boolean ownSession) {
        this.name = name;
        this.jar = jar.toAbsolutePath();
        this.port = port;
        this.environment = environment;
        this.logFile = logFile.toAbsolutePath();
        this.ownSession = ownSession;
    }

    public synchronized ServiceProcess start() throws IOException {
        Files.createDirectories(logFile.getParent());
        // setsid (it execs in place: the pid stays the service's) puts it in a session of its own, out of reach of
        // the terminal's Ctrl-C and of its closing, so the launcher stops it itself, in order.
        List<String> command = new ArrayList<>(ownSession ? List.of("setsid", Processes.java()) : List.of(Processes.java()));
        // Small heaps and the serial collector: five services and Kafka share a laptop's cores and memory.
        command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        process = builder.start();
        return this;
    }

    public String name() {
        return name;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    /** Polls /q/health/ready until it answers 200; fails, naming the log, if the process exits first or time is up. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!(isAlive() && Processes.httpOk(baseUri().resolve("/q/health/ready")))) {
            if (!isAlive()) {
                throw LauncherException.failure(name + " exited with code " + process.exitValue()
                        + " before it was ready", logFile);
            }
            if (System.nanoTime() > deadline) {
                throw LauncherException.failure(name + " was not ready in time (/q/health/ready did not answer 200)",
                        logFile);
            }
            Processes.sleep(250);
        }
    }

    public List<String> logTail(int lines) {
        return Processes.tail(logFile, lines);
    }

    /** SIGTERM (Quarkus finishes in-flight work), SIGKILL after {@code grace}. @return true if it stopped on SIGTERM */
    public boolean stop(Duration grace) {
        return process == null || Processes.stop(process.toHandle(), grace);
    }
}
