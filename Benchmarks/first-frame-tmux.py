#!/usr/bin/env python3
"""Start to first frame in a real terminal: lede beside less, on the same file.

Each run starts a detached tmux session (100x30) running the program on FILE and polls
the pane until MARKER (text of the first screen) shows; the time from starting the
session to seeing it is the figure. Both programs pay the same tmux and polling costs.
Prints per-run times, the medians and the ratio lede/less.

    python3 Benchmarks/first-frame-tmux.py FILE MARKER [RUNS]
    python3 Benchmarks/first-frame-tmux.py --library HOME FILE MARKER [RUNS]

With --library, lede opens the library in HOME (LEDE_HOME=HOME lede, no path) and is done
when its list says "library · "; less opens FILE as before.

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
    args = sys.argv[1:]
    library = None
    if args[:1] == ["--library"]:
        library, args = args[1], args[2:]
    if len(args) < 2:
        raise SystemExit(__doc__)
    path, marker = args[0], args[1]
    runs = int(args[2]) if len(args) > 2 else 11
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    lede = os.path.join(root, ".build", "release", "lede")
    if not os.access(lede, os.X_OK):
        raise SystemExit("build first: swift build -c release --product lede")
    socket = os.path.join(tempfile.gettempdir(), f"lede-ff-{os.getpid()}")
    times = {"lede": [], "less": []}
    for _ in range(runs):
        # Alternate, so that both see the same machine load and page cache.
        if library:
            times["lede"].append(first_frame(f"LEDE_HOME='{library}' '{lede}'; sleep 5", "library · ", socket))
        else:
            times["lede"].append(first_frame(f"'{lede}' '{path}'; sleep 5", marker, socket))
        times["less"].append(first_frame(f"less '{path}'; sleep 5", marker, socket))
    size = os.path.getsize(path)
    what = f"lede on the library in {library}, less on {path}" if library else path
    print(f"{what} ({size:,} bytes), {runs} runs each, 100x30 tmux")
    for name, ts in times.items():
        print(f"  {name:5} median {statistics.median(ts) * 1000:7.1f} ms  (min {min(ts) * 1000:.1f}, max {max(ts) * 1000:.1f})")
    print(f"  ratio lede/less: {statistics.median(times['lede']) / statistics.median(times['less']):.2f}")

main()
