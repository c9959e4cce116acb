package org.openipm.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings one service reads, found where they are declared: its {@code application.properties}, the
 * platform's shared defaults, the {@code @ConfigMapping} interfaces of its module and of platform-runtime, Kafka's
 * own client settings (every {@code kafka.*} key reaches all of a service's clients), and the few Quarkus
 * extension keys a deployment sets without any file naming them (each only for a service whose build has the
 * extension). An environment variable is a setting when its name is the environment form of one of these keys
 * (SmallRye Config: upper case, every other character than a letter or digit becomes {@code _}).
 * <p>
 * A channel's setting ({@code MP_MESSAGING_...}) takes effect only when its key is also declared for production
 * (without a profile or under {@code %prod}) in a properties file the service reads. Channels are found by listing
 * the configuration's names, and a variable's name cannot be turned back into its key when the channel's name has
 * a dash: {@code MP_MESSAGING_INCOMING_PRODUCT_EVENTS_CLIENT_ID} would be read as channel {@code product} (the
 * service then refuses to start: "the connector attribute must be set for channel product"). A declared key tells
 * SmallRye Config what the variable stands for.
 */
final class ServiceSettings {

    /** Quarkus keys with no line in our files, and the extension (artifactId) that reads each. */
    private static final Map<String, String> EXTENSION_KEYS = Map.of(
            "quarkus.datasource.password", "quarkus-jdbc-postgresql",
            "mp.jwt.verify.publickey.location", "quarkus-smallrye-jwt",
            "quarkus.shutdown.timeout", "quarkus-core",
            "quarkus.mailer.host", "quarkus-mailer",
            "quarkus.mailer.port", "quarkus-mailer",
            "quarkus.mailer.username", "quarkus-mailer",
            "quarkus.mailer.password", "quarkus-mailer",
            "quarkus.mailer.start-tls", "quarkus-mailer");

    /** Channel settings (mp.messaging.incoming|outgoing|connector...): effective only when declared, see above. */
    private static final String CHANNEL_VARIABLES = "MP_MESSAGING_";

    private static final Pattern MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
    private static final Pattern MAPPING_METHOD = Pattern.compile("^\\s+(?:[\\w<>,.? ]+)\\s+(\\w+)\\(\\);", Pattern.MULTILINE);
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\(\"([^\"]+)\"\\)\\s+[\\w<>,.? ]+\\s+(\\w+)\\(\\);");

    private final Path project;
    private final String service;
    private final Set<String> keys = new HashSet<>();
    /** Keys declared for the production profile: what a channel's variable needs (see above). */
    private final Set<String> productionKeys = new HashSet<>();
    private final Set<String> mappingEnvPaths = new HashSet<>();

    ServiceSettings(Path project, String service) {
        this.project = project;
        this.service = service;
        for (Path file : List.of(project.resolve(service).resolve("src/main/resources/application.properties"),
                project.resolve("platform/platform-runtime/src/main/resources/META-INF/microprofile-config.properties"))) {
            keys.addAll(propertyKeys(file));
            productionKeys.addAll(productionKeys(file));
        }
        String poms = read(project.resolve(service).resolve("pom.xml")) + read(project.resolve("platform/platform-runtime/pom.xml"));
        EXTENSION_KEYS.forEach((key, extension) -> {
            if (extension.equals("quarkus-core") || poms.contains("<artifactId>" + extension + "</artifactId>")) {
                keys.add(key);
            }
        });
        mappings(project.resolve(service).resolve("src/main/java"));
        mappings(project.resolve("platform/platform-runtime/src/main/java"));
    }

    /** The key this variable sets for this service, if the service reads one. */
    Optional<String> keyOf(String variable) {
        if (variable.startsWith("KAFKA_")) {
            String kafkaSetting = variable.substring("KAFKA_".length()).toLowerCase(Locale.ROOT).replace('_', '.');
            return kafkaClientSettings().contains(kafkaSetting) ? Optional.of("kafka." + kafkaSetting) : Optional.empty();
        }
        if (variable.startsWith(CHANNEL_VARIABLES)) {
            return productionKeys.stream().filter(key -> env(key).equals(variable)).findFirst();
        }
        Optional<String> declared = keys.stream().filter(key -> env(key).equals(variable)).findFirst();
        return declared.isPresent() ? declared
                : mappingEnvPaths.contains(variable) ? Optional.of(variable + " (@ConfigMapping)") : Optional.empty();
    }

    /**
     * Why this variable would not take effect in the service, if it would not: no setting of the service has this
     * name, or it is a channel setting not declared for production (see above).
     */
    Optional<String> problemWith(String variable) {
        if (keyOf(variable).isPresent()) {
            return Optional.empty();
        }
        if (variable.startsWith(CHANNEL_VARIABLES)) {
            return Optional.of(variable + " is a channel setting that " + service + "'s application.properties does"
                    + " not declare for production: the variable's name alone cannot say which channel it is for"
                    + " (a dash in a channel name), so it would not take effect (a dashed channel's would even stop"
                    + " the service at start)");
        }
        return Optional.of(variable + " is no setting " + service + " reads");
    }

    /** A key or variable name in its environment form. */
    static String env(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** What application.properties sets this key to, profile {@code %prod} first. */
    Optional<String> property(String key) {
        Properties properties = load(project.resolve(service).resolve("src/main/resources/application.properties"));
        return Optional.ofNullable(properties.getProperty("%prod." + key, properties.getProperty(key)));
    }

    private static Set<String> kafkaClientSettings() {
        Set<String> names = new HashSet<>(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.addAll(AdminClientConfig.configNames());
        return names;
    }

    /** Every leaf setting of every @ConfigMapping interface: prefix + method path, in environment form. */
    private void mappings(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = read(file);
                Matcher prefix = MAPPING_PREFIX.matcher(source);
                if (!prefix.find()) {
                    continue;
                }
                List<String> names = new java.util.ArrayList<>();
                MAPPING_METHOD.matcher(source).results().forEach(m -> names.add(kebab(m.group(1))));
                WITH_NAME.matcher(source).results().forEach(m -> names.add(m.group(1)));
                // Nested groups (calls().maxRetries() = calls.max-retries): one level deep, as ours are.
                for (String first : names) {
                    mappingEnvPaths.add(env(prefix.group(1) + "." + first));
                    for (String second : names) {
                        mappingEnvPaths.add(env(prefix.group(1) + "." + first + "." + second));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static Set<String> propertyKeys(Path file) {
        Set<String> keys = new HashSet<>();
        for (String key : load(file).stringPropertyNames()) {
            keys.add(key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key);
        }
        return keys;
    }

    /** Keys active in production: declared without a profile or under {@code %prod}. */
    private static Set<String> productionKeys(Path file) {
        Set<String> keys = new HashSet<>();
        for (String key : load(file).stringPropertyNames()) {
            if (!key.startsWith("%")) {
                keys.add(key);
            } else if (key.startsWith("%prod.")) {
                keys.add(key.substring("%prod.".length()));
            }
        }
        return keys;
    }

    static Properties load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
