"""``drafter fix``: apply the safe fixes that ``check`` marks [*], keeping the file's layout."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.i18n import N_, _, ngettext


@click.command()
@click.argument("outlines", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--diff", "show_diff", is_flag=True, help=N_("Show the changes as a unified diff; write nothing."))
def fix(outlines: tuple[Path, ...], show_diff: bool) -> None:
    """Fix punctuation, quotes, dashes, ellipses and hand-typed heading numbers in OUTLINE.

    Only the offending characters are replaced, so comments, key order, quoting and layout are
    kept exactly; the file is rewritten atomically. Faults that need a person (placeholders,
    empty sections, …) are left for `drafter check` to report.

    \b
    Example:
      drafter fix --diff outlines/speech.yaml
      drafter fix outlines/speech.yaml
    """
    import difflib

    from drafter.authoring.fix import fix_text
    from drafter.errors import DrafterError
    from drafter.markdown import is_markdown
    from drafter.outline import yamlfile
    from drafter.outline.formats import parse_document
    from drafter.output import write_atomic

    for path in outlines:
        if is_markdown(path):
            raise DrafterError(_("{path}: fix edits YAML and JSON outlines in place; for a Markdown draft, "
                                 "`drafter check {path}` lists what to change, line by line").format(path=path))
        text = yamlfile.read_text(path)
        parse_document(text, str(path))  # an unreadable file is an error, not "nothing to fix"
        result = fix_text(text, str(path))
        left = sum(1 for f in result.remaining)
        if show_diff:
            diff = difflib.unified_diff(text.splitlines(keepends=True), result.text.splitlines(keepends=True),
                                        str(path), str(path))
            click.echo("".join(diff), nl=False)
        elif result.text != text:
            bom = path.read_bytes().startswith(b"\xef\xbb\xbf")
            write_atomic(path, (b"\xef\xbb\xbf" if bom else b"") + result.text.encode("utf-8"))
        remaining = ngettext("; {count} finding left for `drafter check`", "; {count} findings left for `drafter check`",
                             left).format(count=left) if left else ""
        count = len(result.fixed)
        if show_diff:
            said = ngettext("Would fix {count} fault in {path}{remaining}.",
                            "Would fix {count} faults in {path}{remaining}.", count)
        else:
            said = ngettext("Fixed {count} fault in {path}{remaining}.", "Fixed {count} faults in {path}{remaining}.",
                            count)
        click.echo(said.format(count=count, path=path, remaining=remaining), err=True)
