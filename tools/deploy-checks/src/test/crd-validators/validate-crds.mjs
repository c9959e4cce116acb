// Validates the KEDA and CloudNativePG resources of the YAML files given as arguments against the validators that
// @kubernetes-models compiles (ajv) from each project's CRD schemas, and prints one JSON line per resource:
// {"file", "apiVersion", "kind", "name", "errors": [...]}. Other resources are not printed (the Java checks cover
// them). Exit code 0 even when a resource is invalid: the caller decides; non-zero only when the script itself fails.
import { readFileSync } from "node:fs";
import yaml from "js-yaml";

// The API groups checked here and the module holding each version's kinds (one exported class per kind).
const MODULES = {
  "keda.sh/v1alpha1": "@kubernetes-models/keda/keda.sh/v1alpha1",
  "postgresql.cnpg.io/v1": "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1",
};
const GROUPS = ["keda.sh", "postgresql.cnpg.io"];

function groupOf(apiVersion) {
  return String(apiVersion ?? "").split("/")[0];
}

async function errorsOf(resource) {
  const module = MODULES[resource.apiVersion];
  const kind = module && (await import(module))[resource.kind];
  // A kind's class has static apiVersion and kind; other exports (specs, lists' items) do not match both.
  if (!kind || kind.kind !== resource.kind || kind.apiVersion !== resource.apiVersion) {
    return [`no CRD validator for ${resource.apiVersion} ${resource.kind}`];
  }
  try {
    new kind(resource).validate();
    return [];
  } catch (error) {
    // kubernetes-models' ValidationError carries ajv's errors; anything else is reported as it is.
    if (!Array.isArray(error.errors)) {
      return [String(error.message)];
    }
    return error.errors.map((e) => `${e.instancePath || "/"} ${e.message}${e.params?.allowedValues
      ? " " + JSON.stringify(e.params.allowedValues) : ""}`);
  }
}

for (const file of process.argv.slice(2)) {
  for (const resource of yaml.loadAll(readFileSync(file, "utf8"))) {
    if (resource && typeof resource === "object" && GROUPS.includes(groupOf(resource.apiVersion))) {
      const errors = await errorsOf(resource);
      console.log(JSON.stringify({ file, apiVersion: resource.apiVersion, kind: resource.kind,
        name: resource.metadata?.name ?? "", errors }));
    }
  }
}
