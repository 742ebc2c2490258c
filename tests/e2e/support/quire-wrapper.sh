#!/bin/sh
# SPDX-License-Identifier: MIT
# Stands in for the quire binary in reliability tests (see reliability.mjs): runs $QUIRE_REAL_BINARY,
# as another user when QUIRE_WRAP_UID is set (root cannot be denied a write by file permissions),
# with exec so the process group and pid stay the app's own.
set -eu
set -- "$QUIRE_REAL_BINARY" "$@"
if [ -n "${QUIRE_WRAP_UID:-}" ]; then
  set -- setpriv --reuid="$QUIRE_WRAP_UID" --regid="$QUIRE_WRAP_UID" --clear-groups -- "$@"
fi
exec "$@"
