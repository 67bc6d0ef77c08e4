#!/usr/bin/env bash
# The library benchmarks of issue 4, end to end, on 10,000 synthetic articles:
# lede add throughput, start to first frame (tmux, beside less), the reader's peak memory,
# and the query latencies (Benchmarks/LibraryLatency, ordo-one/benchmark).
#   bash Benchmarks/library-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export LEDE_BENCH_LIBRARY=${LEDE_BENCH_LIBRARY:-/tmp/lede-bench-library}
articles=${LEDE_BENCH_ARTICLES:-/tmp/lede-bench-articles}

swift build -c release --product lede >/dev/null
[ -d "$articles" ] || python3 Benchmarks/make-articles.py "$articles" 10000

echo "== lede add: 10,000 articles into an empty library"
rm -rf "$LEDE_BENCH_LIBRARY"
start=$(date +%s.%N)
LEDE_HOME="$LEDE_BENCH_LIBRARY" .build/release/lede add "$articles" >/dev/null
end=$(date +%s.%N)
python3 -c "s=$end-$start; print(f'  {s:.1f} s, {10000/s:.0f} articles/s')"
LEDE_HOME="$LEDE_BENCH_LIBRARY" .build/release/lede list >/dev/null   # the first open after adding scans the folder once

echo "== start to first frame (tmux)"
python3 Benchmarks/first-frame-tmux.py --library "$LEDE_BENCH_LIBRARY" Samples/us-russia-syria-pact.txt "US to offer Russia" 11

echo "== the reader's peak memory: open, browse 60 articles, search, open a result, quit"
sock=/tmp/lede-bench-mem-$$
tmux -S "$sock" new-session -d -x 100 -y 30 "LEDE_HOME='$LEDE_BENCH_LIBRARY' TERM=xterm-256color LANG=C.UTF-8 /usr/bin/time -v -o /tmp/lede-bench-mem.txt .build/release/lede; sleep 5"
sleep 1
for i in $(seq 60); do tmux -S "$sock" send-keys j; sleep 0.02; done
tmux -S "$sock" send-keys / ; tmux -S "$sock" send-keys -l "harbour budget"; tmux -S "$sock" send-keys Enter; sleep 0.5
tmux -S "$sock" send-keys Enter G q q q; sleep 1.5
tmux -S "$sock" kill-server || true
grep "Maximum resident" /tmp/lede-bench-mem.txt

echo "== query latencies"
(cd Benchmarks && swift package --disable-sandbox benchmark --target LibraryLatency 2>&1 | grep -v ETA | grep -E "^[a-z]|Time|Memory")
