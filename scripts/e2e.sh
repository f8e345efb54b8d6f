#!/usr/bin/env bash
# End-to-end tests (tier 4): the built app driven through tauri-driver + WebKitWebDriver
# under a private Xvfb display.
#
#   DEALDESK_APP=/path/to/dealdesk bash scripts/e2e.sh [test-name-filter]
#
# DEALDESK_APP defaults to $CARGO_TARGET_DIR/debug/dealdesk, which must have been built with
# the bundled UI: `npm --prefix ui run build && cargo build --features custom-protocol`.
# Starts Xvfb and tauri-driver, runs `cargo test -p dealdesk-e2e -- --test-threads=1`, always
# stops what it started, and exits with the test status. Logs: $CARGO_TARGET_DIR/e2e-logs/,
# screenshots of failures: $CARGO_TARGET_DIR/e2e-screenshots/.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/dealdesk-target}
export PATH="$HOME/.cargo/bin:$PATH"
DEALDESK_APP=${DEALDESK_APP:-$CARGO_TARGET_DIR/debug/dealdesk}

say() { echo "[e2e] $*" >&2; }
die() { say "error: $*"; exit 2; }

[[ -x "$DEALDESK_APP" ]] || die "no app binary at $DEALDESK_APP (build: npm --prefix ui run build && cargo build --features custom-protocol)"
DEALDESK_APP=$(realpath "$DEALDESK_APP")
export DEALDESK_APP
for tool in Xvfb tauri-driver WebKitWebDriver; do
    command -v "$tool" >/dev/null || die "$tool not found (run: bash scripts/setup.sh)"
done

LOG_DIR=$CARGO_TARGET_DIR/e2e-logs
mkdir -p "$LOG_DIR"
rm -rf "$CARGO_TARGET_DIR/e2e-screenshots"
# The app's own data dir (logs, settings) for this run only, never the user's.
DEALDESK_DATA_DIR=$(mktemp -d /tmp/dealdesk-e2e-data.XXXXXX)
export DEALDESK_DATA_DIR

XVFB_PID=
DRIVER_PID=
cleanup() {
    local status=$?
    # tauri-driver runs in its own session: killing the group also ends WebKitWebDriver and
    # any app it launched that is still open.
    if [[ -n "$DRIVER_PID" ]]; then
        kill -TERM -- "-$DRIVER_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do kill -0 "$DRIVER_PID" 2>/dev/null || break; sleep 0.1; done
        kill -KILL -- "-$DRIVER_PID" 2>/dev/null || true
    fi
    if [[ -n "$XVFB_PID" ]]; then
        kill -TERM "$XVFB_PID" 2>/dev/null || true
        wait "$XVFB_PID" 2>/dev/null || true
    fi
    rm -rf "$DEALDESK_DATA_DIR"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- a free X display --------------------------------------------------------------------
DISPLAY_NUM=
for n in $(seq 90 160); do
    if [[ ! -e /tmp/.X$n-lock && ! -e /tmp/.X11-unix/X$n ]]; then DISPLAY_NUM=$n; break; fi
done
[[ -n "$DISPLAY_NUM" ]] || die "no free X display between :90 and :160"
Xvfb ":$DISPLAY_NUM" -screen 0 1440x900x24 -nolisten tcp -noreset >"$LOG_DIR/xvfb.log" 2>&1 &
XVFB_PID=$!
for _ in $(seq 1 100); do [[ -S /tmp/.X11-unix/X$DISPLAY_NUM ]] && break; sleep 0.1; done
[[ -S /tmp/.X11-unix/X$DISPLAY_NUM ]] || { cat "$LOG_DIR/xvfb.log" >&2; die "Xvfb :$DISPLAY_NUM did not start"; }
export DISPLAY=":$DISPLAY_NUM"
unset WAYLAND_DISPLAY
# The app turns WebKit's compositing off unless WEBKIT_DISABLE_COMPOSITING_MODE is set; the
# tests run it that way, as users do. (WebKitWebDriver's screenshot command then never
# answers, so the harness photographs the X screen on failure instead.)
unset WEBKIT_DISABLE_COMPOSITING_MODE

# --- tauri-driver ------------------------------------------------------------------------
PORT=${DEALDESK_WEBDRIVER_PORT:-4444}
while port_busy "$PORT" || port_busy $((PORT + 1)); do
    say "port $PORT or $((PORT + 1)) is in use; trying $((PORT + 2))"
    PORT=$((PORT + 2))
done
export DEALDESK_WEBDRIVER_URL="http://127.0.0.1:$PORT"
setsid tauri-driver --port "$PORT" --native-port $((PORT + 1)) >"$LOG_DIR/tauri-driver.log" 2>&1 &
DRIVER_PID=$!
for _ in $(seq 1 200); do
    port_busy "$PORT" && break
    kill -0 "$DRIVER_PID" 2>/dev/null || { cat "$LOG_DIR/tauri-driver.log" >&2; die "tauri-driver exited"; }
    sleep 0.1
done
port_busy "$PORT" || die "tauri-driver is not listening on $PORT after 20 s"
# tauri-driver forwards to WebKitWebDriver on PORT+1; if that port was taken meanwhile (another
# run starting at the same moment), our WebKitWebDriver exits and the tests would talk to
# someone else's.
sleep 0.5
pgrep -g "$DRIVER_PID" -x WebKitWebDriver >/dev/null \
    || { cat "$LOG_DIR/tauri-driver.log" >&2; die "WebKitWebDriver did not stay up on port $((PORT + 1)) (in use?)"; }
say "display $DISPLAY, tauri-driver on $PORT, app $DEALDESK_APP"

# --- the tests ---------------------------------------------------------------------------
start=$(date +%s)
set +e
cargo test -p dealdesk-e2e --no-fail-fast -- --test-threads=1 "$@"
status=$?
set -e
say "tests finished in $(( $(date +%s) - start )) s with status $status"
if [[ $status -ne 0 ]]; then
    say "last lines of the tauri-driver / WebKitWebDriver / app output ($LOG_DIR/tauri-driver.log):"
    tail -n 40 "$LOG_DIR/tauri-driver.log" >&2 || true
    if compgen -G "$DEALDESK_DATA_DIR/*" >/dev/null; then
        mkdir -p "$LOG_DIR/app-data"
        cp -r "$DEALDESK_DATA_DIR/." "$LOG_DIR/app-data/" 2>/dev/null || true
        say "app data dir (logs) copied to $LOG_DIR/app-data"
    fi
    [[ -d "$CARGO_TARGET_DIR/e2e-screenshots" ]] && say "screenshots: $CARGO_TARGET_DIR/e2e-screenshots"
fi
exit "$status"
