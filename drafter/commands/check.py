"""``drafter check``: schema problems and content faults, one per line, like a linter."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.i18n import N_, _, ngettext


@click.command()
@click.argument("outlines", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help=N_("Exit with status 1 on warnings too, not only on errors."))
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help=N_("text: path:line:col: CODE message; json: a list of objects for tools."))
@click.option("--ignore", "ignored", multiple=True, metavar="CODE",
              help=N_("Do not report CODE (or every code starting with it, e.g. W3). Repeatable."))
def check(outlines: tuple[Path, ...], strict: bool, output_format: str, ignored: tuple[str, ...]) -> None:
    """Check OUTLINE files (or folders of them) for schema problems and content faults.

    One finding per line, as path:line:col: CODE message, errors first, then warnings.
    [*] marks faults that `drafter fix` repairs. Codes: E0xx the file or its schema,
    E1xx content errors (placeholders, numbers typed into headings), W2xx punctuation,
    W3xx structure. Exit status: 0 clean, 1 any error (or warning with --strict).

    \b
    Example:
      drafter check outlines/speech.yaml
      drafter check --strict --format json outlines/
    """
    import json

    from drafter.authoring.check import ERROR, RULES, WARNING, check_file, sort_findings

    for code in ignored:
        if not any(rule.startswith(code.upper()) for rule in RULES):
            raise click.BadParameter(_("no check code starts with {code!r}; codes: {codes}").format(
                code=code, codes=", ".join(RULES)), param_hint="--ignore")
    findings = []
    files = _outline_files(outlines)
    for path in files:
        findings.extend(f for f in check_file(path).findings
                        if not any(f.code.startswith(code.upper()) for code in ignored))
    findings = sort_findings(findings)
    errors = sum(f.severity == ERROR for f in findings)
    warnings = sum(f.severity == WARNING for f in findings)
    if output_format == "json":
        click.echo(json.dumps([f.as_json() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            click.echo(str(finding))
        click.echo(_summary(len(files), errors, warnings, sum(f.fixable for f in findings)), err=True)
    if errors or (strict and warnings):
        raise SystemExit(1)


def _outline_files(arguments: tuple[Path, ...]) -> list[Path]:
    """The files named, with folders expanded to the .yaml/.yml files inside them."""
    files: list[Path] = []
    for argument in arguments:
        if argument.is_dir():
            found = sorted(p for p in argument.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            if not found:
                raise click.UsageError(_("{folder} is a folder without .yaml or .yml files").format(folder=argument))
            files.extend(found)
        else:
            files.append(argument)
    return files


def _summary(files: int, errors: int, warnings: int, fixable: int) -> str:
    checked = ngettext("{count} outline", "{count} outlines", files).format(count=files)
    if not errors and not warnings:
        return _("All clean: {outlines} checked.").format(outlines=checked)
    tip = _("; {count} fixable with `drafter fix`").format(count=fixable) if fixable else ""
    return _("Found {errors} and {warnings} in {outlines}{tip}.").format(
        errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        outlines=checked, tip=tip)
