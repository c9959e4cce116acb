package org.openipm.deploy;

import static org.assertj.core.api.Assertions.fail;
import static org.openipm.deploy.ComposeFileTest.PROJECT;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * KEDA's and CloudNativePG's resources against validators compiled from their projects' own CRD schemas (npm's
 * {@code @kubernetes-models/keda} and {@code @kubernetes-models/cloudnative-pg}, pinned by
 * {@code src/test/crd-validators/package-lock.json}), run by Node. These know every field, type, enum and bound of the CRDs
 * but accept unknown fields, so the strict subset schemas of {@link ManifestValidator} stay beside them.
 * The packages are installed by {@code npm ci} into {@code target/crd-validators}, again only when the lock changes.
 */
final class CrdValidators {

    private static final Path SOURCES = PROJECT.resolve("tools/deploy-checks/src/test/crd-validators");
    private static final Path INSTALLED = PROJECT.resolve("tools/deploy-checks/target/crd-validators");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", "validate-crds.mjs");

    /** One KEDA or CloudNativePG resource and what its CRD schema says is wrong with it (empty when valid). */
    record Report(String file, String apiVersion, String kind, String name, List<String> errors) {

        String key() {
            return apiVersion + "/" + kind + " " + name;
        }
    }

    private CrdValidators() {
    }

    /**
     * Installed and ready, or the test is skipped with a reason; in CI (which has Node and npm: the build needs
     * them) a missing tool or a failed install is a failure.
     */
    static CrdValidators install() throws IOException, InterruptedException {
        if (!onPath("node") || !onPath("npm")) {
            unavailable("node (20 or later) and npm are not on the PATH: KEDA's and CloudNativePG's "
                    + "resources are not checked against their CRD schemas");
        }
        Files.createDirectories(INSTALLED);
        boolean lockChanged = !sameContent(SOURCES.resolve("package-lock.json"), INSTALLED.resolve("package-lock.json"));
        for (String file : FILES) {
            Files.copy(SOURCES.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.isDirectory(INSTALLED.resolve("node_modules"))) {
            // Exactly the locked versions, from npm's cache when there; no install scripts run. The packages declare
            // Node 22 (a warning, silenced), their code runs on 20, which the build needs anyway (event-contracts).
            ComposeFileTest.Result npm = run(true, "npm", "ci", "--ignore-scripts", "--prefer-offline", "--no-audit",
                    "--no-fund", "--loglevel=error");
            if (npm.exitCode() != 0) {
                Files.deleteIfExists(INSTALLED.resolve("package-lock.json")); // so that the next run tries again
                unavailable("npm ci failed, KEDA's and CloudNativePG's CRD schemas are not checked:\n" + npm.output());
            }
        }
        return new CrdValidators();
    }

    /** Every KEDA and CloudNativePG resource of these files, each with its CRD schema's verdict. */
    List<Report> validate(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "validate-crds.mjs"));
        files.forEach(file -> command.add(file.toAbsolutePath().toString()));
        ComposeFileTest.Result result = run(false, command.toArray(String[]::new));
        if (result.exitCode() != 0) {
            fail("validate-crds.mjs failed:\n" + result.output());
        }
        List<Report> reports = new ArrayList<>();
        for (String line : result.output().lines().filter(l -> l.startsWith("{")).toList()) {
            JsonNode json = ManifestValidator.JSON.readTree(line);
            List<String> errors = new ArrayList<>();
            json.path("errors").forEach(error -> errors.add(error.asText()));
            reports.add(new Report(json.path("file").asText(), json.path("apiVersion").asText(), json.path("kind").asText(),
                    json.path("name").asText(), errors));
        }
        return reports;
    }

    /** Runs in the install folder; Node's own errors go to the build log unless merged into the output. */
    private static ComposeFileTest.Result run(boolean mergeErrors, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(INSTALLED.toFile());
        if (mergeErrors) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ComposeFileTest.Result(process.waitFor(), output);
    }

    private static void unavailable(String reason) {
        if ("true".equals(System.getenv("CI"))) {
            fail(reason);
        }
        Assumptions.abort(reason);
    }

    private static boolean sameContent(Path a, Path b) {
        try {
            return Files.exists(b) && Files.mismatch(a, b) == -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean onPath(String binary) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, binary)));
    }
}
