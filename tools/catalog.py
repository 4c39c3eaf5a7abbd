"""drafter's message catalogs, for developers (needs Babel: ``pip install babel``).

    python3 tools/catalog.py update     # extract every _()/N_()/ngettext() message from drafter/,
                                        # add new ones to each .po, drop the ones no longer used
    python3 tools/catalog.py compile    # .po → .mo (the compiled catalogs ship in the wheel)
    python3 tools/catalog.py check      # list messages without a translation; exit 1 if any
    python3 tools/catalog.py merge OURS THEIRS OUT
                                        # a .po with the translations of both (a merge of branches)

The .po files are sorted by message and carry file names without line numbers, so that two
branches adding messages rarely touch the same lines. A translation that would be "fuzzy"
(guessed from a similar message) is never made: a changed English message needs a new translation.
"""

from __future__ import annotations

import io
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages import mofile, pofile
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "drafter"
LOCALE_DIR = PACKAGE / "locale"
DOMAIN = "drafter"
LANGUAGES = ("zh_CN",)
FIXED_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)  # no churn from dates in the headers
METHODS = [("**.py", "python")]


def po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def template() -> Catalog:
    """Every message marked in drafter's source, as a catalog without translations."""
    catalog = Catalog(project="drafter", domain=DOMAIN, creation_date=FIXED_DATE,
                      revision_date=FIXED_DATE, charset="utf-8")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(PACKAGE), METHODS, comment_tags=("TRANSLATORS:",), strip_comment_tags=True):
        catalog.add(message, None, [(f"drafter/{filename}", lineno)], auto_comments=comments,
                    context=context)
    return catalog


def read(path: Path, language: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=language, domain=DOMAIN, project="drafter", creation_date=FIXED_DATE,
                       revision_date=FIXED_DATE, charset="utf-8", copyright_holder="drafter's authors",
                       header_comment=f"# drafter's messages in {language}.\n# Written by hand; see tools/catalog.py.")
    with path.open("rb") as handle:
        return pofile.read_po(handle, locale=language, domain=DOMAIN)


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
    pot = template()
    for language in LANGUAGES:
        catalog = read(po_path(language), language)
        catalog.update(pot, no_fuzzy_matching=True, update_creation_date=False)
        write(catalog, po_path(language))
        print(f"{po_path(language).relative_to(ROOT)}: {len(catalog)} messages, "
              f"{len(untranslated(catalog))} without a translation")


def compile_all() -> None:
    """Write each .mo from its .po."""
    for language in LANGUAGES:
        catalog = read(po_path(language), language)
        buffer = io.BytesIO()
        mofile.write_mo(buffer, catalog, use_fuzzy=False)
        mo_path(language).write_bytes(buffer.getvalue())
        print(f"{mo_path(language).relative_to(ROOT)}: written")


def untranslated(catalog: Catalog) -> list[str]:
    """The ids of messages without a (complete, non-fuzzy) translation."""
    missing = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def check() -> int:
    """Print the messages of the source that a catalog lacks; 1 when there are any."""
    pot = template()
    status = 0
    for language in LANGUAGES:
        catalog = read(po_path(language), language)
        catalog.update(pot, no_fuzzy_matching=True, update_creation_date=False)
        missing = untranslated(catalog)
        for message_id in missing:
            print(f"{language}: no translation: {message_id!r}")
        status |= bool(missing)
    return status


def merge(ours: Path, theirs: Path, out: Path, language: str = "zh_CN") -> None:
    """Write ``out``: every message of the source, translated as ``ours`` has it, else ``theirs``."""
    catalogs = [read(ours, language), read(theirs, language)]
    result = read(ours, language)
    result.update(template(), no_fuzzy_matching=True, update_creation_date=False)
    for message in result:
        if not message.id or not untranslated_one(message):
            continue
        for other in catalogs:
            found = other.get(message.id, message.context)
            if found is not None and not untranslated_one(found):
                message.string = found.string
                break
    write(result, out)


def untranslated_one(message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return message.fuzzy or not all(strings)


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
