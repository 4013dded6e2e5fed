"""The errors a user can cause. The command line turns each into one line on stderr and an exit code."""
from __future__ import annotations

# The longest error line printed: a problem quoting a whole hostile input must not flood a terminal or log.
MAX_LINE = 400


def one_line(text: object, limit: int = MAX_LINE) -> str:
    """`text` on one line (whitespace runs as one space), cut to `limit` characters with an ellipsis."""
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


class UnkgError(Exception):
    """Base class: a problem the user can fix. Its str() is the one-line message shown to the user."""

    exit_code = 1


class InputError(UnkgError):
    """A file that cannot be read as a resolution. The message names the file and the problem."""

    def __init__(self, path: object, problem: str):
        self.path = str(path)
        self.problem = one_line(problem)  # libraries' messages may span lines or quote a whole input
        super().__init__(f"{self.path}: {self.problem}")


class ValidationError(UnkgError):
    """A graph that does not conform to the shapes; `report` is pySHACL's text report."""

    def __init__(self, subject: str, summary: str, report: str = ""):
        self.subject = subject
        self.report = report
        super().__init__(f"{subject}: does not conform to the shapes: {summary}")


class StoreError(UnkgError):
    """The store cannot be opened, read or written."""


class QueryError(UnkgError):
    """A SPARQL query that is malformed, refused or too expensive."""

    def __init__(self, message: str, status: int = 400):
        self.status = status
        super().__init__(message)
