"""The long fuzzing profile: `unkg parse` on many mutated documents, each in a process of its own.

    nice -n 10 .venv/bin/python benchmarks/fuzz.py                  # 10,000 cases, seed 0
    nice -n 10 .venv/bin/python benchmarks/fuzz.py --cases 500 --seed 7 --keep /tmp/fuzz-failures

Cases are the quick profile's (tests/test_fuzz_readers.py): small valid AKN, text, HTML, DOCX and PDF
documents (tests/hostile.py) after one to three mutations fit for their kind, drawn from a seeded
random.Random, so a run can be repeated case for case. Each case is run by the console script's entry point
(`unkg.cli.main(["parse", FILE])`) in a child forked from a warm parent (the vocabularies loaded once),
so a crash, a hang or memory use is that input's alone; the child's address space is limited (--memory-limit)
so that a runaway input fails there instead of taking the machine.

Prints the cases run, the outcomes (exit 0 = a resolution, exit 1 = an input error in one line naming the
file), the failures by kind (exit 3 = internal error, any other exit, a signal, an exit-1 message that is not
one line naming the file, a hang over --timeout seconds), the peak memory per input (the largest child's
maximum resident set, and the parent's at fork for reference), the slowest input, and where each failing
input was kept (--keep). Exit status 1 when any case failed.
"""
from __future__ import annotations

import argparse
import collections
import os
import random
import resource
import select
import shutil
import signal
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the seeds and mutations are the test suite's (tests/hostile.py)

import hostile  # noqa: E402

from unkg.cli import main as unkg_main  # noqa: E402


class Child:
    """One case running in a forked child: `unkg parse PATH` with its stdout and stderr in files."""

    def __init__(self, index: int, label: str, path: Path, memory_limit: int):
        # the input is already in `path` and no longer in the parent's memory: a child inherits what the parent
        # holds at fork, which would count in the child's peak (a mutation can grow an input to gigabytes)
        self.index, self.label, self.path = index, label, path
        self.out, self.err = path.with_suffix(".out"), path.with_suffix(".err")
        self.started = time.perf_counter()
        self.pid = os.fork()
        if self.pid == 0:  # the child: never returns into the parent's code
            code = 70
            try:
                resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
                with open(self.out, "w") as o, open(self.err, "w") as e:
                    os.dup2(o.fileno(), 1)
                    os.dup2(e.fileno(), 2)
                    sys.stdout = os.fdopen(1, "w", closefd=False)
                    sys.stderr = os.fdopen(2, "w", closefd=False)
                    code = unkg_main(["parse", str(path)])
                    sys.stdout.flush()
                    sys.stderr.flush()
            except BaseException:  # noqa: B036 - whatever escapes main is a failure of its own kind
                code = 71
            finally:
                os._exit(code)
        self.pidfd = os.pidfd_open(self.pid)

    def cpu_seconds(self) -> float:
        """The child's CPU time so far (user + system), from /proc."""
        try:
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError):
            return 0.0

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)

    def reap(self, hung: bool) -> tuple[str, float, float, int]:
        """(outcome, wall seconds, CPU seconds, peak RSS in KB); outcome 'ok' (exit 0), 'input-error' (exit 1),
        'hang', 'signal' or 'exit-N'."""
        _, status, usage = os.wait4(self.pid, 0)
        os.close(self.pidfd)
        wall = time.perf_counter() - self.started
        cpu = usage.ru_utime + usage.ru_stime
        if hung:
            return "hang", wall, cpu, usage.ru_maxrss
        if os.WIFSIGNALED(status):
            return "signal", wall, cpu, usage.ru_maxrss
        code = os.WEXITSTATUS(status)
        return {0: "ok", 1: "input-error"}.get(code, f"exit-{code}"), wall, cpu, usage.ru_maxrss


def warm(seeds: dict[str, tuple[str, bytes]], work: Path) -> int:
    """Parse every seed once in this process, so that children start with every reader and the extraction's
    vocabularies loaded; returns this process's peak RSS in KB."""
    for name, (_kind, data) in seeds.items():
        p = work / name
        p.write_bytes(data)
        with open(os.devnull, "w") as null:
            saved = sys.stdout, sys.stderr
            sys.stdout = sys.stderr = null
            try:
                unkg_main(["parse", str(p)])
            finally:
                sys.stdout, sys.stderr = saved
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--timeout", type=float, default=30.0,
                    help="CPU seconds after which a case is a hang (default 30; or ten times that of wall time)")
    ap.add_argument("--memory-limit", type=int, default=2048, metavar="MB",
                    help="address-space limit of each child (default 2048 MB)")
    ap.add_argument("--keep", type=Path, help="folder to copy failing inputs into")
    ap.add_argument("--jobs", type=int, default=1, help="cases run at once (default 1)")
    args = ap.parse_args()

    seeds = hostile.seeds()
    names = sorted(seeds)
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="unkg-fuzz-"))
    parent_kb = warm(seeds, work)

    outcomes: collections.Counter[str] = collections.Counter()
    failures: collections.Counter[str] = collections.Counter()
    by_seed: collections.Counter[str] = collections.Counter()
    by_mutation: collections.Counter[str] = collections.Counter()
    examples: dict[str, str] = {}
    peak = (0, "")
    slowest = (0.0, 0.0, "")
    started = time.perf_counter()
    running: dict[int, Child] = {}  # pidfd -> child
    free_slots = [work / f"slot{k}" for k in range(args.jobs)]
    next_case = 0

    def finish(child: Child, hung: bool) -> None:
        nonlocal peak, slowest
        outcome, wall, cpu, rss = child.reap(hung)
        outcomes[outcome] += 1
        peak = max(peak, (rss, child.label))
        slowest = max(slowest, (cpu, wall, child.label))
        problem = None
        if outcome == "input-error":
            lines = child.err.read_text(errors="replace").strip().splitlines()
            if len(lines) != 1 or not lines[0].startswith(f"{child.path}: "):
                problem = "exit 1 without one line naming the file"
        elif outcome != "ok":
            problem = {"exit-3": "exit 3 (internal error)", "hang": f"hang (over {args.timeout:g} s)"}.get(
                outcome, outcome)
        if problem:
            failures[problem] += 1
            message = child.err.read_text(errors="replace").strip()[:300] if child.err.exists() else ""
            examples.setdefault(problem, f"{child.label}: {message}")
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(child.path, args.keep / f"{child.index:05d}-{child.label.split()[2]}")
        free_slots.append(child.path)
        done = sum(outcomes.values())
        if done % 1000 == 0:
            print(f"... {done} cases, {sum(failures.values())} failed, {time.perf_counter() - started:.0f} s",
                  file=sys.stderr, flush=True)

    while next_case < args.cases or running:
        while free_slots and next_case < args.cases:
            seed = rng.choice(names)
            kind, data = seeds[seed]
            mutated, mutations = hostile.mutate(kind, data, rng)
            by_seed[seed] += 1
            by_mutation.update(mutations)
            label = f"case {next_case}: {seed} after {'+'.join(mutations)} ({len(mutated)} bytes)"
            slot = free_slots.pop()
            slot.write_bytes(mutated)
            del mutated
            child = Child(next_case, label, slot, args.memory_limit << 20)
            running[child.pidfd] = child
            next_case += 1
        ready, _, _ = select.select(list(running), [], [], 1.0)
        for fd in ready:
            finish(running.pop(fd), hung=False)
        for fd, child in list(running.items()):
            # a hang is an input that keeps a core busy past the timeout (the machine's load is not the input's
            # doing), or one that has not answered in ten times the timeout
            if child.cpu_seconds() > args.timeout or time.perf_counter() - child.started > 10 * args.timeout:
                child.kill()
                finish(running.pop(fd), hung=True)

    total = time.perf_counter() - started
    print(f"cases run: {args.cases} (seed {args.seed}) in {total:.0f} s ({args.cases / total:.1f} cases/s)")
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print("seeds: " + ", ".join(f"{k} {v}" for k, v in sorted(by_seed.items())))
    print("mutations applied: " + ", ".join(f"{k} {v}" for k, v in sorted(by_mutation.items())))
    print(f"failures: {sum(failures.values())}")
    for kind, n in failures.most_common():
        print(f"  {kind}: {n}; e.g. {examples[kind]}")
    print(f"peak memory per input: {peak[0] / 1024:.0f} MB max resident ({peak[1]}); "
          f"the warm parent at fork: {parent_kb / 1024:.0f} MB")
    print(f"slowest input: {slowest[0]:.2f} s of CPU, {slowest[1]:.2f} s of wall time ({slowest[2]})")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
