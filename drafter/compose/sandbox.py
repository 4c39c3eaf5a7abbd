"""Jinja's immutable sandbox, with its per-attribute safety verdicts remembered.

Every ``{{ s.heading }}`` in a template asks the sandbox whether the attribute is safe; the
answer (private name? internal attribute of a function, frame, generator…? a method that
mutates a list, dict, set or deque?) depends only on the object's type and the attribute's
name, so it is computed once per (type, name) instead of on every access — about a fifth of
the time of rendering a template. The rules themselves are Jinja's, unchanged.
"""

from __future__ import annotations

from typing import Any

from jinja2.sandbox import ImmutableSandboxedEnvironment


class Sandbox(ImmutableSandboxedEnvironment):
    """:class:`ImmutableSandboxedEnvironment` that caches :meth:`is_safe_attribute` by type and name."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._verdicts: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's verdict for ``obj.attr``, remembered for the object's type."""
        cls = type(obj)
        if obj.__class__ is not cls:  # an object posing as another class: ask every time
            return super().is_safe_attribute(obj, attr, value)
        key = (cls, attr)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = super().is_safe_attribute(obj, attr, value)
        return verdict
