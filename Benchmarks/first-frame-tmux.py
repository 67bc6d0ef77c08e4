#!/usr/bin/env python3
"""Start to first frame in a real terminal: lede beside less, on the same file.

Each run starts a detached tmux session (100x30) running the program on FILE and polls
the pane until MARKER (text of the first screen) shows; the time from starting the
session to seeing it is the figure. Both programs pay the same tmux and polling costs.
Prints per-run times, the medians and the ratio lede/less.

    python3 Benchmarks/first-frame-tmux.py FILE MARKER [RUNS]

Build first: swift build -c release --product lede
"""
import os, statistics, subprocess, sys, tempfile, time

def first_frame(command, marker, socket):
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", LESS="")
    subprocess.run(["tmux", "-S", socket, "kill-server"], capture_output=True)
    start = time.monotonic()
    subprocess.run(["tmux", "-S", socket, "new-session", "-d", "-x", "100", "-y", "30", command], env=env, check=True)
    try:
        while time.monotonic() - start < 30:
            out = subprocess.run(["tmux", "-S", socket, "capture-pane", "-p"], capture_output=True, text=True).stdout
            if marker in out:
                return time.monotonic() - start
            time.sleep(0.002)
        raise SystemExit(f"{command}: {marker!r} never showed")
    finally:
        subprocess.run(["tmux", "-S", socket, "kill-server"], capture_output=True)

def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    path, marker = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 11
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    lede = os.path.join(root, ".build", "release", "lede")
    if not os.access(lede, os.X_OK):
        raise SystemExit("build first: swift build -c release --product lede")
    socket = os.path.join(tempfile.gettempdir(), f"lede-ff-{os.getpid()}")
    times = {"lede": [], "less": []}
    for _ in range(runs):
        # Alternate, so that both see the same machine load and page cache.
        times["lede"].append(first_frame(f"'{lede}' '{path}'; sleep 5", marker, socket))
        times["less"].append(first_frame(f"less '{path}'; sleep 5", marker, socket))
    size = os.path.getsize(path)
    print(f"{path} ({size:,} bytes), {runs} runs each, 100x30 tmux")
    for name, ts in times.items():
        print(f"  {name:5} median {statistics.median(ts) * 1000:7.1f} ms  (min {min(ts) * 1000:.1f}, max {max(ts) * 1000:.1f})")
    print(f"  ratio lede/less: {statistics.median(times['lede']) / statistics.median(times['less']):.2f}")

main()
