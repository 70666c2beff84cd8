"""The one error type users see.

A :class:`FramingError` names the file and the problem; the command line prints
it as ``framing: PATH: problem`` without a traceback, and corpus runs record it
in the ``errors`` table and go on with the other articles.
"""
from __future__ import annotations

from pathlib import Path


class FramingError(Exception):
    """A problem with one input, named by file.

    >>> str(FramingError("corpus/a.txt", "the file is empty"))
    'corpus/a.txt: the file is empty'
    """

    def __init__(self, path: str | Path | None, problem: str):
        self.path = str(path) if path is not None else None
        self.problem = problem
        super().__init__(f"{self.path}: {problem}" if self.path else problem)
