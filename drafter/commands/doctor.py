"""``drafter doctor``: what previews need (LibreOffice, poppler, stand-in fonts) and what is missing."""

from __future__ import annotations

import click

from drafter.i18n import _


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
        click.echo(f"{indent}{ok_word if ok else missing_word} {text}")

    # TRANSLATORS: the two marks of doctor's lines, padded to the same width.
    ok_word, missing_word = _("ok     "), _("MISSING")
    click.echo(_("Office suite (lays out --pdf, --png and --update-fields)"))
    binary = find_soffice()
    if binary:
        version = soffice_version(binary)
        line(bool(version), f"{version or _('soffice does not answer --version')}  ({binary})")
        problems += not version
    else:
        line(False, missing_soffice_message())
        install.append(SOFFICE_PACKAGE)
        problems += 1

    click.echo(_("Page images"))
    pdftoppm = shutil.which("pdftoppm")
    line(bool(pdftoppm), f"pdftoppm ({pdftoppm})" if pdftoppm else
         _("pdftoppm: install {package}").format(package=POPPLER_PACKAGE))
    if not pdftoppm:
        install.append(POPPLER_PACKAGE)
        problems += 1

    click.echo(_("Studio page view (drafter studio; optional)"))
    from drafter.office.warm import uno_python, warm_office_missing

    missing_uno = warm_office_missing() if binary else None
    line(missing_uno is None, _("LibreOffice's UNO module in {python}").format(python=uno_python())
         if missing_uno is None else missing_uno)

    click.echo(_("Fonts for previews (fontconfig file: {path})").format(path=fontconfig_file()))
    if not shutil.which("fc-match"):
        line(False, _("fc-match (fontconfig) is not installed: install fontconfig"))
        install.append("fontconfig")
        problems += 1
    else:
        for role in ROLES:
            click.echo("  " + _("{role}:").format(role=_(role.role)))
            best = role.stand_ins[0]
            for name in role.names:
                found = resolve(name, role)
                shown = f"{found.family} {found.style}".strip() or _("nothing")
                if found.stand_in is None:
                    choices = _(" or ").join(s.package for s in role.stand_ins)
                    line(False, f"{name} → {shown}: " + _("no stand-in installed; install {packages}").format(
                        packages=choices), "    ")
                    install.append(role.stand_ins[1 if len(role.stand_ins) > 1 else 0].package)
                    problems += 1
                else:
                    line(True, f"{name} → {shown}  ({found.stand_in.package})", "    ")
            found_any = resolve(role.names[0], role).stand_in
            if found_any is not None and found_any.note:
                click.echo("    " + _("note: {family}: {note}").format(family=found_any.family, note=_(found_any.note)))
            if found_any is not None and found_any is not best:
                note = _("; {note}").format(note=_(best.note)) if best.note else ""
                click.echo("    " + _("closer face: {family} ({package}{note})").format(
                    family=best.family, package=best.package, note=note))
    if install:
        packages = " ".join(dict.fromkeys(install))
        click.echo("\n" + _("To install what is missing (Debian/Ubuntu): {command}").format(
            command=f"apt-get install {packages}"))
    else:
        click.echo("\n" + _("Everything previews need is installed."))
    if problems:
        raise click.exceptions.Exit(1)
