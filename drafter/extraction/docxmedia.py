"""Where an extracted outline's figure images go: a folder beside the outline, never clobbering.

The images of ``speech.yaml`` go in ``speech-media/`` beside it, named ``figure1.png``,
``figure2.jpeg`` … in the order the figures stand. A file of that name that is already there
with the same bytes is used as it is (extracting again changes nothing); one with other bytes
is left alone and the image takes the next free name (``figure1-2.png``).
"""

from __future__ import annotations

from pathlib import Path

from drafter.extraction.sources import Para


def media_folder(outline: Path) -> Path:
    """The folder beside ``outline`` for its images: ``<outline stem>-media``."""
    return outline.with_name(f"{outline.stem}-media")


def _free_name(folder: Path, stem: str, extension: str, data: bytes, taken: set[str]) -> str:
    for attempt in range(1, 1000):
        name = f"{stem}.{extension}" if attempt == 1 else f"{stem}-{attempt}.{extension}"
        target = folder / name
        if name in taken:
            continue
        if not target.exists() or (target.is_file() and target.read_bytes() == data):
            return name
    raise OSError(f"{folder}: no free name for {stem}.{extension}")  # pragma: no cover


def place_media(paras: list[Para], outline: Path) -> dict[Path, bytes]:
    """Give each figure item its file (relative to ``outline``) and return its images (target
    path → bytes; :func:`write_media` leaves out those already there with the same bytes)."""
    folder = media_folder(outline)
    writes: dict[Path, bytes] = {}
    taken: set[str] = set()
    number = 0
    for para in paras:
        item = para.item
        if item is None or item.picture is None:
            continue
        number += 1
        picture = item.picture
        name = _free_name(folder, f"figure{number}", picture.extension, picture.data, taken)
        taken.add(name)
        item.data["figure"]["file"] = f"{folder.name}/{name}"
        writes[folder / name] = picture.data
    return writes


def write_media(media: dict[Path, bytes]) -> list[Path]:
    """Write the images (each atomically, its folder made if need be); returns those written.

    A file already there with the same bytes is left as it is; :func:`place_media` chose names
    that no other file holds, so nothing is overwritten."""
    from drafter.output import write_atomic

    written = []
    for target, data in media.items():
        if target.is_file() and target.read_bytes() == data:
            continue
        if target.exists():  # pragma: no cover - place_media chose a free name; a race lost
            raise FileExistsError(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
        written.append(target)
    return written


def staged(media: dict[Path, bytes], folder: Path) -> Path:
    """Copy the images into ``folder`` under their folder's name (to validate the outline before
    anything is written); returns where the outline stands there."""
    for target, data in media.items():
        (folder / target.parent.name).mkdir(parents=True, exist_ok=True)
        (folder / target.parent.name / target.name).write_bytes(data)
    return folder / "outline.yaml"
