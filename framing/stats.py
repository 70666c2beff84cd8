"""Small statistics shared by the tone and signal stages."""
from __future__ import annotations

import math

import numpy as np


def interval95(samples) -> tuple[float, float]:
    """Percentile 95% interval of bootstrap samples, without interpolation.

    No interpolation because samples may be infinite (a resample with no opposition
    claim has an infinite state/opposition ratio); NaN samples are dropped.

    >>> interval95(np.arange(1, 41))
    (1.0, 39.0)
    """
    x = np.sort(np.asarray(samples, dtype=float))
    if len(x) and x[-1] != x[-1]:  # NaN sorts last: drop it only when there is one
        x = x[~np.isnan(x)]
    n = len(x)
    if n == 0:
        return (math.nan, math.nan)
    lo = x[max(0, math.ceil(0.025 * n) - 1)]
    hi = x[max(0, math.ceil(0.975 * n) - 1)]
    return float(lo), float(hi)
