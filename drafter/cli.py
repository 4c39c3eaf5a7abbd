"""The command line: the one place that turns :class:`DrafterError` into messages and exit codes.

Exit codes: 0 success, 1 bad input (outline, template, profile, output), 2 bad usage.
Commands live in ``drafter.commands.<name>`` and are imported only when used, so that
``drafter --help`` starts fast.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from typing import Any

import click

from drafter.version import __version__

COMMANDS: dict[str, str] = {
    "render": "drafter.commands.render:render",
    "kinds": "drafter.commands.kinds:kinds",
    "new": "drafter.commands.new:new",
    "check": "drafter.commands.check:check",
    "fix": "drafter.commands.fix:fix",
    "stats": "drafter.commands.stats:stats",
    "schema": "drafter.commands.schema:schema",
    "department": "drafter.commands.department:department",
    "doctor": "drafter.commands.doctor:doctor",
    "extract": "drafter.commands.extract:extract",
    "batch": "drafter.commands.batch:batch",
    "mcp": "drafter.commands.mcp:mcp",
}
"""Command name → "module:attribute" of its click command."""


_CONTROL = {c: f"\\x{c:02x}" for c in [*range(0x00, 0x0A), *range(0x0B, 0x20), *range(0x7F, 0xA0)]}
_CONTROL.update({c: f"\\u{c:04x}" for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]})  # bidi
MAX_LINE = 1000


def printable(message: str) -> str:
    """A message safe for a terminal: control characters from an outline (ESC sequences that could
    retitle or rewrite the terminal) shown as \\xNN, and each line cut to MAX_LINE characters."""
    lines = message.translate(_CONTROL).split("\n")
    return "\n".join(line if len(line) <= MAX_LINE else line[:MAX_LINE] + "…" for line in lines)


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        return getattr(importlib.import_module(module), attribute)

    def invoke(self, ctx: click.Context) -> Any:
        from drafter.errors import DrafterError

        try:
            return super().invoke(ctx)
        except DrafterError as exc:
            click.echo(f"Error: {printable(str(exc))}", err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("Interrupted; no output was changed.", err=True)
            ctx.exit(130)
        except Exception as exc:  # a bug in drafter: say so plainly, no traceback
            if os.environ.get("DRAFTER_DEBUG"):
                raise
            click.echo(f"Error: internal error in drafter {__version__}: {type(exc).__name__}: {printable(str(exc))}. "
                       "Please report it with the outline; DRAFTER_DEBUG=1 shows the traceback.", err=True)
            ctx.exit(3)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="drafter")
def cli() -> None:
    """Turn a YAML outline into a formatted DOCX (GB/T 9704-2012 by default).

    \b
    Example:
      drafter render outlines/speech.yaml -o speech.docx
    """


def main() -> None:
    """Console-script entry point.

    A drafter process is short: start-up creates ~100,000 long-lived objects (modules, classes,
    compiled templates) and little garbage, so the cyclic garbage collector stays off while it
    runs, and the objects are frozen before exit so the interpreter's final collection skips
    them (together ~20 ms of a ~140 ms render). Commands that handle many documents in one
    process (``batch``) turn collection back on.
    """
    gc.disable()
    try:
        cli.main(prog_name="drafter")
    finally:
        gc.freeze()
    sys.exit(0)
