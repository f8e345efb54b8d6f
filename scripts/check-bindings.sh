#!/usr/bin/env bash
# Fails when ui/src/bindings differs from what ts-rs generates from the Rust types now:
# the bindings are committed, never hand-edited, and must not drift from the Rust side.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/dealdesk-target}
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
# ts-rs writes one file per exported type when its generated `export_bindings_*` tests run.
TS_RS_EXPORT_DIR=$fresh cargo test --workspace --exclude dealdesk-e2e --features dealdesk/custom-protocol -q export_bindings >/dev/null
if ! diff -r "$fresh" ui/src/bindings; then
    echo "check-bindings: ui/src/bindings is out of date; regenerate with:" >&2
    echo "  rm -rf ui/src/bindings && cargo test --workspace --exclude dealdesk-e2e export_bindings" >&2
    exit 1
fi
echo "check-bindings: ui/src/bindings matches the Rust types ($(ls "$fresh" | wc -l) files)"
