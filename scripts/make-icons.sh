#!/usr/bin/env bash
# Regenerates icons/: draws the 1024×1024 source (a blue rounded square with a white bar
# chart and a rising trend line) with ImageMagick, then lets the Tauri CLI derive every size
# and format (png, ico, icns, Windows Store logos). Run from anywhere; needs ImageMagick + npx.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
CONVERT=$(command -v /usr/bin/convert || command -v convert)
mkdir -p icons
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$CONVERT" -size 1024x1024 gradient:'#3B82F6-#1D4ED8' "$work/grad.png"
"$CONVERT" -size 1024x1024 xc:none -fill white -draw "roundrectangle 40,40 984,984 210,210" "$work/mask.png"
"$CONVERT" "$work/grad.png" "$work/mask.png" -compose CopyOpacity -composite "$work/bg.png"
"$CONVERT" "$work/bg.png" \
    -fill none -stroke '#BFDBFE' -strokewidth 30 \
    -draw "stroke-linejoin round stroke-linecap round polyline 250,480 420,345 560,385 745,190" \
    -stroke none -fill '#BFDBFE' -draw "polygon 820,105 793,222 704,136" \
    -fill white \
    -draw "roundrectangle 262,560 382,800 28,28" \
    -draw "roundrectangle 452,450 572,800 28,28" \
    -draw "roundrectangle 642,330 762,800 28,28" \
    -depth 8 icons/source-1024.png

npx --yes @tauri-apps/cli@2 icon icons/source-1024.png -o icons </dev/null
rm -rf icons/android icons/ios
ls icons
