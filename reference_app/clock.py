"""The application's clock: real time, or frozen by the test-only control API.

freezegun runs inside this process only (the harness never freezes its own clock). The clock is
frozen without ticking, so that "29 min 59 s after the request" is exact; it moves only when the
control API moves it.
"""
import threading
from datetime import datetime, timedelta, timezone

from freezegun import freeze_time

_lock = threading.Lock()
_freezer = None
_factory = None


def now() -> datetime:
    """The current instant, timezone-aware UTC (frozen when the control API says so)."""
    return datetime.now(timezone.utc)


def timestamp() -> float:
    return now().timestamp()


def is_frozen() -> bool:
    return _factory is not None


def freeze(at: datetime) -> None:
    global _freezer, _factory
    if at.tzinfo is None:
        raise ValueError("an instant with its UTC offset is needed")
    with _lock:
        if _factory is not None:
            _factory.move_to(at)
            return
        _freezer = freeze_time(at, tick=False)
        _factory = _freezer.start()


def advance(seconds: float) -> None:
    with _lock:
        frozen = _factory is not None
    if not frozen:
        freeze(now())
    with _lock:
        _factory.tick(timedelta(seconds=seconds))


def unfreeze() -> None:
    global _freezer, _factory
    with _lock:
        if _freezer is not None:
            _freezer.stop()
        _freezer = _factory = None
