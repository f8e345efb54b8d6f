#!/usr/bin/env bash
# The full crash-safety run: 50 SIGKILLs at random moments of each of: a CLI import, a quote
# save, a batch render (tests/crash.rs), a sales import and a statement run (tests/crash_partner.rs;
# the regular test command runs 6). Needs a keyutils session for the database key.
#   bash scripts/kill-harness.sh [TRIALS] [SEED]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/dealdesk-target}
export DEALDESK_KILL_TRIALS=${1:-50}
[[ -n ${2:-} ]] && export DEALDESK_KILL_SEED=$2
# The same features as scripts/test-all.sh, so the test build is reused.
exec keyctl session dealdesk-kill cargo test --features dealdesk/custom-protocol --test crash --test crash_partner -- --nocapture
