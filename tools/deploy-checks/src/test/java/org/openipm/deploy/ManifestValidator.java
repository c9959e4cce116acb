package org.openipm.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks Kubernetes manifests offline and strictly (an unknown field is an error, as {@code kubectl apply
 * --validate=strict} would say): built-in kinds against the Kubernetes API model (fabric8's, generated from
 * Kubernetes' OpenAPI), Strimzi's kinds against the OpenAPI schemas of the CRD files committed in
 * {@code deploy/kubernetes/crds/}, KEDA's and CloudNativePG's against strict subset schemas (their CRD-derived
 * validators, {@link CrdValidators}, accept unknown fields; see {@code schemas/README.md}). A kind none of these knows
 * is an error too.
 */
final class ManifestValidator {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Class<?>> BUILT_IN = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private final Map<String, Schema> schemas = new HashMap<>();

    ManifestValidator(Path crdFolder, Path subsetSchemaFolder) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaLoader(loader -> loader.fetchRemoteResources(false)));
        for (Path crd : files(crdFolder, ".yaml")) {
            for (JsonNode definition : load(crd)) {
                JsonNode spec = definition.path("spec");
                for (JsonNode version : spec.path("versions")) {
                    if (version.path("served").asBoolean()) {
                        String key = spec.path("group").asText() + "/" + version.path("name").asText() + "/"
                                + spec.path("names").path("kind").asText();
                        schemas.put(key, registry.getSchema(strict(version.path("schema").path("openAPIV3Schema"))));
                    }
                }
            }
        }
        schemas.put("keda.sh/v1alpha1/ScaledObject", registry.getSchema(read(subsetSchemaFolder.resolve("keda-scaledobject.subset.schema.json"))));
        schemas.put("keda.sh/v1alpha1/TriggerAuthentication",
                registry.getSchema(read(subsetSchemaFolder.resolve("keda-triggerauthentication.subset.schema.json"))));
        schemas.put("postgresql.cnpg.io/v1/Cluster", registry.getSchema(read(subsetSchemaFolder.resolve("cnpg-cluster.subset.schema.json"))));
    }

    /** What is wrong with one resource; empty when it is valid. */
    List<String> violations(JsonNode resource) {
        String key = resource.path("apiVersion").asText() + "/" + resource.path("kind").asText();
        String where = key + " " + resource.path("metadata").path("name").asText() + ": ";
        Class<?> model = BUILT_IN.get(key);
        if (model != null) {
            try {
                List<String> unknown = new ArrayList<>();
                unknownFields(JSON.treeToValue(resource, model), "", unknown);
                return unknown.stream().map(field -> where + "unknown field " + field).toList();
            } catch (IOException | IllegalArgumentException e) {
                return List.of(where + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        Schema schema = schemas.get(key);
        if (schema == null) {
            return List.of(where + "no schema for this kind (neither built in nor a committed CRD)");
        }
        return schema.validate(resource).stream().map(Error::toString).map(message -> where + message).toList();
    }

    /** The CRD's structural schema as JSON Schema: objects with declared properties take no others. */
    static JsonNode strict(JsonNode openApi) {
        JsonNode copy = openApi.deepCopy();
        tighten(copy);
        return copy;
    }

    private static void tighten(JsonNode node) {
        if (node instanceof ObjectNode schema) {
            if (schema.path("x-kubernetes-int-or-string").asBoolean()) {
                schema.remove("type");
                ArrayNode types = schema.putArray("type");
                types.add("integer").add("string");
            }
            if (schema.path("nullable").asBoolean() && schema.path("type").isTextual()) {
                String type = schema.path("type").asText();
                schema.putArray("type").add(type).add("null");
            }
            if (schema.has("properties") && !schema.has("additionalProperties")
                    && !schema.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
                schema.put("additionalProperties", false);
            }
            schema.remove("format"); // OpenAPI formats (int32, int64) are not JSON Schema's
            schema.properties().forEach(entry -> {
                if (entry.getKey().equals("properties")) {
                    entry.getValue().forEach(ManifestValidator::tighten);
                } else {
                    tighten(entry.getValue());
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(ManifestValidator::tighten);
        }
    }

    /** Fields the model did not know: fabric8 keeps them in each object's additional properties. */
    private static void unknownFields(Object value, String path, List<String> found) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, found));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            String name = getter.getName();
            if (getter.getParameterCount() != 0 || !name.startsWith("get") || name.equals("getClass")
                    || getter.getDeclaringClass().getName().startsWith("java.")) {
                continue;
            }
            try {
                Object field = getter.invoke(value);
                if (name.equals("getAdditionalProperties")) {
                    ((Map<?, ?>) field).keySet().forEach(key -> found.add(path + "." + key));
                } else {
                    unknownFields(field, path + "." + name.substring(3, 4).toLowerCase(Locale.ROOT) + name.substring(4), found);
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                // a computed getter with nothing to check
            }
        }
    }

    /** Every document of a YAML file (anchors resolved), empty documents skipped. */
    static List<JsonNode> load(Path file) {
        return parse(ServiceSettings.read(file));
    }

    static List<JsonNode> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(32 * 1024 * 1024); // the Kafka CRD is several MB
        List<JsonNode> documents = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(yaml)) {
            if (document != null) {
                documents.add(document instanceof Map<?, ?> || document instanceof List<?>
                        ? JSON.valueToTree(document) : JsonNodeFactory.instance.textNode(document.toString()));
            }
        }
        return documents;
    }

    static List<Path> files(Path folder, String suffix) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
