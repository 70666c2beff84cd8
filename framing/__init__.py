"""framing: measure how news coverage frames a political conflict.

Stages, in the order data flows: :mod:`framing.corpus` → :mod:`framing.text` →
:mod:`framing.actors` → :mod:`framing.claims` → :mod:`framing.sentiment` →
:mod:`framing.signals` → :mod:`framing.plots`.
"""
__version__ = "0.1.0"

from framing.errors import FramingError  # noqa: E402

__all__ = ["FramingError", "__version__"]
