package org.openipm.launcher;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Keycloak distribution of {@code ./ipm up --keycloak}: {@code org.keycloak:keycloak-quarkus-dist} (zip, the
 * root pom's {@code keycloak.version}), fetched from Maven Central by the project's own Maven wrapper the first
 * time it is needed ({@code ./mvnw -N dependency:unpack}, about 180 MB, kept in Maven's local repository too) and
 * unpacked into {@code .ipm/keycloak/keycloak-<version>}, where it stays with its database and built image.
 */
final class KeycloakDistribution {

    static final String ARTIFACT = "org.keycloak:keycloak-quarkus-dist:" + KeycloakServer.VERSION + ":zip";

    private KeycloakDistribution() {
    }

    /** The unpacked distribution's folder, fetched and unpacked first if it is not there yet. */
    static Path ensure(Settings settings) throws IOException {
        Path home = settings.keycloakDir().resolve(KeycloakServer.distributionFolder());
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return home;
        }
        // Unpacked aside and moved into place whole: an interrupted fetch never looks like a distribution.
        Path unpacking = settings.keycloakDir().resolve("unpacking");
        delete(unpacking);
        Files.createDirectories(unpacking);
        Path log = settings.logFile("keycloak-download");
        Processes.rotate(log);
        List<String> command = List.of(settings.projectDir.resolve("mvnw").toString(), "-B", "-ntp", "-N",
                // Unpacked again even if the plugin's marker (in target/) says a previous unpack happened elsewhere.
                "dependency:unpack", "-Dartifact=" + ARTIFACT, "-DoutputDirectory=" + unpacking,
                "-Dmdep.overWriteReleases=true");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(settings.projectDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        int exit;
        try {
            exit = builder.start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw LauncherException.failure("interrupted while fetching Keycloak", log);
        }
        Path unpacked = unpacking.resolve(KeycloakServer.distributionFolder());
        if (exit != 0 || !Files.isRegularFile(unpacked.resolve("bin/kc.sh"))) {
            throw LauncherException.failure("Could not fetch Keycloak (" + ARTIFACT + ") with ./mvnw", log);
        }
        Files.move(unpacked, home, StandardCopyOption.ATOMIC_MOVE);
        delete(unpacking);
        return home;
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}
