#!/usr/bin/env bash
# Kafka credentials for who appears at run time, generated from OpenIPM's own registries, never written by hand:
#   - each brand (product-service GET /api/v1/brands): KafkaUser brand.<id>, reading only its alerts.<id> topic
#     through a LITERAL ACL (a prefixed one on alerts.acme would also open alerts.acme-pharma), in consumer groups
#     brand.<id>.* (a prefix no service's group and no other brand's can share);
#   - each customs authority (messaging-service GET /api/v1/authorities, type CUSTOMS): KafkaUser customs.<id>,
#     writing only seizure-reported;
#   - each Kafka-connected provider (authentication-service GET /api/v1/providers, connector KAFKA): KafkaUser
#     ssp.<id>, reading only ssp.<id>.requests and writing only ssp.<id>.replies (LITERAL), groups ssp.<id>.*, and
#     the KafkaTopics of that pair (with authentication-service's dead-letter topic for the replies).
# Strimzi's User Operator then writes each user's Secret (named after it); hand it to the brand, authority or provider.
#
# Usage (an admin token of the identity provider; the services' URLs as seen from where this runs):
#   TOKEN=... PRODUCT_URL=https://... MESSAGING_URL=https://... AUTHENTICATION_URL=https://... \
#     ./kafka-users-from-registries.sh | kubectl apply -n openipm -f -
# or from saved answers (what tools/deploy-checks does): ./kafka-users-from-registries.sh brands.json authorities.json providers.json
# Run it after registering brands, authorities or providers (or as a CronJob with a service account token).
# Users of brands, authorities or providers that are gone are not deleted: remove them with kubectl delete kafkauser.
set -euo pipefail

if [ "$#" -eq 3 ]; then
  brands=$(cat "$1"); authorities=$(cat "$2"); providers=$(cat "$3")
else
  get() { curl -fsS -H "Authorization: Bearer $TOKEN" "$1"; }
  brands=$(get "$PRODUCT_URL/api/v1/brands")
  authorities=$(get "$MESSAGING_URL/api/v1/authorities")
  providers=$(get "$AUTHENTICATION_URL/api/v1/providers")
fi

# Ids are 2-63 of a-z 0-9 - (as the services validate them); anything else is refused rather than written into a name.
valid() { [[ "$1" =~ ^[a-z0-9][a-z0-9-]{1,62}$ ]] || { echo "kafka-users-from-registries.sh: not an id: $1" >&2; exit 2; }; }

user() { # name, then the ACL lines
  cat <<YAML
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaUser
metadata:
  name: $1
  labels:
    strimzi.io/cluster: openipm-kafka
    app.kubernetes.io/managed-by: kafka-users-from-registries
spec:
  authentication:
    type: scram-sha-512
  authorization:
    type: simple
    acls:
YAML
  shift
  printf '%s\n' "$@"
}
acl() { # type name patternType operations...
  local type=$1 name=$2 pattern=$3; shift 3
  printf '      - resource: {type: %s, name: %s, patternType: %s}\n        operations: [%s]' "$type" "$name" "$pattern" "$(IFS=,; echo "$*" | sed 's/,/, /g')"
}
topic() { # name partitions
  cat <<YAML
---
apiVersion: kafka.strimzi.io/v1
kind: KafkaTopic
metadata:
  name: $1
  labels:
    strimzi.io/cluster: openipm-kafka
    app.kubernetes.io/managed-by: kafka-users-from-registries
spec:
  partitions: $2
  replicas: 3
  config:
    min.insync.replicas: 2
YAML
}

for id in $(jq -r '.[].id' <<<"$brands"); do
  valid "$id"
  user "brand.$id" "$(acl topic "alerts.$id" literal Read Describe)" "$(acl group "brand.$id." prefix Read)"
done
for id in $(jq -r '.[] | select(.type == "CUSTOMS") | .id' <<<"$authorities"); do
  valid "$id"
  user "customs.$id" "$(acl topic seizure-reported literal Write)"
done
for id in $(jq -r '.[] | select(.connector == "KAFKA") | .id' <<<"$providers"); do
  valid "$id"
  topic "ssp.$id.requests" 3
  topic "ssp.$id.replies" 3
  topic "ssp.$id.replies.dlq.authentication-service" 1
  user "ssp.$id" "$(acl topic "ssp.$id.requests" literal Read)" "$(acl topic "ssp.$id.replies" literal Write)" \
    "$(acl group "ssp.$id." prefix Read)"
done
