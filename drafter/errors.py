"""drafter's one family of exceptions.

The library raises these; only the CLI turns them into ``Error: …`` messages and exit codes.
Every error carries its location (file, line, column, key path or template) in its message.
"""

from __future__ import annotations

from dataclasses import dataclass

from drafter.i18n import _, ngettext


class DrafterError(Exception):
    """Base of every error drafter reports to a user (exit code 1: bad input)."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an outline, at a place in its file."""

    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


class OutlineError(DrafterError):
    """An outline that cannot be read or does not fit its kind's schema (all problems at once)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.line, p.column))
        first = self.problems[0]
        if len(self.problems) == 1:
            message = str(first)
        else:
            lines = "\n".join(f"  {p}" for p in self.problems)
            count = len(self.problems)
            message = ngettext("{file}: {count} problem in the outline:", "{file}: {count} problems in the outline:",
                               count).format(file=first.file, count=count) + "\n" + lines
        super().__init__(message)


class StrictError(DrafterError):
    """Rendering with ``--strict`` found warnings: each is an error and nothing is written."""

    def __init__(self, warnings: list[Problem]) -> None:
        self.problems = warnings
        lines = "\n".join(f"  {p}" for p in warnings)
        count = len(warnings)
        intro = ngettext("{file}: {count} warning, and --strict makes warnings errors; nothing was written:",
                         "{file}: {count} warnings, and --strict makes warnings errors; nothing was written:",
                         count).format(file=warnings[0].file, count=count)
        super().__init__(f"{intro}\n{lines}")


class TemplateError(DrafterError):
    """A template that fails to compile or render: names the template file and line."""

    def __init__(self, template: str, line: int | None, message: str) -> None:
        self.template = template
        self.line = line
        where = f"{template}:{line}" if line else template
        super().__init__(f"{where}: {message}")


class ProfileError(DrafterError):
    """A style profile (built-in or a department's) that is malformed."""


class DepartmentError(DrafterError):
    """A department pack that is missing or malformed."""


class OutputError(DrafterError):
    """The output file cannot be written where asked."""


class ToolMissingError(DrafterError):
    """An external program (LibreOffice, …) that a command needs is not installed."""
