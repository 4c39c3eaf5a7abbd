"""``drafter department``: scaffold, inspect and learn department packs."""

from __future__ import annotations

from pathlib import Path

import click

from drafter.i18n import N_, _


@click.group()
def department() -> None:
    """Department packs: a department's wording, templates and look, in a folder.

    \b
    Example:
      drafter department init departments/my-bureau
      drafter render outlines/speech.yaml --department departments/my-bureau
    """


@department.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help=N_("Overwrite an existing department.yaml and template."))
def init(folder: Path, force: bool) -> None:
    """Create a commented department pack in FOLDER that renders as it is.

    \b
    Example:
      drafter department init departments/my-bureau
    """
    from drafter.departments.scaffold import write_scaffold
    from drafter.errors import DepartmentError

    try:
        written = write_scaffold(folder, force=force)
    except FileExistsError as exc:
        raise DepartmentError(_("{path} exists; use --force to overwrite it").format(path=exc.filename)) from None
    except OSError as exc:
        raise DepartmentError(_("cannot write the pack in {folder}: {reason} ({path})").format(
            folder=folder, reason=exc.strerror, path=exc.filename)) from None
    for path in written:
        click.echo(_("Wrote {path}").format(path=path), err=True)
    click.echo(_("Render with it: drafter render OUTLINE --department {folder}").format(folder=folder), err=True)


@department.command()
@click.argument("folder", type=click.Path(path_type=Path))
def show(folder: Path) -> None:
    """Print a pack's effective settings as YAML: search path, dept variables, defaults,
    where each template comes from and the merged style profile(s).

    \b
    Example:
      drafter department show departments/planning-bureau
    """
    from drafter.departments.pack import load_department
    from drafter.departments.show import describe

    click.echo(describe(load_department(folder)), nl=False)


@department.command()
@click.argument("sample", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", "folder", type=click.Path(file_okay=False, path_type=Path), required=True,
              help=N_("Pack folder to write department.yaml into (created if missing)."))
@click.option("--name", help=N_("The pack's name (default: the sample's file name)."))
@click.option("--force", is_flag=True, help=N_("Overwrite an existing department.yaml."))
def learn(sample: Path, folder: Path, name: str | None, force: bool) -> None:
    """Write a pack whose style reproduces SAMPLE.docx: page size and margins, and per
    element (title, headings by level, body, …) fonts incl. the East Asian font, sizes,
    bold, alignment, indents and spacing.

    \b
    Example:
      drafter department learn old-speech.docx -o departments/my-bureau
    """
    from drafter.departments.learn import pack_yaml, read_docx, to_spec
    from drafter.departments.pack import PACK_FILE, load_department
    from drafter.errors import DepartmentError

    target = folder / PACK_FILE
    if target.exists() and not force:
        raise DepartmentError(_("{path} exists; use --force to overwrite it").format(path=target))
    learned = read_docx(sample)
    text = pack_yaml(to_spec(learned), sample, name or sample.stem)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DepartmentError(_("cannot create {folder}: {reason}").format(folder=folder, reason=exc.strerror)) from None
    from drafter.output import write_atomic

    write_atomic(target, text.encode("utf-8"))
    load_department(folder)  # what was written must read back
    found = ", ".join(learned.looks)
    click.echo(_("Wrote {path} (elements: {elements})").format(path=target, elements=found), err=True)
