"""The time stamped into a DOCX's core properties, chosen so that renders are reproducible.

Order of precedence: ``--now`` on the command line, then the ``SOURCE_DATE_EPOCH`` environment
variable (https://reproducible-builds.org/specs/source-date-epoch/), then the outline's own
``date``, then a fixed 2000-01-01. The wall clock is never read.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import os
from collections.abc import Iterator
from contextlib import contextmanager

from drafter.i18n import _

FIXED_STAMP = "2000-01-01T00:00:00Z"

_now: contextvars.ContextVar[dt.datetime | None] = contextvars.ContextVar("drafter_now", default=None)


@contextmanager
def fixed_now(now: dt.datetime | None) -> Iterator[None]:
    """Within the block, renders stamp ``now`` (``--now``); None leaves the usual order."""
    token = _now.set(now)
    try:
        yield
    finally:
        _now.reset(token)


def parse_now(text: str) -> dt.datetime:
    """``2025-07-18``, ``2025-07-18T09:30:00[Z|+08:00]`` or ``@1752796800`` → an aware UTC time.

    A time without a zone is taken as UTC. Raises ``ValueError`` with a reader's message.
    """
    value = text.strip()
    try:
        if value.startswith("@") or value.isdigit():
            moment = dt.datetime.fromtimestamp(int(value.lstrip("@")), dt.timezone.utc)
        else:
            moment = dt.datetime.fromisoformat(value[:-1] + "+00:00" if value.endswith(("Z", "z")) else value)
    except (ValueError, OverflowError, OSError):
        raise ValueError(_("{value!r} is not a time; write 2025-07-18, 2025-07-18T09:30:00+08:00 "
                           "or @<seconds since 1970>").format(value=text)) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def stamp(date: dt.date | None, now: dt.datetime | None = None) -> str:
    """The W3CDTF creation time for core properties (see the module docstring for the order).

    ``now`` defaults to the time set by :func:`fixed_now`, if any.
    """
    now = now if now is not None else _now.get()
    if now is not None:
        return now.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(date, dt.date):
        return f"{date:%Y-%m-%d}T00:00:00Z"
    return FIXED_STAMP
