"""One way for every benchmark to start `unkg serve`, wait for it, load it with clients and read its memory.

    from server import Server, load, pct
    with Server(store, workers=2) as srv:          # `unkg serve` in its own process on a free loopback port
        times, errors = load(srv.port, paths, clients=16)
        print(srv.memory().line())                 # the server's parent, its workers and query workers

The server opens the store read-only. Its page cache goes to a fresh temporary folder, removed at the end,
so that every run starts with nothing cached but what the server's own warm-up builds. `unkg serve` opens
its port once its warm-up is done (docs/serving.md), so a Server is ready when the port answers. Requests
go only to 127.0.0.1.
"""
from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Memory:
    """Resident (RSS) and proportional (PSS: shared pages divided between the processes sharing them) memory
    of the server's processes by role; PSS adds up to what the server takes from the machine."""

    rss: dict[str, int] = field(default_factory=dict)
    pss: dict[str, int] = field(default_factory=dict)
    uss: dict[str, int] = field(default_factory=dict)  # pages of one process alone
    count: dict[str, int] = field(default_factory=dict)

    @property
    def total_pss(self) -> int:
        return sum(self.pss.values())

    @property
    def total_rss(self) -> int:
        return sum(self.rss.values())

    def line(self) -> str:
        parts = [f"{role} x{self.count[role]}: PSS {self.pss[role] / 2**20:.0f} MiB (own {self.uss[role] / 2**20:.0f}, "
                 f"RSS {self.rss[role] / 2**20:.0f})" for role in self.count]
        return (f"server memory, all processes: PSS {self.total_pss / 2**20:.0f} MiB (RSS summed "
                f"{self.total_rss / 2**20:.0f} MiB) = " + "; ".join(parts))


def _role(proc: psutil.Process, root: int) -> str:
    if proc.pid == root:
        return "parent"
    try:
        cmd = " ".join(proc.cmdline())
    except psutil.Error:
        return "other"
    return "query worker" if "worker_process" in cmd else "web worker"


def measure_memory(pid: int) -> Memory:
    out = Memory()
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return out
    for p in procs:
        try:
            info = p.memory_full_info()
        except psutil.Error:
            continue
        role = _role(p, pid)
        out.rss[role] = out.rss.get(role, 0) + info.rss
        out.pss[role] = out.pss.get(role, 0) + getattr(info, "pss", info.rss)
        out.uss[role] = out.uss.get(role, 0) + getattr(info, "uss", info.rss)
        out.count[role] = out.count.get(role, 0) + 1
    return out


class PeakMemory:
    """The largest total PSS (and the Memory at that moment) of a server's processes, sampled every
    `every` seconds in a thread until `stop`."""

    def __init__(self, pid: int, every: float = 0.25):
        self.pid, self.every = pid, every
        self.peak = Memory()
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            m = measure_memory(self.pid)
            if m.total_pss > self.peak.total_pss:
                self.peak = m
            time.sleep(self.every)

    def stop(self) -> Memory:
        self._stop.set()
        self._t.join()
        return self.peak


class Server:
    """`unkg serve --store STORE` in its own process on a free loopback port (see the module)."""

    def __init__(self, store: str, *, workers: int | None = None, threads: int | None = None,
                 compute: int | None = None, env: dict[str, str] | None = None, ready_timeout: float = 1800, quiet: bool = True):
        self.store, self.port = store, free_port()
        self._cache = tempfile.mkdtemp(prefix="unkg-bench-pages-")
        cmd = [sys.executable, "-P", "-m", "unkg.cli", "serve", "--store", store, "--port", str(self.port)]
        if workers:
            cmd += ["--workers", str(workers)]
        if threads:
            cmd += ["--threads", str(threads)]
        if compute is not None:
            cmd += ["--compute", str(compute)]
        full_env = {**os.environ, "UNKG_PAGE_CACHE": self._cache, "PYTHONUNBUFFERED": "1", **(env or {})}
        self.started = time.perf_counter()
        self.proc = subprocess.Popen(cmd, env=full_env, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL if quiet else None)
        self.ready_after = self._wait(ready_timeout)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def prerendered(self) -> dict | None:
        """What the server's pre-rendering did before it opened its port (webapp/prerender.py): pages
        rendered, seconds, bytes of the page folder then; None if it did not run."""
        for f in Path(self._cache).glob("*/prerender.json"):
            return json.loads(f.read_text(encoding="utf-8"))
        return None

    def cache_bytes(self) -> int:
        """Bytes in the server's page cache folder now."""
        return sum(f.stat().st_size for f in Path(self._cache).rglob("*") if f.is_file())

    def _wait(self, timeout: float) -> float:
        """Seconds until the port answers (the server's warm-up is done); SystemExit if it never does."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"unkg serve stopped with exit code {self.proc.returncode}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return time.perf_counter() - self.started
            except OSError:
                time.sleep(0.25)
        self.stop()
        raise SystemExit(f"unkg serve did not open its port within {timeout:.0f} s")

    def memory(self) -> Memory:
        return measure_memory(self.pid)

    def worker_cpu(self) -> dict[int, float]:
        """CPU seconds (user + system) of each web worker process so far, by process id: how the work was
        split between the workers."""
        out = {}
        try:
            children = psutil.Process(self.pid).children()
        except psutil.Error:
            return out
        for p in children:
            try:
                if _role(p, self.pid) == "web worker":
                    t = p.cpu_times()
                    out[p.pid] = t.user + t.system
            except psutil.Error:
                continue
        return out

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        shutil.rmtree(self._cache, ignore_errors=True)

    def __enter__(self) -> "Server":
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def get(port: int, path: str, box: dict, accept: str = "application/json", method: str = "GET",
        body: bytes | None = None, headers: dict | None = None, timeout: float = 300) -> tuple[int, float, bytes]:
    """One request on the client's kept-alive connection (`box`), opened again once if the server closed
    it; (status, seconds, body), status 599 when no answer came."""
    t0 = time.perf_counter()
    for attempt in (1, 2):
        conn = box.get("c") or http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        box["c"] = conn
        try:
            conn.request(method, path, body=body, headers={"Accept": accept, **(headers or {})})
            r = conn.getresponse()
            data = r.read()
            if r.getheader("Connection", "").lower() == "close":
                conn.close()
                box.pop("c", None)
            return r.status, time.perf_counter() - t0, data
        except (http.client.HTTPException, OSError):
            conn.close()
            box.pop("c", None)
            if attempt == 2:
                return 599, time.perf_counter() - t0, b""
    return 599, time.perf_counter() - t0, b""


def load(port: int, paths: list[str], clients: int, accept: str = "application/json"
         ) -> tuple[dict[str, list[float]], list[tuple[str, int]], float]:
    """`clients` threads take the paths in turn from one shared list until it is empty, each on its own
    kept-alive connection: the seconds of each answer by path, the errors, and the wall time."""
    todo = list(reversed(paths))
    lock = threading.Lock()
    times: dict[str, list[float]] = {}
    errors: list[tuple[str, int]] = []

    def client() -> None:
        box: dict = {}
        while True:
            with lock:
                if not todo:
                    break
                p = todo.pop()
            status, took, _ = get(port, p, box, accept=accept)
            with lock:
                times.setdefault(p, []).append(took)
                if status != 200:
                    errors.append((p, status))

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return times, errors, time.perf_counter() - t0


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")
