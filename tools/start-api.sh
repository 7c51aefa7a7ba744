#!/bin/sh
# Starts the built api: `npm start` runs this once the build is done (docker/Dockerfile sets the
# same variable in the image). Arguments are passed to node before main.js.
#
# glibc's malloc raises its mmap threshold (up to 32 MiB) each time a large block is freed, after
# which large blocks come from its heaps and stay there once freed: ~20 MB of an idle api's RSS,
# and more after bursts. Keeping the threshold at glibc's default, 128 KiB, returns them to the
# system; it measured no slower. glibc reads it only when a process starts, hence this launcher;
# other C libraries ignore it. Set it yourself to override.
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-131072}"
#
# With PostgreSQL (DATABASE_URL) the api is a server that may be busy: a larger young generation,
# as tools/replicas.cjs and docker/compose.yaml give it, means fewer scavenges under load (about a
# tenth less CPU per redeem, bench/RESULTS.md) for up to ~100 MB more RSS in a burst. The embedded
# install keeps V8's default, which idles smaller. The tests start the api the same way
# (serverNodeArgs in e2e/support/server.ts).
if [ -n "${DATABASE_URL:-}" ]; then set -- --max-semi-space-size=64 "$@"; fi
exec node "$@" "$(dirname "$0")/../dist/apps/api/main.js"
