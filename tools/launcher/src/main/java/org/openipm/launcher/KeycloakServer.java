package org.openipm.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Keycloak, the identity provider of record, run from its distribution ({@code org.keycloak:keycloak-quarkus-dist},
 * a zip on Maven Central) in development mode with the OpenIPM realm ({@code deploy/keycloak/openipm-realm.json})
 * imported at start: how {@code ./ipm up --keycloak} and the system tests run it. Development mode keeps its
 * data in an embedded H2 file inside the distribution and serves plain HTTP, on the loopback interface only.
 */
public final class KeycloakServer {

    public static final String REALM = "openipm";
    /** The realm export, relative to the project. */
    public static final String REALM_FILE = "deploy/keycloak/openipm-realm.json";
    /** The realm's public keys (JWKS), relative to its issuer. */
    public static final String JWKS_PATH = "/protocol/openid-connect/certs";
    /** The token endpoint, relative to the issuer. */
    public static final String TOKEN_PATH = "/protocol/openid-connect/token";
    /** The distribution's version: the root pom's {@code keycloak.version}, filtered into keycloak.properties. */
    public static final String VERSION = version();

    private final Path home;
    private final int port;
    private final String adminPassword;
    private final Path logFile;
    private Process process;

    /**
     * @param home          the unpacked distribution (it contains {@code bin/kc.sh})
     * @param adminPassword of the bootstrap administrator {@code admin} of the master realm (admin console and
     *                      REST API); only used when Keycloak creates its database, on the first start
     */
    public KeycloakServer(Path home, int port, String adminPassword, Path logFile) {
        this.home = home.toAbsolutePath();
        this.port = port;
        this.adminPassword = adminPassword;
        this.logFile = logFile.toAbsolutePath();
    }

    /** The folder a distribution unpacks into: {@code keycloak-<version>}. */
    public static String distributionFolder() {
        return "keycloak-" + VERSION;
    }

    /**
     * Starts {@code kc.sh start-dev} with the project's realm in {@code data/import}. The realm is imported when
     * Keycloak's database does not know it yet; a realm already there is kept as it is (with any change made
     * in the admin console). The very first start of a distribution also builds its server image: a minute
     * or more.
     */
    public synchronized KeycloakServer start(Path projectDir, boolean ownSession) throws IOException {
        Path kcScript = home.resolve("bin/kc.sh");
        if (!Files.isRegularFile(kcScript)) {
            throw new IOException("No Keycloak distribution in " + home + " (bin/kc.sh is missing)");
        }
        Path imports = Files.createDirectories(home.resolve("data/import"));
        Files.copy(projectDir.resolve(REALM_FILE), imports.resolve("openipm-realm.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.createDirectories(logFile.getParent());
        List<String> command = new ArrayList<>(ownSession ? List.of("setsid", "bash") : List.of("bash"));
        // Loopback only; the hostname fixes the issuer (http://localhost:<port>/realms/openipm) whatever address a
        // client uses, so the services' expected issuer always matches.
        command.addAll(List.of(kcScript.toString(), "start-dev", "--http-host=127.0.0.1", "--http-port=" + port,
                "--hostname=http://localhost:" + port, "--import-realm"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // kc.sh's default heap is a share of the machine's memory; 512 MB is plenty for a local realm.
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        process = builder.start();
        return this;
    }

    public URI baseUri() {
        return URI.create("http://localhost:" + port);
    }

    public int port() {
        return port;
    }

    /** What the realm's tokens carry in {@code iss}, and what the services must expect. */
    public String issuer() {
        return issuer(port);
    }

    /** The realm's issuer when Keycloak listens on this port (the hostname is fixed to localhost at start). */
    public static String issuer(int port) {
        return "http://localhost:" + port + "/realms/" + REALM;
    }

    /** The realm's public keys (JWKS): the services' {@code mp.jwt.verify.publickey.location}. */
    public String jwksUrl() {
        return issuer() + JWKS_PATH;
    }

    public String tokenUrl() {
        return issuer() + TOKEN_PATH;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Ready once the realm's discovery document is served: the realm is imported and tokens can be issued. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        while (!(isAlive() && Processes.httpOk(discovery))) {
            if (!isAlive()) {
                throw LauncherException.failure("Keycloak exited with code " + process.exitValue()
                        + " before it was ready", logFile);
            }
            if (System.nanoTime() > deadline) {
                throw LauncherException.failure("Keycloak was not ready in time (" + discovery + " did not answer 200)",
                        logFile);
            }
            Processes.sleep(500);
        }
    }

    public List<String> logTail(int lines) {
        return Processes.tail(logFile, lines);
    }

    /**
     * SIGTERM, SIGKILL after {@code grace}; a first start's image build runs in a child of kc.sh, which goes too.
     * @return true if it stopped on SIGTERM
     */
    public boolean stop(Duration grace) {
        if (process == null) {
            return true;
        }
        List<ProcessHandle> children = process.toHandle().descendants().toList();
        boolean graceful = Processes.stop(process.toHandle(), grace);
        children.forEach(ProcessHandle::destroyForcibly);
        return graceful;
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
