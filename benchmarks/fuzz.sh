#!/bin/sh
# Fuzzing run (not a test): each Jazzer fuzz target (@FuzzTest) fuzzed for a while, then the
# executions and findings of each printed. In the normal test run the same targets only replay
# their seed corpus (src/test/resources/.../<TestClass>Inputs/<method>/, regression mode).
#   benchmarks/fuzz.sh [seconds per target] [target ...]     (default 60 s, all targets)
# Targets: imap (IMAP command reader and parsers), mime (IMAP MIME structure parser), lmtp (LMTP
# session against a fake store), config (configuration parser).
# A finding is saved by Jazzer as crash-<sha1> next to the seeds: add it to the corpus once
# fixed, so the regression run keeps checking it. Inputs that found new coverage are kept in
# <module>/.cifuzz-corpus/ (not in git). Builds offline; needs the modules compiled once
# (mvn -o -pl protocols,api -am test-compile) and the JDK of appliance/src/main/bin/zcp-java.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECONDS_EACH=${1:-60}
[ $# -gt 0 ] && shift
TARGETS=${*:-imap mime lmtp config}
. "$ROOT/appliance/src/main/bin/zcp-java"
OUT=$ROOT/target/fuzz
mkdir -p "$OUT"

target() {
    case $1 in
        imap) echo "protocols org.zcp.protocols.fuzz.ImapCommandFuzzTest" ;;
        mime) echo "protocols org.zcp.protocols.fuzz.MimeStructureFuzzTest" ;;
        lmtp) echo "protocols org.zcp.protocols.fuzz.LmtpSessionFuzzTest" ;;
        config) echo "api org.zcp.api.config.ConfigFuzzTest" ;;
        *) echo "unknown target $1 (imap, mime, lmtp, config)" >&2; exit 2 ;;
    esac
}

printf '%-8s %12s %9s %10s  %s\n' target executions findings seconds result
total=0
for t in $TARGETS; do
    set -- $(target "$t")
    module=$1 class=$2
    log=$OUT/$t.log
    start=$(date +%s)
    # one JVM per target (Jazzer fuzzes one @FuzzTest per run); keep_going counts every
    # distinct finding instead of stopping at the first
    if (cd "$ROOT" && JAZZER_FUZZ=1 JAZZER_MAX_DURATION=${SECONDS_EACH}s JAZZER_KEEP_GOING=100 \
            mvn -B -ntp -o -q -pl "$module" test -Dtest="${class##*.}" -Dsurefire.failIfNoSpecifiedTests=false \
            -DargLine=-Xmx768m >"$log" 2>&1); then
        result=ok
    else
        result="FAILED (see $log)"
    fi
    runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log" | tail -1)
    findings=$(grep -c '^== Java Exception' "$log" || true)
    printf '%-8s %12s %9s %10s  %s\n' "$t" "${runs:-?}" "$findings" "$(($(date +%s) - start))" "$result"
    total=$((total + findings))
done
echo "findings in all: $total"
[ "$total" -eq 0 ]
