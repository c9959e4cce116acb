#!/usr/bin/env bash
# The Secrets kustomization.yaml makes, as files under secrets/ (git-ignored): random database passwords, the keys
# that seal providers' and webhooks' secrets, the dossier signing key. Each is made once; a file already there is
# kept (a database role or sealed data depends on it). Give SMTP_PASSWORD for the mail server's account.
# Usage: SMTP_PASSWORD=... ./make-secrets.sh      (needs openssl)
set -euo pipefail
cd "$(dirname "$0")/secrets"
umask 077

once() { [ -s "$1" ] || { shift; "$@"; } ; }
password() { openssl rand -base64 24 | tr '+/' '-_' | tr -d '=\n' > "$1"; }
key() { openssl rand -base64 32 | tr -d '\n' > "$1"; }

for service in product-service lookup-service authentication-service messaging-service notification-service reference-provider; do
  once "$service-db-password" password "$service-db-password"
done
once authentication-secret-key key authentication-secret-key
once notification-secret-key key notification-secret-key
once dossier-private.pem openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out dossier-private.pem
if [ ! -s smtp-password ]; then
  [ -n "${SMTP_PASSWORD:-}" ] || { echo "make-secrets.sh: set SMTP_PASSWORD (the SMTP account of notification-service)" >&2; exit 1; }
  printf '%s' "$SMTP_PASSWORD" > smtp-password
fi
echo "Secrets ready in $(pwd); now: kubectl apply -k $(dirname "$(pwd)")"
