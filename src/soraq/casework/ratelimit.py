"""A per-client rate limit on Django's cache framework (no third-party service, no stored IPs).

Counted in the "shared" cache, which all of the server's worker processes see.

``SORAQ_INTAKE_RATE`` = ``"COUNT/PERIOD"`` with PERIOD ``s``, ``m``, ``h`` or ``d`` (default ``10/h``).
The client is keyed by a keyed hash of its address, so the cache never holds an IP.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import caches

_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """``"5/h"`` -> (5, 3600)."""
    count, _, period = rate.partition("/")
    try:
        return int(count), _PERIODS[period.strip().lower()[:1]]
    except (ValueError, KeyError) as exc:
        raise ValueError(f"rate must look like 5/h, not {rate!r}") from exc


def client_key(request, scope: str) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{scope}:{address}".encode(), hashlib.sha256).hexdigest()
    return f"soraq:rl:{scope}:{digest[:32]}"


def hit(request, scope: str, rate: str) -> bool:
    """Count one use; True while the client is within its rate."""
    limit, window = parse_rate(rate)
    key = client_key(request, scope)
    cache = caches["shared"]  # one count for all of the server's worker processes
    if cache.add(key, 1, timeout=window):
        return True
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        return True
    return used <= limit


def intake_rate() -> str:
    return getattr(settings, "SORAQ_INTAKE_RATE", "10/h")
