package org.openipm.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.openipm.deploy.ComposeFileTest.PROJECT;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openipm.events.TopicSpec;
import org.openipm.events.Topics;
import org.openipm.launcher.ServiceDefinition;

/**
 * deploy/kubernetes, offline: every resource valid and strict (see {@link ManifestValidator}), then what ties them
 * together: each topic a service uses has its KafkaTopic, each service's KafkaUser grants what the service uses and
 * nothing more, every Secret and ConfigMap a workload reads exists, every variable a Deployment sets is a setting
 * its service reads, and each service has its probes, budget, autoscaler and network policy.
 */
class KubernetesManifestsTest {

    private static final Path K8S = PROJECT.resolve("deploy/kubernetes");
    private static final Path REGISTRY_SCRIPT = K8S.resolve("kafka/kafka-users-from-registries.sh");
    private static ManifestValidator validator;
    private static List<Path> manifests;
    private static List<JsonNode> resources;

    @BeforeAll
    static void load() {
        validator = new ManifestValidator(K8S.resolve("crds"),
                PROJECT.resolve("tools/deploy-checks/src/test/resources/schemas"));
        manifests = ManifestValidator.files(K8S, ".yaml").stream()
                .filter(file -> !file.startsWith(K8S.resolve("crds")))
                .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                .toList();
        resources = new ArrayList<>();
        manifests.forEach(file -> resources.addAll(ManifestValidator.load(file)));
    }

    @Test
    void everyResourceIsValidAgainstItsSchemaAndABrokenFileIsNot() {
        List<String> violations = new ArrayList<>();
        resources.forEach(resource -> violations.addAll(validator.violations(resource)));
        assertThat(violations).isEmpty();
        assertThat(kinds()).contains("Deployment", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster",
                "ScaledObject", "PodDisruptionBudget", "NetworkPolicy");

        // The fixture: one misspelt field per kind of check (Kubernetes model, Strimzi CRD, KEDA and CNPG subsets).
        List<JsonNode> broken = ManifestValidator.load(ComposeFileTest.fixture("broken-manifests.yaml"));
        Map<String, List<String>> found = new LinkedHashMap<>();
        broken.forEach(resource -> found.put(resource.path("kind").asText(), validator.violations(resource)));
        assertThat(found.get("Deployment")).singleElement().asString().contains("unknown field .spec.replica");
        assertThat(found.get("KafkaTopic")).isNotEmpty().anySatisfy(v -> assertThat(v).contains("partitons"));
        assertThat(found.get("ScaledObject")).isNotEmpty().anySatisfy(v -> assertThat(v).contains("maxReplicas"));
        assertThat(found.get("Cluster")).isNotEmpty().anySatisfy(v -> assertThat(v).contains("instance"));
        assertThat(found.get("KafkaUser")).isNotEmpty().anySatisfy(v -> assertThat(v).contains("patternType"));
    }

    @Test
    void everyKedaAndCloudNativePgResourceIsValidAgainstItsProjectsCrdSchemaAndABrokenFileIsNot() throws Exception {
        CrdValidators crds = CrdValidators.install();
        List<CrdValidators.Report> reports = crds.validate(manifests);
        // Each of these resources was seen by the CRD validators, and none has a complaint.
        assertThat(reports).extracting(CrdValidators.Report::key).containsExactlyInAnyOrderElementsOf(
                resources.stream().filter(r -> r.path("apiVersion").asText().matches("(keda\\.sh|postgresql\\.cnpg\\.io)/.*"))
                        .map(r -> r.path("apiVersion").asText() + "/" + r.path("kind").asText() + " " + name(r)).toList());
        assertThat(reports).extracting(CrdValidators.Report::kind).contains("ScaledObject", "TriggerAuthentication", "Cluster");
        assertThat(reports).filteredOn(report -> !report.errors().isEmpty()).isEmpty();

        // The fixture: a wrong type, a missing required field and a value outside an enum, one kind each.
        Map<String, List<String>> found = new LinkedHashMap<>();
        crds.validate(List.of(ComposeFileTest.fixture("broken-crd-types.yaml")))
                .forEach(report -> found.put(report.kind(), report.errors()));
        assertThat(found.get("ScaledObject")).singleElement().asString().contains("/spec/minReplicaCount must be integer");
        assertThat(found.get("TriggerAuthentication")).singleElement().asString().contains("required property key");
        assertThat(found.get("Cluster")).anySatisfy(v -> assertThat(v).contains("/spec/instances must be integer"))
                .anySatisfy(v -> assertThat(v).contains("/spec/primaryUpdateStrategy must be equal to one of the allowed values"));
    }

    @Test
    void everyTopicTheServicesUseHasItsKafkaTopicSizedAsTheContractsSay() {
        Map<String, JsonNode> topics = byName("KafkaTopic");
        for (TopicSpec spec : Topics.PLATFORM_TOPICS) {
            JsonNode topic = topics.get(spec.name());
            assertThat(topic).as(spec.name()).isNotNull();
            assertThat(topic.path("spec").path("partitions").asInt()).as(spec.name()).isEqualTo(spec.partitions());
            assertThat(topic.path("spec").path("config").path("cleanup.policy").asText("delete"))
                    .as(spec.name()).isEqualTo(spec.compacted() ? "compact" : "delete");
        }
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            ServiceUse use = ServiceUse.of(PROJECT, service.name());
            Set<String> used = new TreeSet<>(use.reads);
            used.addAll(use.writes);
            used.addAll(use.deadLetters);
            assertThat(topics.keySet()).as(service.name() + " uses").containsAll(used);
        }
        topics.values().forEach(topic -> {
            assertThat(topic.path("spec").path("replicas").asInt()).as(name(topic)).isEqualTo(3);
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt()).as(name(topic)).isEqualTo(2);
        });
    }

    @Test
    void eachServiceHasAKafkaUserWithTheAclsItNeedsAndNoMore() {
        Map<String, JsonNode> users = byName("KafkaUser");
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            ServiceUse use = ServiceUse.of(PROJECT, service.name());
            JsonNode user = users.get(service.name());
            assertThat(user).as("KafkaUser " + service.name()).isNotNull();
            assertThat(acls(user)).as(service.name()).isEqualTo(use.expectedAcls());
            assertThat(use.groups).as(service.name() + "'s consumer groups are within its prefix")
                    .allMatch(group -> group.startsWith(service.name() + "."));
        }
    }

    @Test
    void theRegistryScriptGivesEachBrandOnlyItsOwnAlertsEachCustomsSystemOnlySeizuresEachProviderOnlyItsPair()
            throws Exception {
        if (!onPath("bash") || !onPath("jq")) {
            if ("true".equals(System.getenv("CI"))) {
                fail("bash and jq are needed: .ci/run installs jq");
            }
            Assumptions.abort("jq is not installed (apt-get install jq): the registry script is not checked");
        }
        Path registries = PROJECT.resolve("tools/deploy-checks/src/test/resources/registries");
        ComposeFileTest.Result run = ComposeFileTest.run("bash", REGISTRY_SCRIPT.toString(),
                registries.resolve("brands.json").toString(), registries.resolve("authorities.json").toString(),
                registries.resolve("providers.json").toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<JsonNode> generated = ManifestValidator.parse(run.output());
        List<String> violations = new ArrayList<>();
        generated.forEach(resource -> violations.addAll(validator.violations(resource)));
        assertThat(violations).isEmpty();

        Map<String, Set<String>> acls = new HashMap<>();
        generated.stream().filter(r -> r.path("kind").asText().equals("KafkaUser")).forEach(u -> acls.put(name(u), acls(u)));
        assertThat(acls).containsOnlyKeys("brand.acme", "brand.acme-pharma", "customs.fr-customs", "ssp.sealvector");
        assertThat(acls.get("brand.acme")).containsExactlyInAnyOrder(
                "topic alerts.acme literal Read", "topic alerts.acme literal Describe", "group brand.acme. prefix Read");
        assertThat(acls.get("customs.fr-customs")).containsExactly("topic seizure-reported literal Write");
        assertThat(acls.get("ssp.sealvector")).containsExactlyInAnyOrder("topic ssp.sealvector.requests literal Read",
                "topic ssp.sealvector.replies literal Write", "group ssp.sealvector. prefix Read");
        assertThat(generated.stream().filter(r -> r.path("kind").asText().equals("KafkaTopic")).map(KubernetesManifestsTest::name))
                .containsExactlyInAnyOrder("ssp.sealvector.requests", "ssp.sealvector.replies",
                        "ssp.sealvector.replies.dlq.authentication-service");

        Path hostile = Files.createTempFile("brands", ".json");
        Files.writeString(hostile, "[{\"id\":\"acme\\nkind: Secret\"}]");
        ComposeFileTest.Result refused = ComposeFileTest.run("bash", REGISTRY_SCRIPT.toString(), hostile.toString(),
                registries.resolve("authorities.json").toString(), registries.resolve("providers.json").toString());
        assertThat(refused.exitCode()).as("an id that is not one is refused, not written").isNotZero();
        Files.delete(hostile);
    }

    @Test
    void everySecretAndConfigMapAWorkloadReadsExistsAndEveryVariableIsASettingOfItsService() {
        JsonNode kustomization = ManifestValidator.load(K8S.resolve("kustomization.yaml")).get(0);
        Map<String, Set<String>> secrets = new HashMap<>();
        for (JsonNode generator : kustomization.path("secretGenerator")) {
            Set<String> keys = new HashSet<>();
            generator.path("literals").forEach(l -> keys.add(l.asText().split("=", 2)[0]));
            generator.path("files").forEach(f -> keys.add(f.asText().split("=", 2)[0]));
            secrets.put(generator.path("name").asText(), keys);
        }
        byName("KafkaUser").keySet().forEach(user -> secrets.put(user, Set.of("password", "sasl.jaas.config")));
        byName("Kafka").keySet().forEach(cluster -> secrets.put(cluster + "-cluster-ca-cert", Set.of("ca.crt")));
        Set<String> configMaps = new HashSet<>();
        kustomization.path("configMapGenerator").forEach(g -> configMaps.add(g.path("name").asText()));
        Properties platformEnv = ServiceSettings.load(K8S.resolve("platform.env"));

        List<String> missing = new ArrayList<>();
        for (JsonNode deployment : ofKind("Deployment")) {
            ServiceSettings settings = new ServiceSettings(PROJECT, name(deployment));
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            for (JsonNode container : pod.path("containers")) {
                for (JsonNode source : container.path("envFrom")) {
                    String configMap = source.path("configMapRef").path("name").asText();
                    require(configMaps.contains(configMap), name(deployment) + " reads ConfigMap " + configMap, missing);
                    platformEnv.stringPropertyNames().forEach(variable -> settings.problemWith(variable).ifPresent(
                            problem -> missing.add(name(deployment) + " (platform.env): " + problem)));
                }
                for (JsonNode env : container.path("env")) {
                    String variable = env.path("name").asText();
                    settings.problemWith(variable).ifPresent(problem -> missing.add(name(deployment) + ": " + problem));
                    JsonNode ref = env.path("valueFrom").path("secretKeyRef");
                    if (!ref.isMissingNode()) {
                        requireSecret(secrets, ref.path("name").asText(), ref.path("key").asText(), name(deployment), missing);
                    }
                }
            }
            for (JsonNode volume : pod.path("volumes")) {
                JsonNode secret = volume.path("secret");
                if (!secret.isMissingNode()) {
                    requireSecret(secrets, secret.path("secretName").asText(), null, name(deployment), missing);
                    secret.path("items").forEach(item -> requireSecret(secrets, secret.path("secretName").asText(),
                            item.path("key").asText(), name(deployment), missing));
                }
            }
        }
        for (JsonNode auth : ofKind("TriggerAuthentication")) {
            auth.path("spec").path("secretTargetRef").forEach(ref -> requireSecret(secrets, ref.path("name").asText(),
                    ref.path("key").asText(), name(auth), missing));
        }
        for (JsonNode cluster : ofKind("Cluster")) {
            cluster.path("spec").path("managed").path("roles").forEach(role -> {
                String secret = role.path("passwordSecret").path("name").asText();
                requireSecret(secrets, secret, "username", name(cluster), missing);
                requireSecret(secrets, secret, "password", name(cluster), missing);
            });
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void eachServiceHasProbesResourcesABudgetAnAutoscalerWithinItsPartitionsAndANetworkPolicy() {
        Map<String, JsonNode> topics = byName("KafkaTopic");
        for (ServiceDefinition service : ServiceDefinition.ALL) {
            String name = service.name();
            JsonNode deployment = byName("Deployment").get(name);
            assertThat(deployment).as(name).isNotNull();
            assertThat(byName("Service")).containsKey(name);
            assertThat(byName("PodDisruptionBudget")).containsKey(name);
            assertThat(byName("NetworkPolicy")).containsKey(name);
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            assertThat(container.path("startupProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/started");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(container.path("resources").path("limits").path("memory").asText()).as(name)
                    .isNotEmpty().isEqualTo(container.path("resources").path("requests").path("memory").asText());
            assertThat(deployment.path("spec").has("replicas")).as(name + ": KEDA owns the replica count").isFalse();

            JsonNode scaled = byName("ScaledObject").get(name);
            assertThat(scaled).as("ScaledObject " + name).isNotNull();
            assertThat(scaled.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo(name);
            ServiceUse use = ServiceUse.of(PROJECT, name);
            int max = scaled.path("spec").path("maxReplicaCount").asInt();
            for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                if (trigger.path("type").asText().equals("kafka")) {
                    String topic = trigger.path("metadata").path("topic").asText();
                    String group = trigger.path("metadata").path("consumerGroup").asText();
                    assertThat(use.groupsByTopic.get(topic)).as(name + " consumes " + topic + " in group").isEqualTo(group);
                    assertThat(max).as(name + ": no more replicas than " + topic + "'s partitions")
                            .isLessThanOrEqualTo(topics.get(topic).path("spec").path("partitions").asInt());
                }
            }
        }
        assertThat(byName("ScaledObject").get("lookup-service").path("spec").path("triggers"))
                .as("lookup-service scales on CPU, by KEDA").allSatisfy(t -> assertThat(t.path("type").asText()).isEqualTo("cpu"));
    }

    private static void requireSecret(Map<String, Set<String>> secrets, String name, String key, String reader, List<String> missing) {
        Set<String> keys = secrets.get(name);
        if (keys == null) {
            missing.add(reader + " reads Secret " + name + ", which nothing makes");
        } else if (key != null && !keys.contains(key)) {
            missing.add(reader + " reads key " + key + " of Secret " + name + ", which has " + keys);
        }
    }

    private static void require(boolean condition, String problem, List<String> problems) {
        if (!condition) {
            problems.add(problem);
        }
    }

    static Set<String> acls(JsonNode user) {
        Set<String> acls = new TreeSet<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            for (JsonNode operation : acl.path("operations")) {
                acls.add(resource.path("type").asText() + " " + resource.path("name").asText() + " "
                        + resource.path("patternType").asText("literal") + " " + operation.asText());
            }
        }
        return acls;
    }

    private static Set<String> kinds() {
        Set<String> kinds = new HashSet<>();
        resources.forEach(r -> kinds.add(r.path("kind").asText()));
        return kinds;
    }

    private static List<JsonNode> ofKind(String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    private static Map<String, JsonNode> byName(String kind) {
        Map<String, JsonNode> named = new LinkedHashMap<>();
        ofKind(kind).forEach(r -> named.put(name(r), r));
        return named;
    }

    static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    private static boolean onPath(String binary) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, binary)));
    }

    /**
     * What one service does with Kafka, read from its code and settings: the topics its channels read (and their
     * groups), its dead-letter topics, the topics it writes (outbox or publisher, named by event-contracts'
     * constants), and the families of topics it reaches by name at run time (providers' pairs, brands' alerts).
     */
    static final class ServiceUse {

        private static final Pattern WRITES = Pattern.compile("(?:outbox\\.(?:record|stage)|publisher\\.publish)\\(\\s*Topics\\.([A-Z_]+)");
        private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(topic|group\\.id|dead-letter-queue\\.topic|pattern)");

        final Set<String> reads = new TreeSet<>();
        final Set<String> writes = new TreeSet<>();
        final Set<String> deadLetters = new TreeSet<>();
        final Set<String> groups = new TreeSet<>();
        final Map<String, String> groupsByTopic = new HashMap<>();
        boolean providerTopics;
        boolean createsAlertTopics;
        private final String service;

        private ServiceUse(String service) {
            this.service = service;
        }

        static ServiceUse of(Path project, String service) {
            ServiceUse use = new ServiceUse(service);
            Properties properties = ServiceSettings.load(project.resolve(service).resolve("src/main/resources/application.properties"));
            Map<String, Map<String, String>> channels = new HashMap<>();
            for (String key : properties.stringPropertyNames()) {
                Matcher channel = CHANNEL.matcher(key);
                if (channel.matches()) {
                    channels.computeIfAbsent(channel.group(1), c -> new HashMap<>()).put(channel.group(2), properties.getProperty(key));
                }
            }
            channels.values().forEach(channel -> {
                if (!"true".equals(channel.get("pattern"))) {
                    use.reads.add(channel.get("topic"));
                    use.groupsByTopic.put(channel.get("topic"), channel.get("group.id"));
                }
                use.groups.add(channel.get("group.id"));
                if (channel.containsKey("dead-letter-queue.topic")) {
                    use.deadLetters.add(channel.get("dead-letter-queue.topic"));
                }
            });
            for (Path source : ManifestValidator.files(project.resolve(service).resolve("src/main/java"), ".java")) {
                String code = ServiceSettings.read(source);
                Matcher written = WRITES.matcher(code);
                while (written.find()) {
                    use.writes.add(constant(written.group(1)));
                }
                use.providerTopics |= code.contains("ProviderTopics.");
                use.createsAlertTopics |= code.contains("Admin.create(");
            }
            return use;
        }

        /** The ACLs this use needs, in the form {@link KubernetesManifestsTest#acls} lists them. */
        Set<String> expectedAcls() {
            Set<String> acls = new TreeSet<>();
            reads.forEach(topic -> acls.add("topic " + topic + " literal Read"));
            writes.forEach(topic -> acls.add("topic " + topic + " literal Write"));
            deadLetters.forEach(topic -> {
                acls.add("topic " + topic + " literal Read");
                acls.add("topic " + topic + " literal Write");
            });
            if (!groups.isEmpty()) {
                acls.add("group " + service + ". prefix Read");
            }
            if (providerTopics) { // writes ssp.<id>.requests, reads ssp.<id>.replies, dead-letters those replies
                acls.add("topic ssp. prefix Read");
                acls.add("topic ssp. prefix Write");
            }
            if (createsAlertTopics) { // creates alerts.<brand id> and queues alerts to them
                acls.add("topic " + Topics.ALERTS_PREFIX + " prefix Create");
                acls.add("topic " + Topics.ALERTS_PREFIX + " prefix Write");
                acls.add("topic " + Topics.ALERTS_PREFIX + " prefix Describe");
            }
            if (acls.isEmpty()) { // connects for its health check only
                acls.add("cluster kafka-cluster literal Describe");
            }
            return acls;
        }

        private static String constant(String name) {
            try {
                return (String) Topics.class.getField(name).get(null);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Topics." + name, e);
            }
        }
    }
}
