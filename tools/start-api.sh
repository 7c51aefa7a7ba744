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
exec node "$@" "$(dirname "$0")/../dist/apps/api/main.js"
