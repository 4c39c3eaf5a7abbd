"""The command line: the one place that turns :class:`DrafterError` into messages and exit codes.

Exit codes: 0 success, 1 bad input (outline, template, profile, output), 2 bad usage.
Commands live in ``drafter.commands.<name>`` and are imported only when used, so that
``drafter --help`` starts fast.

Language: ``--lang zh|en`` (anywhere before ``--``), else ``DRAFTER_LANG``, else the locale
(drafter.i18n). It is chosen while the group reads its arguments, before any command is looked
up, and help texts are translated when a command is looked up (:func:`localise`), so they follow
the language even in a process that switches it (tests, the studio).
"""

from __future__ import annotations

import gc
import gettext
import importlib
import inspect
import os
import sys
from typing import Any

import click

from drafter import i18n
from drafter.i18n import N_, _
from drafter.terminal import tolerant_streams, wrap_paragraphs
from drafter.terminal import width as display_width
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
    "studio": "drafter.commands.studio:studio",
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


def install_click_translations() -> None:
    """Have click say its own strings (Usage:, Options:, Error:, Missing argument…) in drafter's language.

    click marks them with the standard library's gettext: each of its modules does
    ``from gettext import gettext as _`` (and ``ngettext``), which looks messages up in the
    process-wide text domain in the language of the LANGUAGE/LC_ALL/LANG variables. drafter
    chooses its language itself (--lang, DRAFTER_LANG, the locale), so neither route fits:
    setting those variables would leak into every child (LibreOffice), and taking over the
    process-wide domain would capture other libraries' messages. Instead each loaded click
    module's ``_``/``ngettext`` — only when it is still the stdlib function — is pointed at
    :func:`drafter.i18n.click_gettext`, which looks click's message up in drafter's own
    ``click`` catalog (locale/<lang>/LC_MESSAGES/click.po, extracted from click's source by
    tools/catalog.py) in the language drafter speaks at that moment. A click release that
    renames them just stays English, and tests/test_i18n.py fails. click's lazily imported
    modules (the progress bar's "d" for days, the editor, shell completion) stay English.
    """
    for name, module in list(sys.modules.items()):
        if name != "click" and not name.startswith("click."):
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = i18n.click_gettext  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = i18n.click_ngettext  # type: ignore[attr-defined]


install_click_translations()

_ENGLISH = "_drafter_english"
"""Attribute keeping a command's English help texts, so it can be translated again."""


def _first_sentence(text: str) -> str:
    """The first sentence of a translated help's first paragraph (click's own short help looks
    for a "." after a space, which Chinese never has)."""
    paragraph = text.strip().split("\n\n")[0].replace("\b", "").strip()
    for end in ("。", "．", ". "):
        if end in paragraph:
            return paragraph.split(end)[0].strip() + end.strip()
    return paragraph


def localise(command: click.Command, ctx: click.Context | None = None) -> click.Command:
    """Give ``command`` (and its subcommands) the help texts of the current language: its help
    (a docstring, looked up as ``inspect.cleandoc`` leaves it, which is how tools/catalog.py
    extracts it), the short help in the command list, and each option's help (marked ``N_``).
    The English texts stay on the command, so a later language change translates them afresh."""
    english = getattr(command, _ENGLISH, None)
    if english is None:
        english = (command.help, command.short_help, [getattr(p, "help", None) for p in command.params])
        setattr(command, _ENGLISH, english)
    help_text, short_help, param_helps = english
    translated = _(inspect.cleandoc(help_text)) if help_text else help_text
    if help_text and translated != inspect.cleandoc(help_text):
        command.help = translated
        command.short_help = short_help and _(short_help) or _first_sentence(translated)
    else:
        command.help, command.short_help = help_text, short_help
    for param, text in zip(command.params, param_helps):
        if text:
            param.help = _(text)  # type: ignore[attr-defined]
    if ctx is not None:
        help_option = command.get_help_option(ctx)
        if help_option is not None:
            help_option.help = i18n.click_gettext("Show this message and exit.")
    command.context_class = Context  # type: ignore[misc]  # its help, wrapped by display width
    if isinstance(command, click.Group):
        for sub in command.commands.values():
            localise(sub, ctx)
    return command


class HelpFormatter(click.HelpFormatter):
    """click's help formatter, wrapping by display columns when drafter speaks Chinese (click
    counts characters and breaks only at spaces: drafter.terminal). English help is click's own."""

    def write_text(self, text: str) -> None:
        if i18n.current_language() == "en":
            return super().write_text(text)
        indent = " " * self.current_indent
        self.write(wrap_paragraphs(text, self.width, indent, indent) + "\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None and i18n.current_language() != "en":
            prefix = i18n.click_gettext("Usage:")  # "用法：", without click's space after a full-width colon
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if i18n.current_language() == "en":
            return super().write_heading(heading)
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        if i18n.current_language() == "en":
            return super().write_dl(rows, col_max, col_spacing)
        rows = list(rows)
        first_col = min(max(display_width(first) for first, _second in rows), col_max) + col_spacing
        text_width = max(self.width - first_col - 2, 10)
        for first, second in rows:
            self.write(f"{'':>{self.current_indent}}{first}")
            if not second:
                self.write("\n")
                continue
            if display_width(first) <= first_col - col_spacing:
                self.write(" " * (first_col - display_width(first)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            lines = wrap_paragraphs(second, text_width).splitlines() or [""]
            self.write(lines[0] + "\n")
            for line in lines[1:]:
                self.write(f"{'':>{first_col + self.current_indent}}{line}\n" if line else "\n")


class Context(click.Context):
    formatter_class = HelpFormatter


LANGUAGE_CHOICE = click.Choice(["zh", "en"])


def take_language_option(args: list[str]) -> tuple[str | None, list[str]]:
    """``--lang X`` / ``--lang=X`` taken out of ``args`` wherever it stands before ``--`` (so it is a
    global option: ``drafter render --lang zh a.yaml`` works too); the value and the other args."""
    chosen: str | None = None
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest.extend(args[index:])
            break
        if arg == "--lang" and index + 1 < len(args):
            chosen, index = args[index + 1], index + 2
            continue
        if arg.startswith("--lang="):
            chosen, index = arg.split("=", 1)[1], index + 1
            continue
        rest.append(arg)
        index += 1
    return chosen, rest


class LazyGroup(click.Group):
    """A group whose subcommands are imported on first use, in the language chosen first."""

    context_class = Context

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        chosen, args = take_language_option(args)
        if chosen is not None:
            language = LANGUAGE_CHOICE.convert(chosen, self._lang_option(), ctx)
            i18n.set_language(language)
            os.environ["DRAFTER_LANG"] = language  # drafter processes this one starts speak it too
        localise(self, ctx)
        return super().parse_args(ctx, args)

    def _lang_option(self) -> click.Parameter | None:
        return next((p for p in self.params if p.name == "lang"), None)

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module, attribute = target.split(":")
        return localise(getattr(importlib.import_module(module), attribute), ctx)

    def invoke(self, ctx: click.Context) -> Any:
        from drafter.errors import DrafterError

        try:
            return super().invoke(ctx)
        except DrafterError as exc:
            click.echo(_("Error: {message}").format(message=printable(str(exc))), err=True)
            ctx.exit(exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            click.echo(_("Interrupted; no output was changed."), err=True)
            ctx.exit(130)
        except BrokenPipeError:  # `drafter kinds | head`: the reader has what it wanted
            _quiet_stdout()
            ctx.exit(141)
        except Exception as exc:  # a bug in drafter: say so plainly, no traceback
            if os.environ.get("DRAFTER_DEBUG"):
                raise
            click.echo(_("Error: internal error in drafter {version}: {error}: {message}. Please report it "
                         "with the outline; DRAFTER_DEBUG=1 shows the traceback.").format(
                version=__version__, error=type(exc).__name__, message=printable(str(exc))), err=True)
            ctx.exit(3)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that Python's flush at exit does not fail on the closed pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _show_version(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        click.echo(_("drafter, version {version}").format(version=__version__))
        ctx.exit()


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--version", is_flag=True, expose_value=False, is_eager=True, callback=_show_version,
              help=N_("Show the version and exit."))
@click.option("--lang", type=LANGUAGE_CHOICE, expose_value=False, metavar="zh|en",
              help=N_("The language drafter speaks (default: DRAFTER_LANG, else the locale). "
                      "May stand anywhere on the command line."))
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
    tolerant_streams()
    try:
        cli.main(prog_name="drafter")
    finally:
        gc.freeze()
    sys.exit(0)
