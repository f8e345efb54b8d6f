#!/usr/bin/env bash
# Runs the cargo-fuzz targets in fuzz/ one after the other, SECONDS each (default 600), and
# prints one summary line per target. Not part of scripts/test-all.sh. See docs/fuzzing.md.
#
#   bash scripts/fuzz.sh                 # every target, 10 minutes each
#   bash scripts/fuzz.sh 60              # every target, 1 minute each
#   bash scripts/fuzz.sh 600 tabular_import tabular_read_xlsx
#
# Environment:
#   CARGO_TARGET_DIR   build directory (default /var/tmp/dealdesk-fuzz-target, apart from the app's)
#   FUZZ_SANITIZER     address (default) | none   (none: faster, no memory-error detection)
#   FUZZ_MAX_LEN       largest input in bytes (default 65536)
#   DEALDESK_FUZZ_TABLE, DEALDESK_FUZZ_STRICT_PANICS, DEALDESK_FUZZ_ONE_PASS
#                      passed to the targets (docs/fuzzing.md)
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`) and nightly features: the nightly
# toolchain when rustup has it, else the stable compiler with RUSTC_BOOTSTRAP=1 (machines
# that cannot download a toolchain; the sanitizer runtimes ship with stable's rust-std).
# Exits non-zero if any target found a crash, timeout or out-of-memory input; the input is in
# fuzz/artifacts/<target>/ and the full log in fuzz/logs/<target>.log.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SECONDS_EACH=${1:-600}
shift $(( $# > 0 ? 1 : 0 ))
ALL_TARGETS=(tabular_read_csv tabular_read_xlsx tabular_import plan_parse pii_scan)
if [ $# -gt 0 ]; then TARGETS=("$@"); else TARGETS=("${ALL_TARGETS[@]}"); fi

export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/dealdesk-fuzz-target}
SANITIZER=${FUZZ_SANITIZER:-address}
MAX_LEN=${FUZZ_MAX_LEN:-65536}

cd "$ROOT/fuzz"
mkdir -p logs
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    FUZZ=(cargo +nightly fuzz)
else
    export RUSTC_BOOTSTRAP=1
    FUZZ=(cargo fuzz)
fi

dict_for() {
    case "$1" in
        tabular_read_xlsx) echo dict/xlsx.dict ;;
        tabular_read_csv | tabular_import) echo dict/csv.dict ;;
        *) echo "" ;;
    esac
}

# Build everything first so a compile error stops the run before any fuzzing.
"${FUZZ[@]}" build -s "$SANITIZER" || { echo "fuzz.sh: build failed"; exit 2; }

failed=0
summary=()
for target in "${TARGETS[@]}"; do
    log="logs/$target.log"
    dict=$(dict_for "$target")
    echo "=== $target: ${SECONDS_EACH}s (sanitizer $SANITIZER, max_len $MAX_LEN), log in fuzz/$log"
    args=(-max_total_time="$SECONDS_EACH" -max_len="$MAX_LEN" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1)
    if [ -n "$dict" ]; then args+=(-dict="$dict"); fi
    start=$(date +%s)
    "${FUZZ[@]}" run -s "$SANITIZER" "$target" -- "${args[@]}" >"$log" 2>&1
    status=$?
    elapsed=$(( $(date +%s) - start ))
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    rss=$(grep -o 'stat::peak_rss_mb: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    cov=$(grep -o 'cov: [0-9]* ft: [0-9]*' "$log" | tail -1)
    corpus=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' "$log" | tail -1)
    if [ $status -eq 0 ]; then
        result="ok"
    else
        result="FAILED (exit $status): $(grep -m1 -oE 'ERROR: libFuzzer: [a-z-]+|panicked at [^ ]+|Test unit written to [^ ]+' "$log" | head -1)"
        failed=1
    fi
    summary+=("$target | ${elapsed}s | execs ${execs:-?} | ${rate:-?} exec/s | ${cov:-?} | ${corpus:-?} | peak ${rss:-?} MB | $result")
    echo "${summary[-1]}"
done

echo
echo "target | time | executions | exec/s | coverage | corpus | memory | result"
printf '%s\n' "${summary[@]}"
exit $failed
