"""drafter's message catalogs, for developers (needs Babel: ``pip install babel``).

    python3 tools/catalog.py update     # extract every _()/N_()/ngettext() message from drafter/
                                        # (and the docstrings of click commands: their --help),
                                        # add new ones to each .po, drop the ones no longer used
    python3 tools/catalog.py compile    # .po → .mo (the compiled catalogs ship in the wheel)
    python3 tools/catalog.py check      # list messages without a translation; exit 1 if any
    python3 tools/catalog.py merge OURS THEIRS OUT
                                        # a .po with the translations of both (a merge of branches)

Two domains: ``drafter`` (drafter's own messages) and ``click`` (click's own strings: Usage:,
Options:, Error:, "Missing argument"…, extracted from the installed click, which drafter shows
through its own catalog: see ``install_click_translations`` in ``drafter/cli.py``).

The .po files are sorted by message and carry file names without line numbers, so that two
branches adding messages rarely touch the same lines. A translation that would be "fuzzy"
(guessed from a similar message) is never made: a changed English message needs a new translation.
"""

from __future__ import annotations

import ast
import inspect
import io
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages import mofile, pofile
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir, extract_python

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "drafter"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "drafter"
CLICK_DOMAIN = "click"
DOMAINS = (DOMAIN, CLICK_DOMAIN)
LANGUAGES = ("zh_CN",)
FIXED_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)  # no churn from dates in the headers


def extract_drafter(fileobj, keywords, comment_tags, options):
    """Babel's Python extraction, plus the docstring of every click command and group (a function
    decorated with ``@….command(…)`` or ``@….group(…)``): click shows it as the command's --help,
    and drafter's CLI looks it up cleaned (``inspect.cleandoc``), so that is its message id."""
    source = fileobj.read()
    yield from extract_python(io.BytesIO(source), keywords, comment_tags, options)
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.FunctionDef) and any(_is_click_command(d) for d in node.decorator_list):
            docstring = ast.get_docstring(node, clean=False)
            if docstring:
                yield node.body[0].lineno, "", inspect.cleandoc(docstring), []


def _is_click_command(decorator: ast.expr) -> bool:
    call = decorator.func if isinstance(decorator, ast.Call) else decorator
    return isinstance(call, ast.Attribute) and call.attr in ("command", "group")


def _click_dir() -> Path:
    import click

    return Path(click.__file__).resolve().parent


CLICK_UNMARKED = ("required",)
"""click messages it translates through a variable (``_(extra["required"])``), so no extractor sees them."""

SOURCES = {
    DOMAIN: (lambda: PACKAGE, [("**.py", extract_drafter)], "drafter"),
    CLICK_DOMAIN: (_click_dir, [("**.py", "python")], "click"),
}
"""Domain → (its source folder, Babel's method map, the prefix of its file names in the .po)."""


def po_path(language: str, domain: str = DOMAIN) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def mo_path(language: str, domain: str = DOMAIN) -> Path:
    return po_path(language, domain).with_suffix(".mo")


def template(domain: str = DOMAIN) -> Catalog:
    """Every message marked in the domain's source, as a catalog without translations."""
    folder, methods, prefix = SOURCES[domain]
    catalog = Catalog(project="drafter", domain=domain, creation_date=FIXED_DATE,
                      revision_date=FIXED_DATE, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(folder()), methods, comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
        catalog.add(message, None, [(f"{prefix}/{filename}", lineno)], auto_comments=comments,
                    context=context)
    if domain == CLICK_DOMAIN:
        for message in CLICK_UNMARKED:
            catalog.add(message, None, [("click/core.py", 0)])
    return catalog


def read(path: Path, language: str, domain: str = DOMAIN) -> Catalog:
    if not path.exists():
        return Catalog(locale=language, domain=domain, project="drafter", creation_date=FIXED_DATE,
                       revision_date=FIXED_DATE, charset="utf-8", copyright_holder="drafter's authors",
                       header_comment=f"# drafter's messages in {language}.\n# Written by hand; see tools/catalog.py.")
    with path.open("rb") as handle:
        return pofile.read_po(handle, locale=language, domain=domain)


def write(catalog: Catalog, path: Path) -> None:
    catalog.creation_date = FIXED_DATE
    catalog.revision_date = FIXED_DATE
    catalog.fuzzy = False
    buffer = io.BytesIO()
    pofile.write_po(buffer, catalog, width=100, sort_output=True, ignore_obsolete=True,
                    include_lineno=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def update() -> None:
    """Bring every .po up to date with the source's messages."""
    for domain in DOMAINS:
        pot = template(domain)
        for language in LANGUAGES:
            catalog = read(po_path(language, domain), language, domain)
            catalog.update(pot, no_fuzzy_matching=True, update_creation_date=False)
            write(catalog, po_path(language, domain))
            print(f"{po_path(language, domain).relative_to(ROOT)}: {len(catalog)} messages, "
                  f"{len(untranslated(catalog))} without a translation")


def compiled(catalog: Catalog) -> bytes:
    """The .mo of a catalog (what ``compile`` writes; tests compare it with the committed file)."""
    buffer = io.BytesIO()
    mofile.write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def compile_all() -> None:
    """Write each .mo from its .po."""
    for domain in DOMAINS:
        for language in LANGUAGES:
            catalog = read(po_path(language, domain), language, domain)
            mo_path(language, domain).write_bytes(compiled(catalog))
            print(f"{mo_path(language, domain).relative_to(ROOT)}: written")


def lacks_translation(message: Message) -> bool:
    """Whether ``message`` has no complete, non-fuzzy translation (every plural form filled)."""
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return message.fuzzy or not all(strings)


def untranslated(catalog: Catalog) -> list[str]:
    """The ids of messages without a (complete, non-fuzzy) translation."""
    return [message.id if isinstance(message.id, str) else message.id[0]
            for message in catalog if message.id and lacks_translation(message)]


def missing_translations() -> list[str]:
    """``language/domain: message`` for each message of the source that a catalog lacks."""
    missing = []
    for domain in DOMAINS:
        pot = template(domain)
        for language in LANGUAGES:
            catalog = read(po_path(language, domain), language, domain)
            catalog.update(pot, no_fuzzy_matching=True, update_creation_date=False)
            missing.extend(f"{language}/{domain}: {message_id!r}" for message_id in untranslated(catalog))
    return missing


def check() -> int:
    """Print the messages of the source that a catalog lacks; 1 when there are any."""
    missing = missing_translations()
    for line in missing:
        print(f"no translation: {line}")
    return int(bool(missing))


def merge(ours: Path, theirs: Path, out: Path, language: str = "zh_CN") -> None:
    """Write ``out``: every message of the source, translated as ``ours`` has it, else ``theirs``
    (the domain is the file's name: drafter.po or click.po)."""
    domain = CLICK_DOMAIN if out.stem == CLICK_DOMAIN else DOMAIN
    catalogs = [read(ours, language, domain), read(theirs, language, domain)]
    result = read(ours, language, domain)
    result.update(template(domain), no_fuzzy_matching=True, update_creation_date=False)
    for message in result:
        if not message.id or not lacks_translation(message):
            continue
        for other in catalogs:
            found = other.get(message.id, message.context)
            if found is not None and not lacks_translation(found):
                message.string = found.string
                break
    write(result, out)


def main(argv: list[str]) -> int:
    if argv[:1] == ["update"]:
        update()
    elif argv[:1] == ["compile"]:
        compile_all()
    elif argv[:1] == ["check"]:
        return check()
    elif argv[:1] == ["merge"] and len(argv) == 4:
        merge(Path(argv[1]), Path(argv[2]), Path(argv[3]))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
