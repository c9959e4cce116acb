package org.openipm.launcher;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Quarkus service as a separate JVM ({@code java -jar target/quarkus-app/quarkus-run.jar}) with its own
 * environment and log file. Public and free of launcher state so that end-to-end tests can start the real
 * services the same way {@code ./ipm up} does:
 *
 * <pre>{@code
 * try (ServiceProcess product = new ServiceProcess("product-service", jar, 8081, env, logFile).start()) {
 *     product.awaitReady(Duration.ofSeconds(60));
 *     ...
 * } // SIGTERM, then SIGKILL after the grace period
 * }</pre>
 */
public final class ServiceProcess implements AutoCloseable {

    /** Small heaps and the serial collector: five services and Kafka share 2 cores and a laptop's memory. */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC");
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(20);

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final Path logFile;
    private List<String> jvmOptions = DEFAULT_JVM_OPTIONS;
    private boolean ownProcessGroup;
    private volatile Process process;

    /**
     * @param environment added to the current environment; {@code QUARKUS_HTTP_PORT} is set from {@code port}
     * @param logFile     standard output and error, appended
     */
    public ServiceProcess(String name, Path jar, int port, Map<String, String> environment, Path logFile) {
        this.name = Objects.requireNonNull(name);
        this.jar = jar.toAbsolutePath();
        this.port = port;
        this.environment = new LinkedHashMap<>(environment);
        this.environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        this.logFile = logFile.toAbsolutePath();
    }

    /** JVM options before {@code -jar} (default {@link #DEFAULT_JVM_OPTIONS}). */
    public ServiceProcess jvmOptions(List<String> options) {
        this.jvmOptions = List.copyOf(options);
        return this;
    }

    /**
     * Run the JVM in its own process group, out of reach of the terminal's Ctrl-C: the launcher then stops it
     * itself, in order. Off by default, so a test run interrupted with Ctrl-C takes its services down with it.
     */
    public ServiceProcess ownProcessGroup(boolean own) {
        this.ownProcessGroup = own;
        return this;
    }

    public synchronized ServiceProcess start() throws IOException {
        if (process != null) {
            throw new IllegalStateException(name + " already started");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IOException(name + " is not built: " + jar + " is missing");
        }
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>();
        command.add(Processes.javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(ownProcessGroup ? Processes.inOwnProcessGroup(command) : command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process().pid();
    }

    public Optional<ProcessHandle> handle() {
        return process == null ? Optional.empty() : Optional.of(process.toHandle());
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The exit code once the process has ended. */
    public Optional<Integer> exitCode() {
        return process == null || process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    public URI readinessUri() {
        return baseUri().resolve("/q/health/ready");
    }

    /** One probe: does /q/health/ready answer 200 now. */
    public boolean isReady() {
        return isAlive() && Readiness.httpOk(readinessUri());
    }

    /**
     * Polls readiness until it answers 200.
     *
     * @throws NotReadyException if the process exits first or the timeout passes (with the log's tail)
     */
    public void awaitReady(Duration timeout) throws NotReadyException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isReady()) {
            checkNotFailed(deadline, timeout);
            Processes.sleep(250);
        }
    }

    /** For callers polling several services at once: throws if this one has failed, else returns. */
    void checkNotFailed(long deadlineNanos, Duration timeout) throws NotReadyException {
        if (!isAlive()) {
            throw new NotReadyException(name, name + " exited with code " + exitCode().orElse(-1)
                    + " before it was ready", LogFiles.tail(logFile, 30));
        }
        if (System.nanoTime() > deadlineNanos) {
            throw new NotReadyException(name, name + " was not ready within " + timeout.toSeconds() + " s ("
                    + readinessUri() + " did not answer 200)", LogFiles.tail(logFile, 30));
        }
    }

    public List<String> logTail(int lines) {
        return LogFiles.tail(logFile, lines);
    }

    /**
     * SIGTERM (Quarkus shuts down gracefully: in-flight requests, Kafka consumers), then SIGKILL after
     * {@code grace}.
     *
     * @return true if it stopped on SIGTERM
     */
    public boolean stop(Duration grace) {
        return process == null || Processes.stop(process.toHandle(), "TERM", grace);
    }

    @Override
    public void close() {
        stop(DEFAULT_STOP_GRACE);
    }

    private Process process() {
        if (process == null) {
            throw new IllegalStateException(name + " not started");
        }
        return process;
    }

    /** A service that exited or did not become ready in time; carries the end of its log. */
    public static final class NotReadyException extends Exception {

        private final String service;
        private final List<String> logTail;

        public NotReadyException(String service, String message, List<String> logTail) {
            super(message);
            this.service = service;
            this.logTail = List.copyOf(logTail);
        }

        public String service() {
            return service;
        }

        public List<String> logTail() {
            return logTail;
        }
    }
}
