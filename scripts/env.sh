# Sourced by the other scripts: where builds go and how cargo is found.
# The target directory lives outside the clone so a fresh clone on this machine reuses the build;
# a new machine simply rebuilds it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/temoin-target}"
export PATH="$HOME/.cargo/bin:$PATH"
TEMOIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TEMOIN_ROOT
export ORT_DISABLE_TELEMETRY=1
