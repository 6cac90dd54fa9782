#!/usr/bin/env bash
# Runs the unit tests several times while every core is kept busy, to show that they pass on a
# loaded machine (as a developer's or CI's often is) and not only on an idle one.
#
#   tools/test-under-load.sh [runs]     (5 runs unless told otherwise; npm run test:load -- 3)
#
# Prints one line per run and then "N passed, M failed"; exits non-zero if any run failed, and
# keeps the output of each failed run.
set -u

runs=${1:-5}
if [[ ! $runs =~ ^[1-9][0-9]*$ ]]; then
  echo "usage: $0 [runs]   (runs: a whole number from 1)" >&2
  exit 2
fi

cd "$(dirname "$0")/.." || exit 2

loops=()
runner=''
logs=$(mktemp -d "${TMPDIR:-/tmp}/test-under-load.XXXXXX")
stop() {
  # A run cut short: its process group (npx, Vitest and Vitest's workers).
  if [[ -n $runner ]] && kill -0 "$runner" 2>/dev/null; then
    kill -TERM -- "-$runner" 2>/dev/null
    wait "$runner" 2>/dev/null
    rm -f "$log"
    echo "stopped during run $run"
  fi
  if ((${#loops[@]} > 0)); then
    kill "${loops[@]}" 2>/dev/null
    wait "${loops[@]}" 2>/dev/null
  fi
  rmdir "$logs" 2>/dev/null # only if every run passed, and so left no output behind
}
trap stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cores=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
for ((i = 0; i < cores; i++)); do
  node -e 'for (;;) {}' &
  loops+=($!)
done
times=times
((runs == 1)) && times=time
echo "Running the tests $runs $times beside $cores busy loops, one per core."

now() { date +%s.%N; }
passed=0
failed=0
for ((run = 1; run <= runs; run++)); do
  log="$logs/run-$run.log"
  start=$(now)
  # In a process group of its own, so that a signal to this script can stop the whole run; and in
  # the background, because bash runs a trap only once the command it waits for has ended.
  setsid npx vitest run >"$log" 2>&1 </dev/null &
  runner=$!
  if wait "$runner"; then
    result=pass
    passed=$((passed + 1))
    rm -f "$log"
  else
    result="FAIL (output in $log)"
    failed=$((failed + 1))
  fi
  runner=''
  seconds=$(awk -v a="$start" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }')
  echo "run $run of $runs: $result, ${seconds} s"
  if [[ $result != pass ]]; then
    # Which tests failed, without the colours.
    sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^ *(FAIL|×) ' | sort -u | sed 's/^ */  /'
  fi
done

echo "$passed passed, $failed failed"
((failed == 0))
