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

    def __init__(self, path: str | Path | None, problem: str, *, article: str | None = None,
                 stage: str | None = None):
        self.path = str(path) if path is not None else None
        self.problem = problem
        # Set only when known, so callers can fill them in later (``hasattr`` tells).
        if article is not None:
            self.article = article
        if stage is not None:
            self.stage = stage
        super().__init__(f"{self.path}: {problem}" if self.path else problem)
