#!/usr/bin/env bash
# Validates docker/compose.yaml with `docker compose config -q` (interpolation, schema, the
# .env file). Needs only the docker CLI and its compose plugin, no running engine. Where compose
# is not available it says so and exits 0, so CI can always call it.
#   bash docker/check.sh [ENV_FILE]      (default: docker/.env.example)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
env_file="${1:-$here/.env.example}"

if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  docker compose -f "$here/compose.yaml" --env-file "$env_file" config -q
  echo "docker/check.sh: compose.yaml is valid ($(docker compose version --short 2>/dev/null || echo compose), env file $(basename "$env_file"))"
  exit 0
fi

echo "docker/check.sh: skipped 'docker compose config' (docker compose is not available here)"
# Informational only: a YAML syntax check with the yaml package when node_modules has it.
root="$(cd "$here/.." && pwd)"
if command -v node >/dev/null 2>&1 && [ -d "$root/node_modules/yaml" ]; then
  if (cd "$root" && node -e '
    const fs = require("node:fs");
    const YAML = require("yaml");
    const doc = YAML.parseDocument(fs.readFileSync(process.argv[1], "utf8"));
    if (doc.errors.length) { console.error(doc.errors.map(String).join("\n")); process.exit(1); }
    const services = Object.keys(doc.toJS().services || {});
    console.log("docker/check.sh: compose.yaml parses as YAML; services: " + services.join(", "));
  ' "$here/compose.yaml"); then :; else
    echo "docker/check.sh: WARNING: compose.yaml does not parse as YAML (see above)" >&2
  fi
fi
exit 0
