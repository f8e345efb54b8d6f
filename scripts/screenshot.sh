#!/usr/bin/env bash
# Starts the app under a private Xvfb display, waits, and saves a PNG of the screen.
#
#   bash scripts/screenshot.sh --db PATH [--out FILE.png] [--wait 6] [--size 1440x900]
#                              [--app BINARY] [-- extra app args]
#
# The app binary defaults to $CARGO_TARGET_DIR/debug/dealdesk (build it with
# `--features custom-protocol` after `npm --prefix ui run build`, or it shows the dev-server
# URL instead of the UI). There is no window manager under Xvfb: the window sits unframed at
# (0,0), so the screen shot is the window. Unless DEALDESK_DATA_DIR is set, the app gets a
# throwaway data dir.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/dealdesk-target}
APP=${DEALDESK_APP:-$CARGO_TARGET_DIR/debug/dealdesk}
DB=
OUT=$CARGO_TARGET_DIR/screenshots/dealdesk.png
WAIT=6
SIZE=1440x900
EXTRA=()

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [[ $# -gt 0 ]]; do
    case $1 in
        --db) DB=$2; shift 2 ;;
        --out) OUT=$2; shift 2 ;;
        --wait) WAIT=$2; shift 2 ;;
        --size) SIZE=$2; shift 2 ;;
        --app) APP=$2; shift 2 ;;
        --) shift; EXTRA=("$@"); break ;;
        -h|--help) usage ;;
        *) echo "unknown argument: $1" >&2; usage ;;
    esac
done
[[ -n "$DB" ]] || { echo "--db PATH is required" >&2; usage; }
[[ -x "$APP" ]] || { echo "no app binary at $APP" >&2; exit 2; }
for tool in Xvfb import; do
    command -v "$tool" >/dev/null || { echo "$tool not found (run: bash scripts/setup.sh)" >&2; exit 2; }
done
mkdir -p "$(dirname "$OUT")"

OWN_DATA_DIR=
if [[ -z "${DEALDESK_DATA_DIR:-}" ]]; then
    OWN_DATA_DIR=$(mktemp -d /tmp/dealdesk-shot-data.XXXXXX)
    export DEALDESK_DATA_DIR=$OWN_DATA_DIR
fi

XVFB_PID=
APP_PID=
cleanup() {
    local status=$?
    [[ -n "$APP_PID" ]] && { kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
    [[ -n "$XVFB_PID" ]] && { kill -TERM "$XVFB_PID" 2>/dev/null || true; wait "$XVFB_PID" 2>/dev/null || true; }
    [[ -n "$OWN_DATA_DIR" ]] && rm -rf "$OWN_DATA_DIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DISPLAY_NUM=
for n in $(seq 170 230); do
    if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then DISPLAY_NUM=$n; break; fi
done
[[ -n "$DISPLAY_NUM" ]] || { echo "no free X display" >&2; exit 2; }
Xvfb ":$DISPLAY_NUM" -screen 0 "${SIZE}x24" -nolisten tcp >/dev/null 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 100); do [[ -S /tmp/.X11-unix/X$DISPLAY_NUM ]] && break; sleep 0.1; done
export DISPLAY=":$DISPLAY_NUM"
unset WAYLAND_DISPLAY

"$APP" --db "$DB" "${EXTRA[@]}" &
APP_PID=$!
sleep "$WAIT"
kill -0 "$APP_PID" 2>/dev/null || { echo "the app exited before the screenshot" >&2; exit 1; }
import -display "$DISPLAY" -window root "$OUT"
echo "$OUT"
