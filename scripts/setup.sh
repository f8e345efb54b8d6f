#!/usr/bin/env bash
# Installs what building and testing DealDesk needs on Debian 12; safe to run again (it only
# installs what is missing).
#   - Debian packages: WebKitGTK and friends for Tauri, WebKitWebDriver + Xvfb for the e2e
#     tests, CJK fonts and poppler/qpdf for the PDF checks, ImageMagick for screenshots
#   - tauri-driver (cargo install)
#   - the UI's npm dependencies
# Needs root (or sudo) for apt-get; works with no stdin (CI).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
say() { echo "[setup] $*" >&2; }

PACKAGES=(
    build-essential pkg-config curl file
    libwebkit2gtk-4.1-dev libssl-dev librsvg2-dev libxdo-dev libayatana-appindicator3-dev
    webkit2gtk-driver xvfb xauth
    fonts-noto-cjk fonts-wqy-microhei
    poppler-utils qpdf imagemagick
    keyutils libdbus-1-dev sqlite3
)

missing=()
for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [[ ${#missing[@]} -gt 0 ]]; then
    say "installing Debian packages: ${missing[*]}"
    SUDO=
    [[ $(id -u) -eq 0 ]] || SUDO=sudo
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -q </dev/null
    $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
else
    say "Debian packages: all present"
fi

command -v cargo >/dev/null || { say "error: cargo not found; install Rust (rustup) first"; exit 2; }
command -v npm >/dev/null || { say "error: npm not found; install Node.js 20+ first"; exit 2; }

if command -v tauri-driver >/dev/null; then
    say "tauri-driver: present ($(command -v tauri-driver))"
else
    say "installing tauri-driver (about 2 minutes)"
    cargo install tauri-driver --locked </dev/null
fi

if [[ -f ui/package-lock.json ]]; then
    # `npm ci` wipes node_modules each time; skip it when the last install is newer than the
    # lockfile and package.json (npm writes node_modules/.package-lock.json on every install).
    stamp=ui/node_modules/.package-lock.json
    if [[ -f $stamp && $stamp -nt ui/package-lock.json && $stamp -nt ui/package.json ]]; then
        say "ui/node_modules: up to date"
    else
        say "npm ci (ui)"
        if ! npm --prefix ui ci --no-audit --no-fund </dev/null; then
            # Seen here: the registry lacks some platform-only optional packages (oxlint's
            # macOS/Windows bindings), so no lockfile written on this machine lists them and
            # `npm ci` calls it out of sync. Install from package.json without touching the
            # lockfile rather than leave the tests unrun; the warning keeps it visible.
            say "WARNING: npm ci failed (ui/package-lock.json out of sync?); falling back to npm install --no-save"
            npm --prefix ui install --no-save --no-audit --no-fund </dev/null
        fi
    fi
else
    say "npm install (ui; no package-lock.json yet)"
    npm --prefix ui install --no-audit --no-fund </dev/null
fi
say "done"
