# Installs the locked dependencies. `npm install` rather than `npm ci`: the registry this runs
# against carries only some platforms' optional binaries (e.g. @swc/core-darwin-*), so the lock
# cannot list them and `npm ci` refuses it; `npm install` still installs exactly the locked versions.
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
npm install --no-audit --no-fund
