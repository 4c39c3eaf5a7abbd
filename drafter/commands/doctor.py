"""``drafter doctor``: what previews need (LibreOffice, poppler, stand-in fonts) and what is missing."""

from __future__ import annotations

import click


@click.command()
def doctor() -> None:
    """Check what --pdf/--png previews need on this machine and say what to install.

    Reports the office suite (soffice and its version), pdftoppm for PNG pages, and, for each
    official font name, the face it is drawn with under drafter's fontconfig file. Exits with
    1 when something is missing, so scripts can use it as a check.

    \b
    Example:
      drafter doctor
    """
    import shutil

    from drafter.office.fonts import ROLES, fontconfig_file, resolve
    from drafter.office.libreoffice import (
        SOFFICE_PACKAGE,
        find_soffice,
        missing_soffice_message,
        soffice_version,
    )
    from drafter.office.preview import POPPLER_PACKAGE

    install: list[str] = []
    problems = 0

    def line(ok: bool, text: str, indent: str = "  ") -> None:
        click.echo(f"{indent}{'ok     ' if ok else 'MISSING'} {text}")

    click.echo("Office suite (lays out --pdf, --png and --update-fields)")
    binary = find_soffice()
    if binary:
        version = soffice_version(binary)
        line(bool(version), f"{version or 'soffice does not answer --version'}  ({binary})")
        problems += not version
    else:
        line(False, missing_soffice_message())
        install.append(SOFFICE_PACKAGE)
        problems += 1

    click.echo("Page images")
    pdftoppm = shutil.which("pdftoppm")
    line(bool(pdftoppm), f"pdftoppm ({pdftoppm})" if pdftoppm else f"pdftoppm: install {POPPLER_PACKAGE}")
    if not pdftoppm:
        install.append(POPPLER_PACKAGE)
        problems += 1

    click.echo("Studio page view (drafter studio; optional)")
    from drafter.office.warm import uno_python, warm_office_missing

    missing_uno = warm_office_missing() if binary else None
    line(missing_uno is None, f"LibreOffice's UNO module in {uno_python()}" if missing_uno is None else missing_uno)

    click.echo(f"Fonts for previews (fontconfig file: {fontconfig_file()})")
    if not shutil.which("fc-match"):
        line(False, "fc-match (fontconfig) is not installed: install fontconfig")
        install.append("fontconfig")
        problems += 1
    else:
        for role in ROLES:
            click.echo(f"  {role.role}:")
            best = role.stand_ins[0]
            for name in role.names:
                found = resolve(name, role)
                shown = f"{found.family} {found.style}".strip() or "nothing"
                if found.stand_in is None:
                    choices = " or ".join(s.package for s in role.stand_ins)
                    line(False, f"{name} → {shown}: no stand-in installed; install {choices}", "    ")
                    install.append(role.stand_ins[1 if len(role.stand_ins) > 1 else 0].package)
                    problems += 1
                else:
                    line(True, f"{name} → {shown}  ({found.stand_in.package})", "    ")
            found_any = resolve(role.names[0], role).stand_in
            if found_any is not None and found_any.note:
                click.echo(f"    note: {found_any.family}: {found_any.note}")
            if found_any is not None and found_any is not best:
                click.echo(f"    closer face: {best.family} ({best.package}{'; ' + best.note if best.note else ''})")
    if install:
        packages = " ".join(dict.fromkeys(install))
        click.echo(f"\nTo install what is missing (Debian/Ubuntu): apt-get install {packages}")
    else:
        click.echo("\nEverything previews need is installed.")
    if problems:
        raise click.exceptions.Exit(1)
