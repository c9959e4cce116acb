#!/usr/bin/env sh
# Kafka ACLs for one brand's alert topic alerts.<brand id>: the brand's principal may read its own topic and
# nothing else; notification-service may create and write every alerts.* topic.
#
# The brand's ACL must be LITERAL. A PREFIXED ACL on "alerts.acme" would also match "alerts.acme-pharma", another
# brand's topic. notification-service's own ACL may be prefixed on "alerts." since it writes all of them.
#
# Usage: BOOTSTRAP=broker:9093 ADMIN_CONFIG=admin.properties ./kafka-acls-brand-alerts.sh acme User:acme
set -eu
BRAND_ID="$1"          # e.g. acme (2-63 of a-z 0-9 -, as product-service validates it)
BRAND_PRINCIPAL="$2"   # e.g. User:acme, the principal of the brand's SASL or mTLS credentials
SERVICE_PRINCIPAL="${SERVICE_PRINCIPAL:-User:notification-service}"

case "$BRAND_ID" in
  *[!a-z0-9-]* | -* | ?) echo "not a brand id: $BRAND_ID" >&2; exit 2 ;;
esac

# The brand reads exactly alerts.<brand id> with consumer groups of its own, named brand.<brand id>.* (a prefix no
# service's group, all named <service>.*, and no other brand's can share). On Kubernetes with Strimzi,
# kubernetes/kafka/kafka-users-from-registries.sh makes the same ACLs as KafkaUsers.
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add \
  --allow-principal "$BRAND_PRINCIPAL" --operation Read --operation Describe \
  --topic "alerts.$BRAND_ID" --resource-pattern-type literal
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add \
  --allow-principal "$BRAND_PRINCIPAL" --operation Read \
  --group "brand.$BRAND_ID." --resource-pattern-type prefixed

# Once per deployment: notification-service creates and writes every brand's topic.
kafka-acls.sh --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add \
  --allow-principal "$SERVICE_PRINCIPAL" --operation Create --operation Write --operation Describe \
  --topic "alerts." --resource-pattern-type prefixed
