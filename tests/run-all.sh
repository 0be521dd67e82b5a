#!/usr/bin/env bash
# Runs every test: type check, unit and database tests on the embedded PGlite, the database tests again
# on a real PostgreSQL (Debian's package, started here on 127.0.0.1 and stopped afterwards), and the
# browser tests (Playwright with Debian's Chromium, axe-core on every page). Installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
mkdir -p tmp/results
rm -f tmp/results/*.json

step() { printf '\n=== %s (%ss since the start) ===\n' "$*" "$SECONDS"; }

# 1. System packages: Chromium for the browser tests, PostgreSQL for the second database run, Redis for
#    the job engine tests, nginx for the cluster tests.
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  step "Installing Debian packages: ${need[*]}"
  if [ "$(id -u)" != 0 ]; then echo "Run as root or install: apt-get install -y ${need[*]}" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# 2. npm packages (from the lock file) and the build (Prisma client + Remix).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # `npm install` rather than `npm ci`: npm 11 here writes lock files without the other platforms'
  # optional packages (e.g. @rollup/rollup-android-*), which `npm ci` then rejects as out of sync.
  step "npm install"
  npm install --no-audit --no-fund
fi
step "Build"
npm run build --silent

step "Type check"
npx tsc

step "Lint and format check (Biome)"
npm run lint --silent

# The production dependencies against the registry's advisories: high or critical fails; when the advisory
# data cannot be reached (offline, a mirror that answers 405) it says it was skipped and passes.
step "Dependency audit (npm audit --omit=dev)"
timeout 90 npm run deps:audit --silent

# 3. Unit and database tests on the embedded PGlite. One test file per core: Vitest's default (cores - 1)
#    runs the files one at a time on a two-core machine, and the files do not share a database.
workers=(--minWorkers=1 "--maxWorkers=$(nproc)")
step "Vitest: unit + database tests on PGlite"
npx vitest run "${workers[@]}" --project unit --project db --reporter=default --reporter=json --outputFile=tmp/results/vitest-pglite.json

# 4. Database tests again on a real PostgreSQL.
step "Vitest: database tests on PostgreSQL"
pg_port=${TEST_POSTGRES_PORT:-55432}
tests/support/postgres.sh stop "$pg_port" >/dev/null 2>&1 || true
pg_url=$(tests/support/postgres.sh start "$pg_port")
trap 'tests/support/postgres.sh stop "$pg_port" >/dev/null 2>&1 || true' EXIT
TEST_POSTGRES_URL="$pg_url" npx vitest run "${workers[@]}" --project db --reporter=default --reporter=json \
  --outputFile=tmp/results/vitest-postgres.json

# 4b. The job engine on Redis: the tests start Debian's redis-server on 127.0.0.1:$TEST_REDIS_PORT
#     (stopping and restarting it for the outage test) and real worker processes, on this PostgreSQL.
step "Vitest: jobs on Redis (redis-server on 127.0.0.1:${TEST_REDIS_PORT:-6391})"
TEST_POSTGRES_URL="$pg_url" TEST_REDIS_PORT="${TEST_REDIS_PORT:-6391}" npx vitest run --project redis \
  --reporter=default --reporter=json --outputFile=tmp/results/vitest-redis.json
tests/support/postgres.sh stop "$pg_port"
trap - EXIT

# 4c. The production shape: nginx, two web processes, two workers, PostgreSQL and Redis (server/tools/cluster.ts),
#     driven through the proxy; a web process and a worker killed, Redis stopped. About two minutes.
step "Vitest: cluster through nginx (127.0.0.1:${TEST_CLUSTER_PORT:-3310})"
PATH="$PATH:/usr/sbin" npx vitest run --project cluster --reporter=default --reporter=json \
  --outputFile=tmp/results/vitest-cluster.json

# 4d. The same production shape in a browser (playwright.cluster.config.ts starts its own cluster on
#     CLUSTER_PORT, default 3320): requests on both web processes, a file and an autosave conflict across
#     them, one web process killed mid-journey. About a minute and a half.
step "Playwright: browser journey through the cluster (127.0.0.1:${CLUSTER_PORT:-3320})"
PATH="$PATH:/usr/sbin" PLAYWRIGHT_JSON_OUTPUT_NAME=tmp/results/playwright-cluster.json \
  npx playwright test -c playwright.cluster.config.ts --reporter=list,json

# 5. Browser tests.
step "Playwright: browser tests (Chromium, axe-core)"
PLAYWRIGHT_JSON_OUTPUT_NAME=tmp/results/playwright.json npx playwright test --reporter=list,json

step "Summary"
node tests/support/summarize-results.mjs tmp/results
