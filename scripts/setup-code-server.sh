#!/usr/bin/env bash
# Installs code-server (VS Code for the web) from the npm registry into a git-ignored cache, so that the
# end-to-end tests and `npm start` run the extension in a real VS Code without downloading VS Code itself.
# code-server 4.99.4 is VS Code 1.99, the newest that runs on Node 20 (hence engines.vscode ^1.99.0); each step
# below says why it is there. Idempotent: a marker file makes a second run instant.
#
# Usage: scripts/setup-code-server.sh            (prints the path of the code-server binary last)
#        CODE_SERVER_DIR=... overrides the cache folder.
set -euo pipefail

VERSION=4.99.4
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"
MARKER="$DIR/.installed-$VERSION"
BIN="$DIR/node_modules/.bin/code-server"

if [[ -f "$MARKER" && -x "$BIN" ]]; then
  echo "$BIN"
  exit 0
fi

log() { echo "[setup-code-server] $*" >&2; }

# System packages: Debian's chromium drives the workbench, ripgrep replaces the binary that code-server's
# postinstall would download, and libkrb5-dev lets the `kerberos` native module build.
missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
[[ -f /usr/include/krb5.h || -f /usr/include/gssapi/gssapi.h ]] || missing+=(libkrb5-dev)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v g++ >/dev/null 2>&1 || missing+=(g++)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if ((${#missing[@]})); then
  log "installing apt packages: ${missing[*]}"
  SUDO=""
  [[ "$(id -u)" == 0 ]] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update >&2
  $SUDO apt-get install -y --no-install-recommends "${missing[@]}" >&2
fi

# Native modules build against the local Node headers when they exist (no download from nodejs.org).
if [[ -z "${npm_config_nodedir:-}" && -f /usr/include/node/node.h ]]; then
  export npm_config_nodedir=/usr
fi
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

started=$SECONDS
mkdir -p "$DIR"
cd "$DIR"
[[ -f package.json ]] || echo '{ "name": "code-server-cache", "private": true }' >package.json

log "npm install code-server@$VERSION (scripts off: its postinstall downloads ripgrep)"
npm install --no-audit --no-fund --ignore-scripts --no-save "code-server@$VERSION" >&2
npm rebuild argon2 >&2

cd node_modules/code-server/lib/vscode
log "installing VS Code server dependencies"
npm install --omit=dev --ignore-scripts --no-audit --no-fund >&2
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
log "rebuilding native modules (node-pty, spdlog, kerberos, watcher...)"
npm_config_yes=true npm rebuild >&2
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
log "installing built-in extensions' dependencies"
(cd extensions && npm install --omit=dev --no-audit --no-fund >&2)

touch "$MARKER"
log "done in $((SECONDS - started))s"
echo "$BIN"
