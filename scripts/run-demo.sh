#!/usr/bin/env bash
# Builds DealDesk and opens it on a demo database (created on first use).
#
#   bash scripts/run-demo.sh            # release build (smaller, faster app; ~12 min cold)
#   DEALDESK_PROFILE=debug bash scripts/run-demo.sh   # reuses the test build (~8 min cold)
#
# The demo database lives in $DEALDESK_DATA_DIR (default ~/.local/share/dealdesk-demo), so it
# never touches a real one. Needs a display (X11/Wayland); on a headless machine use
# scripts/screenshot.sh instead.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/dealdesk-target}
export PATH="$HOME/.cargo/bin:$PATH"
PROFILE=${DEALDESK_PROFILE:-release}
say() { echo "[run-demo] $*" >&2; }

bash scripts/setup.sh

say "building the UI"
npm --prefix ui run build

if [[ $PROFILE == release ]]; then
    say "cargo build --release --features custom-protocol"
    cargo build --release --features custom-protocol
else
    say "cargo build --features custom-protocol (debug)"
    cargo build --features custom-protocol
fi
APP=$CARGO_TARGET_DIR/$PROFILE/dealdesk

export DEALDESK_DATA_DIR=${DEALDESK_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/dealdesk-demo}
mkdir -p "$DEALDESK_DATA_DIR"
DB=$DEALDESK_DATA_DIR/demo.db
if [[ ! -f $DB ]]; then
    say "creating the demo database $DB"
    "$APP" --db "$DB" demo </dev/null
fi

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    say "no display: take a picture instead with"
    say "  bash scripts/screenshot.sh --app $APP --db $DB --out demo.png"
    exit 1
fi
say "starting $APP --db $DB"
exec "$APP" --db "$DB"
