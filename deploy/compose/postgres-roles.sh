#!/usr/bin/env bash
# PostgreSQL's first start (docker-entrypoint-initdb.d): one login role per service, each owning only its own
# schema, plus Keycloak's database. A role can read and write its own schema and nothing else: the schemas of
# the other services belong to other roles, nobody may create objects in "public", and only these roles may
# connect. The passwords come from the environment (docker-compose.yml passes them from .env); none is built in.
set -euo pipefail

require() { [ -n "${!1:-}" ] || { echo "postgres-roles.sh: $1 is not set (see .env)" >&2; exit 1; }; }

# role:schema:password variable. A service's schema is what its application.properties migrates (quarkus.flyway.schemas).
services=(
  "product_service:product:PRODUCT_DB_PASSWORD"
  "lookup_service:lookup:LOOKUP_DB_PASSWORD"
  "authentication_service:authentication:AUTHENTICATION_DB_PASSWORD"
  "messaging_service:messaging:MESSAGING_DB_PASSWORD"
  "notification_service:notification:NOTIFICATION_DB_PASSWORD"
  "reference_provider:reference_provider:REFERENCE_DB_PASSWORD"
)
for entry in "${services[@]}"; do require "${entry##*:}"; done
require KEYCLOAK_DB_PASSWORD

psql=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password)

"${psql[@]}" --dbname "$POSTGRES_DB" <<SQL
REVOKE ALL ON DATABASE "$POSTGRES_DB" FROM PUBLIC;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL

for entry in "${services[@]}"; do
  IFS=: read -r role schema variable <<<"$entry"
  # The password travels as a psql variable (:'password' quotes it), never spliced into the SQL text.
  "${psql[@]}" --dbname "$POSTGRES_DB" -v role="$role" -v schema="$schema" -v password="${!variable}" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT;
GRANT CONNECT, TEMPORARY ON DATABASE :"DBNAME" TO :"role";
CREATE SCHEMA :"schema" AUTHORIZATION :"role";
ALTER ROLE :"role" SET search_path = :"schema";
SQL
done

"${psql[@]}" --dbname "$POSTGRES_DB" -v password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE keycloak LOGIN PASSWORD :'password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE keycloak OWNER keycloak;
REVOKE ALL ON DATABASE keycloak FROM PUBLIC;
SQL
