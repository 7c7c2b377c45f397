#!/usr/bin/env bash
# Runs Kubernetes' own kubectl command tests (test/cmd/*.sh, driven the way
# hack/make-rules/test-cmd.sh and test/cmd/legacy-script.sh drive them) with ksim
# standing in for kubectl. The upstream files are read from a Kubernetes
# checkout given on the command line; none of them is part of this repository.
#
#   scripts/kubectl-test-cmd.sh --k8s DIR [--timeout SECONDS] [--keep] [FUNCTION...]
#   scripts/kubectl-test-cmd.sh --k8s DIR --list
#
# Each selected function runs in its own bash process, on a fresh ksim cluster
# (its own KSIM_HOME, HOME and TMPDIR), with errexit as upstream runs it, under a
# timeout. The table shows PASS/FAIL/SKIP, the number of assertions that passed
# (the helpers of hack/lib/test.sh print "Successful" for each) and the first
# failing line. Full output of every function is kept in the log directory.
set -o nounset
set -o pipefail

usage() {
  cat <<'EOF'
usage: scripts/kubectl-test-cmd.sh --k8s DIR [--list] [--timeout SECONDS] [--logs DIR] [--include-skipped] [FUNCTION...]

  --k8s DIR          a Kubernetes source checkout (needs hack/lib/test.sh and test/cmd/legacy-script.sh)
  --list             list the test functions in legacy-script.sh order and exit
  --timeout SECONDS  time limit for one function (default 300)
  --logs DIR         where each function's output goes (default: a new temp dir)
  --include-skipped  also run the functions that need a real HTTP API server
  FUNCTION           run_kubectl_get_tests, kubectl_get_tests or kubectl_get (default: all)
EOF
}

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
K8S=""
LIST=0
TIMEOUT=300
LOGS=""
INCLUDE_SKIPPED=0
SELECTED=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --k8s) [[ $# -ge 2 ]] || { echo "error: --k8s needs a directory" >&2; usage >&2; exit 2; }; K8S=$2; shift 2 ;;
    --k8s=*) K8S=${1#--k8s=}; shift ;;
    --list) LIST=1; shift ;;
    --timeout) TIMEOUT=${2:-}; shift 2 ;;
    --timeout=*) TIMEOUT=${1#--timeout=}; shift ;;
    --logs) LOGS=${2:-}; shift 2 ;;
    --logs=*) LOGS=${1#--logs=}; shift ;;
    --include-skipped) INCLUDE_SKIPPED=1; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "error: unknown flag: $1" >&2; usage >&2; exit 2 ;;
    *) SELECTED+=("$1"); shift ;;
  esac
done

if [[ -z "$K8S" ]]; then
  echo "error: --k8s DIR is required: a Kubernetes checkout holding test/cmd and hack/lib" >&2
  usage >&2
  exit 2
fi
if [[ ! -f "$K8S/hack/lib/test.sh" || ! -f "$K8S/test/cmd/legacy-script.sh" ]]; then
  echo "error: $K8S is not a Kubernetes checkout: hack/lib/test.sh or test/cmd/legacy-script.sh is missing" >&2
  exit 2
fi
if ! [[ "$TIMEOUT" =~ ^[0-9]+$ ]] || [[ "$TIMEOUT" -eq 0 ]]; then
  echo "error: --timeout needs a positive number of seconds" >&2
  exit 2
fi
K8S=$(cd "$K8S" && pwd)
LEGACY="$K8S/test/cmd/legacy-script.sh"

# The functions in the order legacy-script.sh's runTests records them.
mapfile -t ALL_FUNCS < <(grep -oE '^[[:space:]]*record_command[[:space:]]+run_[A-Za-z0-9_]+' "$LEGACY" | awk '{print $2}' | awk '!seen[$0]++')

# Functions that need a real HTTP API server (or a TLS client handshake with one):
# ksim is a local store behind a kubectl-compatible CLI, not an API server.
skip_reason() {
  case "$1" in
    run_kubectl_local_proxy_tests) echo "kubectl proxy + curl against an HTTP API server" ;;
    run_exec_credentials_tests|run_exec_credentials_interactive_tests) echo "exec credential plugins authenticate to an HTTP API server" ;;
    run_kubectl_request_timeout_tests) echo "--request-timeout against a server that holds the request open" ;;
    run_kubectl_auth_whoami_tests) echo "SelfSubjectReview answers from an API server's authenticator" ;;
    run_certificates_tests) echo "CSR approval/signing round trips through an API server" ;;
    run_impersonation_tests) echo "impersonation headers are checked by an API server's authenticator" ;;
    run_kubectl_get_tests|run_kubectl_sort_by_tests) echo "asserts kubectl's -v=6/-v=8 log of its HTTP requests (URLs, query strings, 200 OK)" ;;
    *) return 1 ;;
  esac
}

if [[ $LIST -eq 1 ]]; then
  for f in "${ALL_FUNCS[@]}"; do
    if r=$(skip_reason "$f"); then printf '%s\tSKIP (%s)\n' "$f" "$r"; else printf '%s\n' "$f"; fi
  done
  exit 0
fi

resolve() {
  local want=$1 f
  for f in "${ALL_FUNCS[@]}"; do
    local short=${f#run_}; short=${short%_tests}; short=${short%_test}
    if [[ "$want" == "$f" || "$want" == "${f#run_}" || "$want" == "$short" || "$want" == "${short#kubectl_}" ]]; then
      echo "$f"; return 0
    fi
  done
  return 1
}

FUNCS=()
if [[ ${#SELECTED[@]} -eq 0 ]]; then
  FUNCS=("${ALL_FUNCS[@]}")
else
  for s in "${SELECTED[@]}"; do
    if ! f=$(resolve "$s"); then
      echo "error: no test function \"$s\" in $LEGACY (see --list)" >&2
      exit 2
    fi
    FUNCS+=("$f")
  done
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kubectl-test-cmd.XXXXXX")
[[ -n "$LOGS" ]] || LOGS="$WORK/logs"
mkdir -p "$LOGS" "$WORK/bin"
LOGS=$(cd "$LOGS" && pwd)

# kubectl on PATH is ksim. Flags that only make sense against a remote API server
# are dropped, except under "kubectl config ...", where they are kubeconfig values:
#  -s/--server URL            names the upstream test API server; ksim is the server itself.
#  --match-server-version     compares the client with that remote server's version.
#  --insecure-skip-tls-verify there is no TLS connection to verify.
#  --token                    a bearer token for that server's authenticator; ksim has no authentication.
# The wrapper names bash and node by absolute path (the plugins test runs kubectl with PATH holding only
# its fixtures), and runs ksim as "kubectl" (exec -a): kubectl's --record and rollout history show the
# program's name, and the tests expect "kubectl".
NODE_BIN=$(command -v node)
BASH_BIN=$(command -v bash)
cat > "$WORK/bin/kubectl" <<EOF
#!$BASH_BIN
args=("\$@")
sub=""
i=0
while [[ \$i -lt \${#args[@]} ]]; do
  a=\${args[\$i]}
  case "\$a" in
    -s|--server|-n|--namespace|--context|--kubeconfig|--cluster|--user|--token) i=\$((i+2)); continue ;;
    -*) ;;
    *) sub=\$a; break ;;
  esac
  i=\$((i+1))
done
if [[ "\$sub" != "config" ]]; then
  out=()
  i=0
  while [[ \$i -lt \${#args[@]} ]]; do
    a=\${args[\$i]}
    case "\$a" in
      -s|--server|--token) i=\$((i+2)); continue ;;
      -s=*|--server=*|--token=*|--match-server-version|--match-server-version=*|--insecure-skip-tls-verify|--insecure-skip-tls-verify=*) ;;
      *) out+=("\$a") ;;
    esac
    i=\$((i+1))
  done
  args=("\${out[@]}")
fi
exec -a kubectl "$NODE_BIN" "$REPO_ROOT/bin/run.js" "\${args[@]}"
EOF
chmod +x "$WORK/bin/kubectl"

# Plumbing that upstream gets from hack/lib/init.sh (logging.sh, util.sh): only
# the parts the test functions call, written here for ksim's runner.
cat > "$WORK/shims.sh" <<'EOF'
kube::log::status() { echo "+++ $*"; }
kube::log::info() { echo "$*"; }
kube::log::error() { echo "!!! $*" >&2; }
kube::log::error_exit() { echo "!!! $1" >&2; exit "${2:-1}"; }
kube::util::trap_add() { trap "$1" "${@:2}"; }
kube::util::ensure-temp-dir() { :; }
kube::util::ensure-gnu-sed() { SED=sed; export SED; }
kube::util::wait_for_url() {
  local url=$1 i
  for i in $(seq 1 "${3:-30}"); do curl -fs "$url" >/dev/null 2>&1 && return 0; sleep 1; done
  return 1
}
EOF

# The driver runs one function the way record_command does: its own shell, errexit,
# with runTests' variables and helpers in scope.
cat > "$WORK/driver.sh" <<'EOF'
set -o nounset
set -o pipefail
FUNC=$1
cd "$KUBE_ROOT"
LEGACY=test/cmd/legacy-script.sh
source "$RUNNER_WORK/shims.sh"
source hack/lib/test.sh
# The test files legacy-script.sh sources, those the checkout has.
while read -r f; do
  if [[ -f "$f" ]]; then source "$f"; else echo "+++ missing $f" >&2; fi
done < <(grep -oE '^source "\$\{KUBE_ROOT\}/test/cmd/[^"]+"' "$LEGACY" | sed -E 's#^source "\$\{KUBE_ROOT\}/##; s#"$##')
set +o errexit
# legacy-script.sh's top-level settings (images, resource-type names) and helper
# functions, taken from the checkout itself.
eval "$(awk '/^[A-Z_0-9]+=|^export [A-Z_0-9]+=|^[a-z_]+="[a-z]+"$/ && !/^(PATH|KUBE_ROOT|KUBE_JUNIT_REPORT_DIR|foundError|sh2ju)=/' "$LEGACY")"
for fn in create_and_use_new_namespace kubectl-with-retry wait-for-pods-with-label check-curl-proxy-code stop-proxy start-proxy; do
  eval "$(awk -v fn="$fn" '$0 ~ "^(function )?" fn "\\(\\)" {on=1} on {print} on && /^}$/ {exit}' "$LEGACY")"
done
# runTests' exported field names.
eval "$(grep -E '^  export [a-z_0-9]+=' "$LEGACY")"
SUPPORTED_RESOURCES=("*")
CONTEXT=test
# The flags runTests passes; the kubectl wrapper drops the server-only ones.
kube_flags=( '-s' "https://127.0.0.1:${SECURE_API_PORT:-6443}" '--insecure-skip-tls-verify' )
kube_flags_without_token=( "${kube_flags[@]}" )
kube_flags_with_token=( "${kube_flags_without_token[@]}" '--token=admin-token' )
kube_flags+=('--match-server-version')
kube_flags_with_token+=('--match-server-version')
kube::util::ensure-gnu-sed

# setup(): the test context with the test user. Upstream points it at a cluster
# entry for its API server (https://127.0.0.1:6443); here it points at ksim's own
# cluster entry, since ksim serves only its own clusters.
(
  set -o errexit
  # hack/make-rules/test-cmd.sh runs an API server and a controller manager, no kubelet and no
  # scheduler, and creates one Node object, 127.0.0.1 (create_node), which the tests name. Here: a ksim
  # cluster whose only node is that one, created as upstream creates it, with its kubelet stopped, so
  # that its pods never start (the tests expect Pending pods and Deployments that never get ready).
  kubectl cluster create ksim --nodes 1 >/dev/null
  kubectl create -f - <<'NODE'
{"kind": "Node", "apiVersion": "v1", "metadata": {"name": "127.0.0.1"}, "status": {"capacity": {"memory": "1Gi"}}}
NODE
  kubectl delete node ksim-control-plane >/dev/null
  kubectl node stop 127.0.0.1 >/dev/null
  kubectl get namespaces >/dev/null
  kubectl config set-credentials test-admin --token admin-token
  kubectl config set-context "${CONTEXT}" --user test-admin --cluster ksim
  kubectl config use-context "${CONTEXT}"
  # runTests(): the node API version, the "default" namespace and the "kubernetes" service.
  [ "$(kubectl get nodes -o go-template='{{ .apiVersion }}' "${kube_flags[@]}")" == "v1" ]
  output_message=$(kubectl get "${kube_flags[@]}" namespaces)
  grep -q "default" <<< "${output_message}" || kubectl create "${kube_flags[@]}" ns default
  kubectl create "${kube_flags[@]}" -f hack/testdata/kubernetes-service.yaml || true
  kubectl get "${kube_flags[@]}" -f hack/testdata/kubernetes-service.yaml
  # In the upstream run, a function that makes no namespace of its own runs in the one the function
  # before it made and left in the context (empty, without "default"'s kubernetes service): so here too.
  create_and_use_new_namespace
) > "$RUNNER_WORK/setup.$FUNC.log" 2>&1 || { echo "RUNNER: setup failed (see $RUNNER_WORK/setup.$FUNC.log)"; cat "$RUNNER_WORK/setup.$FUNC.log"; exit 3; }

if ! declare -F "$FUNC" >/dev/null; then
  echo "RUNNER: function $FUNC is not defined by the checkout's test files"
  exit 4
fi
# Report where errexit stops the function: the test file's line (the caller of a hack/lib/test.sh
# helper when the failure is inside one), then the command that failed.
set -o errtrace
runner_err() {
  local i at=""
  for ((i = 1; i < ${#BASH_SOURCE[@]}; i++)); do
    case "${BASH_SOURCE[$i]##*/}" in test.sh|driver.sh) ;; *) at="${BASH_SOURCE[$i]##*/}:${BASH_LINENO[$((i-1))]}"; break ;; esac
  done
  echo "RUNNER-ERREXIT ${at:-${BASH_SOURCE[1]##*/}:${BASH_LINENO[0]}}: $1"
}
# only a failure errexit acts on: a test's own `set +o errexit` stretches expect failures
trap '[[ $- == *e* ]] && runner_err "${BASH_COMMAND}"' ERR
"$FUNC"
EOF

printf '%-52s %-6s %7s  %s\n' FUNCTION RESULT ASSERTS "FIRST FAILURE"
passed=0
ran=0
for f in "${FUNCS[@]}"; do
  log="$LOGS/$f.log"
  if r=$(skip_reason "$f") && [[ $INCLUDE_SKIPPED -eq 0 ]]; then
    printf '%-52s %-6s %7s  %s\n' "$f" SKIP - "needs an HTTP API server: $r"
    continue
  fi
  ran=$((ran+1))
  fw="$WORK/run/$f"
  mkdir -p "$fw/home" "$fw/tmp" "$fw/ksim"
  # kube-apiserver writes its serving certificate to $TMPDIR/apiserver.crt; the
  # kubeconfig tests read a certificate from there.
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$fw/tmp/apiserver.key" -out "$fw/tmp/apiserver.crt" \
    -days 1 -subj "/CN=127.0.0.1" >/dev/null 2>&1
  (
    export KUBE_ROOT="$K8S" RUNNER_WORK="$WORK" LANG=C
    export HOME="$fw/home" TMPDIR="$fw/tmp" KUBE_TEMP="$fw/tmp" KSIM_HOME="$fw/ksim"
    export PATH="$WORK/bin:$PATH" THIS_PLATFORM_BIN="$WORK/bin"
    unset KUBECONFIG
    timeout --kill-after=10 "$TIMEOUT" bash "$WORK/driver.sh" "$f" > "$log" 2>&1
  )
  rc=$?
  # Stop the reconciler this function's cluster started.
  KSIM_HOME="$fw/ksim" HOME="$fw/home" node "$REPO_ROOT/bin/run.js" cluster stop --all >/dev/null 2>&1 || true
  asserts=$(grep -c 'Successful' "$log" || true)
  if [[ $rc -eq 0 ]]; then
    passed=$((passed+1))
    printf '%-52s %-6s %7s\n' "$f" PASS "$asserts"
    continue
  fi
  if [[ $rc -eq 124 || $rc -eq 137 ]]; then
    first="timed out after ${TIMEOUT}s"
  else
    first=$(grep -m1 -E '^RUNNER' "$log" || true)
    [[ -n "$first" ]] || first="exit $rc"
    first=${first#RUNNER-ERREXIT }
  fi
  printf '%-52s %-6s %7s  %s\n' "$f" FAIL "$asserts" "$(tr -d '\r' <<< "$first" | cut -c1-160)"
done
echo
echo "$passed of $ran functions passed ($(( ${#FUNCS[@]} - ran )) skipped); logs in $LOGS"
[[ $passed -eq $ran ]]
