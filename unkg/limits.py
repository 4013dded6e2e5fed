"""What one query may take: memory, and how deeply its text may nest.

Memory: pyoxigraph cannot bound a query's memory itself (an `ORDER BY` over a cross product of the store
grows by hundreds of MB a second until the machine runs out), so the process that runs the query is given
an address-space limit (RLIMIT_AS): what it holds when idle plus the query's budget. A query that asks for
more fails to allocate, which ends that process (Rust aborts on a failed allocation), never its neighbours:
the server's query workers are replaced, and `unkg query` runs its query in a child process for the same
reason. Address space over-counts what is resident, so the budget bounds the real memory from above.
"""
from __future__ import annotations

import os
import resource
import signal
import sys
import threading
from typing import Callable

# How a process that ran out of its budget ends: Rust (and C++'s std::bad_alloc) abort on a failed
# allocation; the kernel's OOM killer sends SIGKILL.
MEMORY_DEATHS = (-signal.SIGABRT, -signal.SIGKILL)


def size(n: int) -> str:
    """A byte count as people write it: 512 MiB, 1 GiB, 1.5 GiB."""
    for unit, factor in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= factor:
            return f"{n / factor:.3g} {unit}"
    return f"{n} bytes"


def memory_message(budget: int) -> str:
    return (f"the query needed more memory than the limit of {size(budget)} a query may take "
            "(UNKG_QUERY_MEMORY); narrow it or add LIMIT")


def address_space() -> int:
    """The calling process's virtual memory size in bytes (0 where /proc is not available)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def cap_memory(budget: int) -> bool:
    """Limit this process's address space to what it holds now plus `budget` bytes (0: no limit).
    True if a limit was set; False without /proc to measure what it holds."""
    if budget <= 0:
        return False
    now = address_space()
    if not now:
        return False
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    limit = now + budget
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        return False
    return True


def run_capped(fn: Callable[[Callable[[], None]], int], budget: int) -> tuple[int, str | None]:
    """Run `fn` (which writes its own output and returns an exit code) in a forked child, and return
    (exit code, None); or (1, message) when the child ran out of memory or crashed. `fn` is given a function
    to call once it has opened what it needs (the store): that limits the child to what it then holds plus
    `budget` bytes, as the server's workers are limited.

    The child's stderr comes back through a pipe, so that an allocator's abort message (and Rust's
    backtrace) is replaced by one line. With other threads running (a fork would copy the locks they hold),
    `fn` runs here without a limit."""
    if budget <= 0 or threading.active_count() > 1:
        return fn(lambda: None), None
    sys.stdout.flush()
    sys.stderr.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        code = 3
        try:
            os.close(read_end)
            os.dup2(write_end, 2)
            os.close(write_end)
            code = fn(lambda: cap_memory(budget) and None)
        except BaseException as e:  # the caller's handler ran in fn; this is a last resort, one line
            try:
                sys.stderr.write(f"unkg: internal error: {type(e).__name__}: {e}\n")
            except BaseException:
                pass
            code = getattr(e, "code", 3) if isinstance(e, SystemExit) and isinstance(e.code, int) else code
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            except BaseException:
                pass
            os._exit(code)
    os.close(write_end)
    chunks = []
    with os.fdopen(read_end, "rb") as err:
        while True:
            chunk = err.read(65536)
            if not chunk:
                break
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        sig = -os.WTERMSIG(status)
        if sig in MEMORY_DEATHS:
            return 1, memory_message(budget)
        return 1, f"the query stopped the query engine (signal {-sig}); simplify it"
    sys.stderr.buffer.write(b"".join(chunks))
    sys.stderr.flush()
    return os.WEXITSTATUS(status), None
