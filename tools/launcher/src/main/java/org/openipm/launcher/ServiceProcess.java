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
import java.util.Optional;

/**
 * One Quarkus service as its own JVM ({@code java -jar target/quarkus-app/quarkus-run.jar}) with its own
 * environment and log file: how {@code ./ipm up} and the system tests start the real services.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Small heaps and the serial collector: five services and Kafka share a laptop's cores and memory. */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private boolean ownSession;
    private Process process;

    /** @param environment added to this JVM's; QUARKUS_HTTP_PORT comes from {@code port} */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile) {
        this.name = name;
        this.jar = jar.toAbsolutePath();
        this.port = port;
        this.environment = environment;
        this.logFile = logFile.toAbsolutePath();
    }

    /** Out of reach of the terminal's Ctrl-C (the launcher stops it, in order); off for tests. */
    ServiceProcess ownSession() {
        this.ownSession = true;
        return this;
    }

    public synchronized ServiceProcess start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(name + " is not built: " + jar + " is missing");
        }
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>(List.of(Processes.java()));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(ownSession ? Processes.inOwnSession(command) : command)
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

    public int port() {
        return port;
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

    /** One probe: does /q/health/ready answer 200 now. */
    public boolean isReady() {
        return isAlive() && Processes.httpOk(baseUri().resolve("/q/health/ready"));
    }

    /** @throws NotReadyException if the process exits first or the deadline passes, with the log's end */
    public void awaitReady(Duration timeout) throws NotReadyException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            checkNotFailed(deadline);
            Processes.sleep(250);
        }
    }

    /** For a caller polling several services: throws if this one has failed. */
    void checkNotFailed(long deadlineNanos) throws NotReadyException {
        if (!isAlive()) {
            throw new NotReadyException(name, name + " exited with code " + process.exitValue() + " before it was ready");
        }
        if (System.nanoTime() > deadlineNanos) {
            throw new NotReadyException(name, name + " was not ready in time (/q/health/ready did not answer 200)");
        }
    }

    public Optional<Integer> exitCode() {
        return isAlive() || process == null ? Optional.empty() : Optional.of(process.exitValue());
    }

    public Path logFile() {
        return logFile;
    }

    public List<String> logTail(int lines) {
        return LogFiles.tail(logFile, lines);
    }

    /** SIGTERM (Quarkus finishes in-flight work), SIGKILL after {@code grace}. @return true if it stopped on SIGTERM */
    public boolean stop(Duration grace) {
        return process == null || Processes.stop(process.toHandle(), "TERM", grace);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    /** A service that exited or did not become ready in time. */
    public static final class NotReadyException extends Exception {

        private final String service;

        NotReadyException(String service, String message) {
            super(message);
            this.service = service;
        }

        public String service() {
            return service;
        }
    }
}
