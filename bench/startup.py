"""Time to first paint of the real `baldreader`, run in a pseudo-terminal as a user would.

For each corpus it launches the installed script in a 120x40 pty, reads what the app writes to
the terminal, and records two moments after the launch: the first frame (the title bar is
drawn) and the list painted (the list's status line "N of N articles" has been written, i.e. the
corpus is loaded and shown). It then presses q. Prints the first launch on a fresh user folder,
then the median and range of several later launches (after `baldreader index`, as after any
earlier session). First, for scale, the same for a bare Textual app of the same shape
(`bare_textual.py`): Textual's own import and start-up, which no change here can go under.

    python bench/startup.py [--runs 7] [--sizes 2000] [--against OTHER_CHECKOUT/src]

With `--against`, each corpus is timed with this checkout and with the other one's `src`
(`python -m reader` with PYTHONPATH set, each in its own user folder), launches alternating, so
that both see the same minutes of this machine, whose speed drifts by half within minutes.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from corpus import generate  # noqa: E402

BALDREADER = shutil.which("baldreader") or str(Path(sys.executable).parent / "baldreader")


def one_run(
    corpus: Path | None, n: int, home: Path, timeout: float = 60.0, command: list[str] | None = None
) -> tuple[float, float]:
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    env = dict(os.environ, BALDREADER_HOME=str(home), TERM="xterm-256color", COLUMNS="120", LINES="40")
    args = command or [BALDREADER] + (["--corpus", str(corpus)] if corpus else [])
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    seen = b""
    first_frame = painted = None
    marker = f"{n} of {n} articles".encode()
    deadline = start + timeout
    while painted is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            seen += chunk
            now = time.perf_counter()
            if first_frame is None and b"baldreader" in seen:
                first_frame = now - start
            if marker in seen:
                painted = now - start
            seen = seen[-4096:]
    os.write(master, b"q")
    try:
        while proc.poll() is None:
            ready, _, _ = select.select([master], [], [], 0.05)
            if ready:
                os.read(master, 65536)
            if time.perf_counter() > deadline + 10:
                proc.kill()
    except OSError:
        pass
    proc.wait()
    os.close(master)
    wait_for_children(home)
    if painted is None or first_frame is None:
        raise RuntimeError(f"app did not paint within {timeout}s")
    return first_frame, painted


def wait_for_children(home: Path, timeout: float = 900.0) -> None:
    """Until no process of this user folder runs: a sync child finishes on its own after the
    app quits, a people pass child after its batch in hand; the next launch must not compete
    with them for the two cores, nor the folder be deleted under them."""
    deadline = time.perf_counter() + timeout
    needle = str(home).encode()
    while time.perf_counter() < deadline:
        busy = False
        for entry in os.listdir("/proc"):
            if entry.isdigit() and int(entry) != os.getpid():
                try:
                    with open(f"/proc/{entry}/cmdline", "rb") as f:
                        busy = busy or needle in f.read()
                except OSError:
                    continue
        if not busy:
            return
        time.sleep(0.2)


def measure(label: str, corpus: Path | None, n: int, runs: int) -> None:
    """The first launch on a fresh user folder, then `runs` later launches (the index and its
    catalog built, as after any earlier session with that corpus)."""
    with tempfile.TemporaryDirectory() as home:
        first = one_run(corpus, n, Path(home))  # also warms the file cache and bytecode
        # The sync alone: the people pass of a corpus over 5,000 articles would take most of an
        # hour at 100,000; each launch starts it and stops it again (not before the list is painted).
        args = [BALDREADER, "--home", home] + (["--corpus", str(corpus)] if corpus else []) + ["index", "--no-people"]
        subprocess.run(args, capture_output=True, check=False)
        results = [one_run(corpus, n, Path(home)) for _ in range(runs)]
    print(f"{label:<22} first launch, fresh user folder: list painted {first[1] * 1000:7.0f} ms")
    firsts = [r[0] * 1000 for r in results]
    painted = [r[1] * 1000 for r in results]
    print(
        f"{label:<22} first frame {statistics.median(firsts):7.0f} ms "
        f"(min {min(firsts):.0f}, max {max(firsts):.0f})   list painted "
        f"{statistics.median(painted):7.0f} ms (min {min(painted):.0f}, max {max(painted):.0f})"
        f"   [{runs} runs]"
    )


def compare(label: str, corpus: Path | None, n: int, runs: int, sources: list[str]) -> None:
    """List painted with each source tree, launches alternating (after one launch each that
    builds the index and warms the caches)."""
    homes = [Path(tempfile.mkdtemp()) for _ in sources]
    try:
        commands = []
        for src, home in zip(sources, homes, strict=True):
            env = dict(os.environ, PYTHONPATH=src)
            base = [sys.executable, "-m", "reader"] + (["--corpus", str(corpus)] if corpus else [])
            index = base[:3] + ["--home", str(home)] + base[3:] + ["index", "--no-people"]
            subprocess.run(index, env=env, capture_output=True, check=False)
            commands.append(["env", f"PYTHONPATH={src}"] + base)
        for command, home in zip(commands, homes, strict=True):
            one_run(corpus, n, home, command=command)
        painted: list[list[float]] = [[] for _ in sources]
        for _ in range(runs):
            for times, command, home in zip(painted, commands, homes, strict=True):
                times.append(one_run(corpus, n, home, command=command)[1] * 1000)
        for src, times in zip(sources, painted, strict=True):
            print(
                f"{label:<22} {src:<34} list painted {statistics.median(times):7.0f} ms "
                f"(min {min(times):.0f}, max {max(times):.0f})   [{runs} runs]"
            )
    finally:
        for home in homes:
            shutil.rmtree(home, ignore_errors=True)


def bare_textual(runs: int) -> None:
    """The same moments for a bare Textual app of the same shape (bench/bare_textual.py)."""
    command = [sys.executable, str(Path(__file__).parent / "bare_textual.py")]
    with tempfile.TemporaryDirectory() as home:
        one_run(None, 5, Path(home), command=command)  # warms the file cache
        painted = [one_run(None, 5, Path(home), command=command)[1] * 1000 for _ in range(runs)]
    print(
        f"{'bare Textual app':<22} (the floor)                      list painted "
        f"{statistics.median(painted):7.0f} ms (min {min(painted):.0f}, max {max(painted):.0f})   [{runs} runs]"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description="baldreader time to first paint")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--sizes", type=int, nargs="*", default=[2000])
    parser.add_argument("--against", help="another checkout's src folder, timed alternately with this one")
    args = parser.parse_args()
    # The package's bytecode up to date, as an installed package has it (with
    # PYTHONDONTWRITEBYTECODE set, an edited checkout would compile its changed modules on every
    # launch, a tenth of a second here).
    import compileall

    import reader

    compileall.compile_dir(str(Path(reader.__file__).parent), quiet=1)
    print(f"baldreader: {BALDREADER}; python {sys.version.split()[0]}; {os.cpu_count()} cpus")
    bare_textual(args.runs)
    if args.against:
        sources = [str(Path(reader.__file__).parent.parent), str(Path(args.against).resolve())]
        compileall.compile_dir(sources[1], quiet=1)
        compare("seeds (5 articles)", None, 5, args.runs, sources)
    else:
        measure("seeds (5 articles)", None, 5, args.runs)
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            corpus = generate(Path(tmp) / "corpus", n)
            if args.against:
                compare(f"generated ({n})", corpus, n, args.runs, sources)
            else:
                measure(f"generated ({n})", corpus, n, args.runs)


if __name__ == "__main__":
    main()
