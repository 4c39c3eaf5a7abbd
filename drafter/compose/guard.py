"""Limits for templates: a sandbox that bounds time, value sizes and output size.

Jinja's sandbox already refuses unsafe attributes (``__class__``, ``__globals__``…) and
ranges of more than 100,000 items, but a template handed over by another department can
still hang drafter (two nested loops of 100,000) or exhaust memory (``'x' * 10**10``,
``9**(9**9)``, a string doubled in a loop). :func:`install` adds to a sandboxed environment:

- a time limit (:func:`time_limit`): SIGALRM in the main thread, plus deadline checks in
  ``range``, operators, calls and filters so that other threads are bounded too;
- a size limit on every value built by ``*``, ``+``, ``%``, ``**``, ``~``, calls and
  filters (:data:`MAX_VALUE_CHARS`), and on the whole output (:data:`MAX_OUTPUT_CHARS`).

Everything over a limit raises :class:`LimitExceeded`, which :func:`render_bounded` reports as
a :class:`~drafter.errors.TemplateError` with the template file and line.
"""

from __future__ import annotations

import contextvars
import dataclasses
import functools
import math
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import Any

from jinja2 import nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.sandbox import MAX_RANGE, SandboxedEnvironment

from drafter.errors import TemplateError
from drafter.i18n import _

TIME_LIMIT = 10.0
"""Seconds a template may take to render one outline (the largest outline allowed, 4 MB with
~3,600 sections, takes ~0.12 s)."""

MAX_VALUE_CHARS = 10_000_000
"""Longest text or list a template expression may build."""

MAX_OUTPUT_CHARS = 50_000_000
"""Longest block markup a template may emit (the largest outline allowed emits ~1.6 M)."""

MAX_INT_BITS = 100_000
"""Largest integer (in bits) that arithmetic in a template may produce."""

_budget: contextvars.ContextVar[_Budget | None] = contextvars.ContextVar("drafter_template_budget",
                                                                         default=None)
_HUGE_FORMAT = re.compile(r"%[-+ #0]*(?:\*|\d{8,})|\{[^{}]*:[^{}]*\d{8,}[^{}]*\}")


class LimitExceeded(Exception):
    """A template went over one of drafter's limits (time, value size, output size)."""


class TemplateTimeout(LimitExceeded):
    """A template took longer than the time limit."""


@dataclasses.dataclass
class _Budget:
    """The time allowed to the render in progress."""

    seconds: float
    deadline: float
    raised: bool = False
    """Set once a timeout was raised: the alarm then stays quiet (see :func:`_on_alarm`)."""

    def timeout(self) -> TemplateTimeout:
        self.raised = True
        return TemplateTimeout(_("the template took longer than {seconds:g} s to render and was "
                                 "stopped (an endless or very large loop?)").format(seconds=self.seconds))


def check_deadline() -> None:
    """Raise :class:`TemplateTimeout` when the current render has run out of time."""
    budget = _budget.get()
    if budget is not None and time.monotonic() > budget.deadline:
        raise budget.timeout()


def _on_alarm(signum: int, frame: Any) -> None:
    # Raise at most once, and not after a deadline check already did: a second exception could
    # interrupt Jinja while it reports the first and lose the template's line. Should library
    # code swallow a timeout, the deadline checks in range(), calls and operators raise again.
    budget = _budget.get()
    if budget is not None and not budget.raised:
        raise budget.timeout()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Bound the rendering inside the block to ``seconds`` (SIGALRM when in the main thread)."""
    token = _budget.set(_Budget(seconds, time.monotonic() + seconds))
    use_signal = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous: Any = None
    previous_timer = (0.0, 0.0)
    started = time.monotonic()
    if use_signal:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        previous_timer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if use_signal:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
            if previous_timer[0] > 0:  # someone else's alarm was pending: give it back its time
                remaining = max(previous_timer[0] - (time.monotonic() - started), 0.001)
                signal.setitimer(signal.ITIMER_REAL, remaining, previous_timer[1])
        _budget.reset(token)


def _too_big(what: str) -> LimitExceeded:
    return LimitExceeded(_("the template builds {what}; values are limited to {limit:,} characters or "
                           "items").format(what=what, limit=MAX_VALUE_CHARS))


def _too_many_bits() -> LimitExceeded:
    return LimitExceeded(_("the template computes a number of more than {limit:,} bits").format(limit=MAX_INT_BITS))


def check_size(value: Any, what: str | None = None) -> Any:
    """``value`` itself, unless it is text or a sequence longer than :data:`MAX_VALUE_CHARS`
    (``what``: how a message names it, in the current language; default "a value")."""
    if isinstance(value, (str, list, tuple)) and len(value) > MAX_VALUE_CHARS:
        raise _too_big(_("{what} of {count:,} characters or items").format(what=what or _("a value"),
                                                                           count=len(value)))
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > MAX_INT_BITS:
        raise _too_many_bits()
    return value


def _length(value: Any) -> int | None:
    return len(value) if isinstance(value, (str, list, tuple)) else None


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse an operation whose result would be over a limit, before computing it."""
    ints = all(isinstance(v, int) and not isinstance(v, bool) for v in (left, right))
    if operator == "*":
        for sequence, count in ((left, right), (right, left)):
            size = _length(sequence)
            if size is not None and isinstance(count, int) and size * count > MAX_VALUE_CHARS:
                raise _too_big(_("a repeated value of {count:,} characters or items").format(count=size * count))
        if ints and left.bit_length() + right.bit_length() > MAX_INT_BITS:
            raise _too_many_bits()
    elif operator == "+":
        sizes = (_length(left), _length(right))
        if None not in sizes and sum(sizes) > MAX_VALUE_CHARS:  # type: ignore[arg-type]
            raise _too_big(_("a joined value of {count:,} characters or items").format(
                count=sum(sizes)))  # type: ignore[arg-type]
    elif operator == "**":
        if ints and right > 0 and abs(left) > 1 and right * math.log2(abs(left)) > MAX_INT_BITS:
            raise LimitExceeded(_("the template computes a number of more than {limit:,} bits ({left} ** "
                                  "{right})").format(limit=MAX_INT_BITS, left=left, right=right))
    elif operator == "%" and isinstance(left, str) and _HUGE_FORMAT.search(left):
        raise _too_big(_("formatted text with a width over {limit:,} (operator %)").format(limit=MAX_VALUE_CHARS))


class _TimedRange:
    """``range`` for templates: at most MAX_RANGE items, checking the deadline as it goes."""

    def __init__(self, *args: int) -> None:
        self._range = range(*args)
        if len(self._range) > MAX_RANGE:
            raise LimitExceeded(_("range() of {count:,} items is too big; the sandbox allows at most {limit:,} "
                                  "(MAX_RANGE)").format(count=len(self._range), limit=MAX_RANGE))

    def __iter__(self) -> Iterator[int]:
        for count, item in enumerate(self._range):
            if count % 256 == 0:
                check_deadline()
            yield item

    def __len__(self) -> int:
        return len(self._range)

    def __getitem__(self, index: Any) -> Any:
        return self._range[index]

    def __contains__(self, item: Any) -> bool:
        return item in self._range

    def __reversed__(self) -> Iterator[int]:
        return reversed(self._range)

    def __repr__(self) -> str:
        return repr(self._range)


_TimedRange.__name__ = "range"  # as templates call it, for messages


class _GuardedCodeGenerator(CodeGenerator):
    """Compiles ``a ~ b`` so that the joined text goes through the size check."""

    def visit_Concat(self, node: nodes.Concat, frame: Frame) -> None:
        self.write("environment.checked_concat(")
        super().visit_Concat(node, frame)
        self.write(")")


def _check_arguments(args: tuple[Any, ...], kwargs: dict[str, Any], what: str, *, formatting: bool) -> None:
    """Refuse huge numbers passed to a filter or function, and huge widths in what a formatting
    call (``format``, ``format_map``, the ``format`` filter) uses as its format string."""
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_VALUE_CHARS:
            raise LimitExceeded(_("the template passes the number {number:,} to {what}; numbers given to "
                                  "filters and functions are limited to {limit:,}").format(
                number=value, what=what, limit=MAX_VALUE_CHARS))
        if formatting and isinstance(value, str) and _HUGE_FORMAT.search(value):
            raise _too_big(_("formatted text with a width over {limit:,} ({what})").format(limit=MAX_VALUE_CHARS,
                                                                                            what=what))


def _guard_filter(function: Callable[..., Any], name: str) -> Callable[..., Any]:
    @functools.wraps(function)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        check_deadline()
        _check_arguments(args, kwargs, _("the filter '{name}'").format(name=name), formatting=name == "format")
        return check_size(function(*args, **kwargs), _("a value (filter '{name}')").format(name=name))

    return guarded


GUARDED_BINOPS = frozenset({"*", "**", "%", "+", "//", "/"})


def install(environment: SandboxedEnvironment) -> SandboxedEnvironment:
    """Add drafter's limits on time and size to a sandboxed Jinja environment, and return it.

    Works on any sandbox class (Jinja's, or one that caches attribute verdicts). Call it once the
    environment's filters are registered: they are wrapped with the size checks. Templates
    compiled afterwards route ``~`` through :func:`checked_concat`.
    """
    if not getattr(environment, "sandboxed", False):
        raise TypeError("drafter's template limits need a sandboxed Jinja environment")
    if getattr(environment, "drafter_guarded", False):
        return environment
    base_binop, base_call = environment.call_binop, environment.call

    def call_binop(context: Any, operator: str, left: Any, right: Any) -> Any:
        check_deadline()
        _check_binop(operator, left, right)
        return check_size(base_binop(context, operator, left, right))

    def call(__context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        check_deadline()
        name = getattr(__obj, "__name__", None)
        what = (_("a function") if name is None else str(name)) + "()"
        owner = getattr(getattr(__obj, "__wrapped__", __obj), "__self__", None)
        if __obj is not _TimedRange:  # range() says itself how big it may be
            _check_arguments((*args, owner) if isinstance(owner, str) else args, kwargs, what,
                             formatting=what in ("format()", "format_map()"))
        return check_size(base_call(__context, __obj, *args, **kwargs))

    guarded: Any = environment
    guarded.intercepted_binops = environment.intercepted_binops | GUARDED_BINOPS
    guarded.code_generator_class = _GuardedCodeGenerator
    guarded.call_binop = call_binop
    guarded.call = call
    guarded.checked_concat = checked_concat
    guarded.globals["range"] = _TimedRange
    guarded.filters = {name: _guard_filter(f, name) for name, f in environment.filters.items()}
    guarded.drafter_guarded = True
    return environment


def checked_concat(value: Any) -> Any:
    """The result of ``a ~ b`` in a template, unless it is too long."""
    check_deadline()
    return check_size(value, _("joined text"))


def render_bounded(template: Any, context: dict[str, Any], seconds: float = TIME_LIMIT) -> str:
    """Render ``template`` within ``seconds`` and :data:`MAX_OUTPUT_CHARS` of output.

    Going over a limit, recursing without end or running out of memory raises
    :class:`~drafter.errors.TemplateError` naming the template file and line; every other
    error is left to the caller (:meth:`drafter.compose.templates.Templates.render`).
    """
    try:
        with time_limit(seconds):
            pieces: list[str] = []
            total = 0
            for piece in template.generate(context):
                total += len(piece)
                if total > MAX_OUTPUT_CHARS:
                    raise LimitExceeded(_("the template's output passed {limit:,} characters and was "
                                          "stopped").format(limit=MAX_OUTPUT_CHARS))
                pieces.append(piece)
            return "".join(pieces)
    except LimitExceeded as exc:
        message, trace = str(exc), exc.__traceback__
    except RecursionError as exc:
        message = _("the template calls itself without end (a macro or include that recurses too deeply)")
        trace = exc.__traceback__
    except MemoryError as exc:
        message, trace = _("the template ran out of memory (a value or loop too large)"), exc.__traceback__
    file, line = _template_frame(trace, template.filename or template.name or "<template>")
    raise TemplateError(file, line, message) from None


def _template_frame(tb: TracebackType | None, fallback: str) -> tuple[str, int | None]:
    """The innermost frame of template code in a traceback: Jinja rewrites such frames to carry the
    template's file and line, and marks their globals with ``__jinja_exception__``."""
    found: tuple[str, int | None] = (fallback, None)
    while tb is not None:
        if "__jinja_exception__" in tb.tb_frame.f_globals:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found
