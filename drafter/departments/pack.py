"""Department packs: a folder with a department's names, wording, templates and look.

A pack is a folder::

    <pack>/department.yaml     names, signature, default speaker, variables, defaults, style
    <pack>/templates/          optional: templates overriding built-ins of the same name
    <pack>/profiles/<name>.yaml   optional: a whole style profile layer (same shape as ``style:``)
    <pack>/reference.docx      optional: page setup and element fonts read from a Word document

A pack may ``extends:`` a parent pack (a relative folder). Everything is resolved along ONE
ordered search path ``[pack, parent, grandparent…, built-in]``: templates are looked up
first-match-wins along it, and style layers merge the other way round (built-in base →
grandparent → parent → pack; within a pack: reference.docx → profiles/<name>.yaml → ``style:``).
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from drafter.departments.learn import learn_spec
from drafter.docx.profile import (
    TWIPS_PER_MM,
    Profile,
    ProfileSpec,
    builtin_element_names,
    merge_specs,
    read_spec,
    resolve,
    size_points,
)
from drafter.errors import DepartmentError, OutlineError, Problem, ProfileError
from drafter.i18n import _, ngettext
from drafter.outline import yamlfile
from drafter.i18n import _
from drafter.outline.kinds import KINDS
from drafter.outline.load import Outline
from drafter.outline.media import Image, ImageError, read_image
from drafter.outline.model import key
from drafter.outline.schema import Validator, fields_of
from drafter.outline.yamlfile import YamlDocument
from drafter.resources import builtin_dir

PACK_FILE = "department.yaml"
ENV_VARIABLE = "DRAFTER_DEPARTMENT"
MAX_DEPTH = 8
"""Most packs one ``extends:`` chain may hold (a guard against runaway chains)."""

NAMED = ("name", "full_name", "short_name", "signature", "speaker")
"""Top-level keys that templates also see as ``dept.<key>``."""

DefaultValue = str | bool | int | tuple[str, ...]

MARK_IMAGE_KEYS = {"mark_image": ("notice", "request", "report"), "letter_mark_image": ("letter",)}
"""Pack keys holding the 发文机关标志 as artwork, and the kinds whose mark each replaces."""

MAX_MARK_HEIGHT_MM = 60.0
"""Tallest mark image a pack may give (GB/T 9704 practice: glyphs 22-26 mm tall)."""


@dataclass(frozen=True)
class MarkImageSpec:
    """The 发文机关标志 as artwork: an image in the pack folder and its printed size."""

    file: str = key("PNG or JPEG file in the pack folder, e.g. mark.png.", example="mark.png")
    width_mm: float | None = key("Printed width in mm (give the width or the height; the other follows "
                                 "the image's proportions).", None)
    height_mm: float | None = key("Printed height in mm.", None)


@dataclass(frozen=True)
class MarkImage:
    """A pack's mark image, read and checked: the image, its printed size, and where it was set."""

    image: Image
    width_mm: float
    height_mm: float
    pack: Pack
    key: str

    @property
    def src(self) -> str:
        """The name the block markup and the package use for it."""
        return f"department:{self.key}"


@dataclass(frozen=True)
class DepartmentSpec:
    """What ``department.yaml`` may say (every key optional)."""

    name: str | None = key("Name used in running text, e.g. 市自然资源和规划局.", None)
    full_name: str | None = key("Full official name, e.g. 江城市自然资源和规划局.", None)
    short_name: str | None = key("Short name, e.g. 市规划局.", None)
    signature: str | None = key(
        "Signature line (templates: dept.signature; default for an outline's signature: key).", None)
    speaker: str | None = key("Default speaker for outlines that name none.", None)
    extends: str | None = key("Parent pack to start from: a folder, relative to this file.", None)
    variables: dict[str, str] | None = key(
        "Your own names for templates, used as dept.<name>, e.g. city: 江城市.", None)
    defaults: dict[str, DefaultValue] | None = key(
        "Values for outline keys an outline leaves unset, e.g. salutation: 同志们.", None)
    style: ProfileSpec | None = key(
        "Style overrides in the shape of a style profile: page:, page_number:, elements:.", None)
    mark_image: MarkImageSpec | None = key(
        "The 发文机关标志 as an image (notices, requests, reports): {file: mark.png, width_mm: 150} or "
        "height_mm; placed where the text mark would be, centred. Without it the mark is text.", None)
    letter_mark_image: MarkImageSpec | None = key(
        "The letter's (函) mark as an image, 30 mm below the page's top: {file: …, width_mm: …}.", None)


@dataclass(frozen=True)
class Pack:
    """One pack folder as read from disk."""

    folder: Path
    spec: DepartmentSpec
    document: YamlDocument
    images: dict[str, Image] = field(default_factory=dict, compare=False, repr=False)
    """The mark images it gives, read and checked, by pack key (mark_image, letter_mark_image)."""

    @property
    def file(self) -> Path:
        """The pack's ``department.yaml``."""
        return self.folder / PACK_FILE

    @property
    def templates_dir(self) -> Path:
        """The pack's ``templates/`` folder (may not exist)."""
        return self.folder / "templates"

    @property
    def reference(self) -> Path | None:
        """The pack's ``reference.docx``, if it ships one."""
        path = self.folder / "reference.docx"
        return path if path.is_file() else None


@dataclass(frozen=True)
class Department:
    """A pack with its parents: ``packs[0]`` is the selected pack, then its parent, and so on."""

    packs: tuple[Pack, ...]
    _profiles: dict[str, Profile] = field(default_factory=dict, compare=False, repr=False)

    @property
    def folder(self) -> Path:
        """The selected pack's folder."""
        return self.packs[0].folder

    @property
    def display_name(self) -> str:
        """The pack's name, or its folder's name when it has none."""
        return self.named().get("name") or self.folder.name

    def search_path(self) -> list[Path]:
        """The ordered search path: pack folders, nearest first, then the built-in folder."""
        return [pack.folder for pack in self.packs] + [builtin_dir()]

    def template_dirs(self) -> list[Path]:
        """Template folders of the packs, nearest first (the built-in folder is added by Templates)."""
        return [pack.templates_dir for pack in self.packs if pack.templates_dir.is_dir()]

    def named(self) -> dict[str, str]:
        """name, full_name, … as set by the pack or inherited from a parent."""
        values: dict[str, str] = {}
        for pack in reversed(self.packs):
            for name in NAMED:
                value = getattr(pack.spec, name)
                if value is not None:
                    values[name] = value
        return values

    def variables(self) -> dict[str, Any]:
        """What templates see as ``dept``: the named keys (None when unset) and the variables."""
        values: dict[str, Any] = dict.fromkeys(NAMED)
        values.update(self.named())
        for pack in reversed(self.packs):
            values.update(pack.spec.variables or {})
        return values

    def mark_image(self, kind: str, issuer_mark: tuple[str, ...], text_width_tw: int) -> MarkImage | None:
        """The pack's mark image for an outline of ``kind`` (nearest pack wins), or None.

        The image replaces the text mark unless the outline names a mark of its own (other than
        the pack's default ``issuer_mark`` or its ``full_name``, with or without 文件): a joint
        issue keeps its stacked text marks. An image
        wider than the text block (``text_width_tw``) is refused, naming the pack file and key.
        """
        name = next((n for n, kinds in MARK_IMAGE_KEYS.items() if kind in kinds), None)
        pack = next((p for p in self.packs if name in p.images), None) if name else None
        if pack is None or name is None:
            return None
        full_name = self.named().get("full_name")
        own = {self._default_mark(), *(((full_name,), (full_name + "文件",)) if full_name else ())}
        if issuer_mark and issuer_mark not in own:
            return None
        spec = getattr(pack.spec, name)
        image = pack.images[name]
        ratio = image.height_px / image.width_px
        width = spec.width_mm if spec.width_mm is not None else spec.height_mm / ratio
        height = spec.height_mm if spec.height_mm is not None else spec.width_mm * ratio
        most = text_width_tw / TWIPS_PER_MM + (14.0 if name == "letter_mark_image" else 0.0)
        if width > most + 0.05 or height > MAX_MARK_HEIGHT_MM:
            line, column = pack.document.mark((name,))
            raise DepartmentError(_("department pack {file}:{line}:{column}: {key}: the mark image would print "
                                    "{width:.1f} × {height:.1f} mm, larger than the mark's room (at most "
                                    "{most:.0f} mm wide, {tallest:.0f} mm tall); give a smaller width_mm or "
                                    "height_mm").format(file=pack.file, line=line, column=column, key=name,
                                                        width=width, height=height, most=most,
                                                        tallest=MAX_MARK_HEIGHT_MM))
        return MarkImage(image, width, height, pack, name)

    def _default_mark(self) -> tuple[str, ...] | None:
        """The pack's default ``issuer_mark`` as lines, or None when it sets none."""
        found = self.defaults().get("issuer_mark")
        if found is None:
            return None
        raw = _lookup(found[0].document.data, found[1])
        return tuple(str(v) for v in raw) if isinstance(raw, list) else (str(raw),)

    def defaults(self) -> dict[str, tuple[Pack, tuple[str, ...]]]:
        """Outline key → (pack, key path in its department.yaml) of the value that applies."""
        found: dict[str, tuple[Pack, tuple[str, ...]]] = {}
        for pack in reversed(self.packs):
            for name in ("speaker", "signature"):
                if getattr(pack.spec, name) is not None:
                    found[name] = (pack, (name,))
            for name in pack.spec.defaults or {}:
                found[name] = (pack, ("defaults", name))
        return found

    def apply_defaults(self, outline: Outline) -> Outline:
        """The outline with the pack's defaults filled into keys it leaves unset.

        A key counts as unset when its value is the model's default (absent, empty or null).
        Values are checked against the outline's kind; problems name department.yaml:line:col.
        """
        document = outline.document
        specs = {spec.name: spec for spec in fields_of(type(document))}
        changes: dict[str, Any] = {}
        problems: list[Problem] = []
        for name, (pack, path) in self.defaults().items():
            spec = specs.get(name)
            if spec is None or spec.required or getattr(document, name) != spec.default:
                continue
            raw = _lookup(pack.document.data, path)
            validator = Validator(pack.document)
            value = validator.value(spec.hint, raw, path)
            if validator.problems:
                for problem in validator.problems:
                    problems.append(dataclasses.replace(
                        problem, message=_("{message} (as a default for {kind} outlines)").format(
                            message=problem.message, kind=outline.kind.name)))
                continue
            changes[name] = value
        if problems:
            raise DepartmentError(_problems_message(self.packs[0].file, problems))
        if not changes:
            return outline
        return dataclasses.replace(outline, document=dataclasses.replace(document, **changes))

    def profile_layers(self, name: str) -> list[tuple[str, ProfileSpec]]:
        """The style layers for profile ``name``, base first, each with where it came from."""
        layers: list[tuple[str, ProfileSpec]] = []
        builtin = builtin_dir() / "profiles" / f"{name}.yaml"
        if builtin.is_file():
            layers.append((str(builtin), read_spec(builtin)))
        for pack in reversed(self.packs):
            if pack.reference is not None:
                layers.append((str(pack.reference), learn_spec(pack.reference)))
            shipped = pack.folder / "profiles" / f"{name}.yaml"
            if shipped.is_file():
                layers.append((str(shipped), read_spec(shipped)))
            if pack.spec.style is not None:
                layers.append((f"{pack.file} (style:)", pack.spec.style))
        if not layers:
            raise DepartmentError(_("department pack {folder}: no style profile '{name}' on the search "
                                    "path ({path})").format(
                folder=self.folder, name=name, path=", ".join(str(p) for p in self.search_path())))
        return layers

    def merged_spec(self, name: str) -> ProfileSpec:
        """The merged (unresolved) style profile ``name``: what ``department show`` prints."""
        merged: ProfileSpec | None = None
        for _, spec in self.profile_layers(name):
            merged = merge_specs(merged, spec)
        assert merged is not None
        return merged

    def profile(self, name: str) -> Profile:
        """The resolved style profile ``name`` for this department (cached)."""
        if name not in self._profiles:
            try:
                self._profiles[name] = resolve(self.merged_spec(name))
            except ProfileError as exc:
                raise DepartmentError(_("department pack {folder}: {reason}").format(
                    folder=self.folder, reason=exc)) from None
        return self._profiles[name]


def _lookup(data: Any, path: tuple[str, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


def _problems_message(file: Path, problems: list[Problem]) -> str:
    problems = sorted(problems, key=lambda p: (p.line, p.column))
    if len(problems) == 1:
        return _("department pack {problem}").format(problem=problems[0])
    lines = "\n".join(f"  {p}" for p in problems)
    return ngettext("department pack {file}: {count} problem:\n{lines}",
                    "department pack {file}: {count} problems:\n{lines}", len(problems)).format(
        file=file, count=len(problems), lines=lines)


# -- loading -----------------------------------------------------------------------------------

def load_department(folder: str | Path, allow: Callable[[Path], None] | None = None) -> Department:
    """Read the pack at ``folder`` and the packs it extends; raises :class:`DepartmentError`.

    ``allow`` is called with each pack folder before anything in it is read, and may raise to
    refuse it (``drafter mcp`` refuses packs outside its workspace)."""
    chain: list[Pack] = []
    seen: list[Path] = []
    if allow is not None:
        allow(Path(folder))
    current: Path | None = _pack_folder(Path(folder))
    while current is not None:
        if allow is not None and chain:
            allow(current)
        real = current.resolve()
        if real in seen:
            loop = " → ".join(str(p) for p in [*seen[seen.index(real):], real])
            raise DepartmentError(_("department packs extend each other in a cycle: {loop}; "
                                    "remove one of the extends: keys").format(loop=loop))
        if len(chain) >= MAX_DEPTH:
            raise DepartmentError(_("department pack {folder}: extends: goes more than "
                                    "{depth} packs deep").format(folder=chain[0].folder, depth=MAX_DEPTH))
        seen.append(real)
        pack = read_pack(current)
        chain.append(pack)
        current = _parent_folder(pack)
    _check_elements(chain)
    return Department(tuple(chain))


def _pack_folder(path: Path) -> Path:
    if path.is_file() and path.name == PACK_FILE:
        return path.parent
    reason = _not_a_pack(path)
    if reason is not None:
        raise DepartmentError(_("department pack {folder}: {reason}").format(folder=path, reason=reason))
    return path


def _not_a_pack(path: Path) -> str | None:
    """Why ``path`` is not a pack folder (None: it is one)."""
    if not path.exists():
        return _("no such folder")
    if not path.is_dir():
        return _("is a file, not a pack folder (a folder holding {file})").format(file=PACK_FILE)
    if not (path / PACK_FILE).is_file():
        return _("the folder has no {file}; create one with: drafter department init {folder}").format(
            file=PACK_FILE, folder=path)
    return None


def _parent_folder(pack: Pack) -> Path | None:
    extends = pack.spec.extends
    if extends is None:
        return None
    parent = Path(os.path.normpath(pack.folder / os.path.expanduser(extends)))
    if parent.is_file() and parent.name == PACK_FILE:
        return parent.parent
    reason = _not_a_pack(parent)
    if reason is None:
        return parent
    line, column = pack.document.mark(("extends",))
    raise DepartmentError(_("department pack {file}:{line}:{column}: extends: {extends} → {parent}: "
                            "{reason}").format(file=pack.file, line=line, column=column,
                                               extends=repr(extends), parent=parent, reason=reason))


def read_pack(folder: Path) -> Pack:
    """Read and validate one pack folder's ``department.yaml`` (not its parents)."""
    file = folder / PACK_FILE
    try:
        document = yamlfile.load(file, str(file))
    except OutlineError as exc:
        raise DepartmentError(_problems_message(file, exc.problems)) from None
    data = document.data if document.data is not None else {}
    validator = Validator(document)
    _hoist_elements(document, validator)
    spec = validator.record(DepartmentSpec, data, ())
    images: dict[str, Image] = {}
    if not validator.problems:
        _check_variables(spec, validator)
        _check_defaults(spec, validator)
        _check_style(spec, validator)
        images = _read_mark_images(folder, spec, validator)
    if validator.problems:
        raise DepartmentError(_problems_message(file, validator.problems))
    return Pack(folder, spec, document, images)


def _read_mark_images(folder: Path, spec: DepartmentSpec, validator: Validator) -> dict[str, Image]:
    """Read each mark image the pack gives; a missing file, a file that is not a PNG or JPEG, or
    a size given both ways (or neither) is a problem at its key."""
    images: dict[str, Image] = {}
    for name in MARK_IMAGE_KEYS:
        mark: MarkImageSpec | None = getattr(spec, name)
        if mark is None:
            continue
        if (mark.width_mm is None) == (mark.height_mm is None):
            validator.fail((name,), _("give the printed size as width_mm or as height_mm (one of them)"))
            continue
        size = mark.width_mm if mark.width_mm is not None else mark.height_mm
        if size is not None and not 1 <= size <= 300:
            which = "width_mm" if mark.width_mm is not None else "height_mm"
            validator.fail((name, which), _("{size} mm is not a printable size (1-300 mm)").format(size=size))
            continue
        path = Path(os.path.normpath(folder / mark.file))
        if not path.resolve().is_relative_to(folder.resolve()):
            validator.fail((name, "file"), _("{file!r} is outside the pack folder; put the image in the "
                                             "pack").format(file=mark.file))
            continue
        try:
            images[name] = read_image(path)
        except ImageError as exc:
            validator.fail((name, "file"), _("the mark image cannot be used: {reason}").format(reason=exc))
    return images


PROFILE_KEYS = frozenset(f.name for f in dataclasses.fields(ProfileSpec))


def _hoist_elements(document: YamlDocument, validator: Validator) -> None:
    """Accept the short form ``style: {body: {...}}`` for ``style: {elements: {body: {...}}}``.

    Element mappings written directly under ``style:`` move under ``elements:`` together with
    their recorded positions, so later problems still point at the right line and column."""
    data = document.data
    style = data.get("style") if isinstance(data, dict) else None
    if not isinstance(style, dict):
        return
    moved = [name for name, value in style.items() if name not in PROFILE_KEYS and isinstance(value, dict)]
    if not moved:
        return
    elements = style.get("elements")
    if elements is None:
        elements = style["elements"] = {}
        document.value_marks[("style", "elements")] = document.mark(("style",))
    if not isinstance(elements, dict):
        return
    for name in moved:
        if name in elements:
            validator.fail(("style", name), _("element '{name}' is given twice: here and under "
                                              "style.elements").format(name=name), key=True)
            continue
        elements[name] = style.pop(name)
        for marks in (document.value_marks, document.key_marks):
            for path in [p for p in marks if p[:2] == ("style", name)]:
                marks[("style", "elements", name, *path[2:])] = marks[path]


def _check_variables(spec: DepartmentSpec, validator: Validator) -> None:
    for name in spec.variables or {}:
        path = ("variables", name)
        if name in NAMED:
            validator.fail(path, _("'{name}' is a top-level key of department.yaml; set it there").format(
                name=name), key=True)
        elif not name.isidentifier():
            validator.fail(path, _("variable name '{name}' must be one word (letters, digits, _) so "
                                   "templates can write dept.<name>").format(name=name), key=True)


def outline_keys() -> set[str]:
    """Every key an outline of any kind may hold (defaults may name any of them)."""
    names: set[str] = set()
    for kind in KINDS.values():
        names |= {f.name for f in dataclasses.fields(kind.model)}
    return names - {"kind", "department"}


def _check_defaults(spec: DepartmentSpec, validator: Validator) -> None:
    known = sorted(outline_keys())
    for name in spec.defaults or {}:
        if name in ("kind", "department"):
            validator.fail(("defaults", name), _("'{name}' cannot have a default").format(name=name), key=True)
        elif name not in known:
            close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
            tip = _("did you mean '{name}'?").format(name=close[0]) if close else \
                _("outline keys: {keys}").format(keys=", ".join(known))
            validator.fail(("defaults", name), _("no outline has a key '{name}'; {tip}").format(
                name=name, tip=tip), key=True)


def _check_style(spec: DepartmentSpec, validator: Validator) -> None:
    """Sizes and the page number format, checked where they are written."""
    style = spec.style
    if style is None:
        return
    for name, element in (style.elements or {}).items():
        if element.size is not None:
            _check_size(element.size, ("style", "elements", name, "size"), validator)
    if style.page_number is not None and style.page_number.size is not None:
        _check_size(style.page_number.size, ("style", "page_number", "size"), validator)
    fmt = style.page_number.format if style.page_number else None
    if fmt is not None and fmt.count("{n}") != 1:
        validator.fail(("style", "page_number", "format"), _("{format} must contain {{n}} exactly once").format(
            format=repr(fmt)))


def _check_elements(chain: list[Pack]) -> None:
    """Element names in ``style:`` must be built-in, used by a template of the chain, or
    defined by a parent pack: anything else is most likely a typo."""
    known = builtin_element_names()
    used = set().union(*(_styles_used_by_templates(pack.folder) for pack in chain))
    defined: set[str] = set()
    for pack in reversed(chain):
        elements = (pack.spec.style.elements or {}) if pack.spec.style else {}
        validator = Validator(pack.document)
        for name in elements:
            if name in known or name in used or name in defined:
                continue
            close = difflib.get_close_matches(name, sorted(known | PROFILE_KEYS), n=1, cutoff=0.6)
            tip = _("did you mean '{name}'? ").format(name=close[0]) if close else ""
            validator.fail(("style", "elements", name),
                           _("unknown element '{name}'; {tip}known elements: {known} (a new element must "
                             "be used by a template of the pack: style=\"{name}\")").format(
                               name=name, tip=tip, known=", ".join(sorted(known))),
                           key=True)
        if validator.problems:
            raise DepartmentError(_problems_message(pack.file, validator.problems))
        defined |= set(elements)


def _check_size(value: float | str, path: tuple[str, ...], validator: Validator) -> None:
    try:
        size_points(value, "size")
    except ProfileError as exc:
        validator.fail(path, str(exc).removeprefix("size: "))


_STYLE_ATTRIBUTE = re.compile(r"""style\s*=\s*["']([A-Za-z0-9_]+)""")


def _styles_used_by_templates(folder: Path) -> set[str]:
    used: set[str] = set()
    templates = folder / "templates"
    if templates.is_dir():
        for file in templates.rglob("*"):
            if file.is_file():
                used |= set(_STYLE_ATTRIBUTE.findall(file.read_text(encoding="utf-8", errors="replace")))
    return used


# -- selection ---------------------------------------------------------------------------------

def select_department(option: str | Path | None, outline: Outline) -> Department | None:
    """The department to render ``outline`` with: --department, else its ``department:`` key,
    else ``$DRAFTER_DEPARTMENT``, else none (built-in templates and profile only)."""
    if option:
        return load_department(Path(option))
    value = getattr(outline.document, "department", None)
    if value:
        folder = outline.base_dir / Path(os.path.expanduser(value))
        try:
            return load_department(folder)
        except DepartmentError as exc:
            where = _outline_key_position(outline)
            raise DepartmentError(_("{where}: department: {value}: {reason}").format(
                where=where, value=repr(value), reason=exc)) from None
    env = os.environ.get(ENV_VARIABLE, "").strip()
    if env:
        try:
            return load_department(Path(os.path.expanduser(env)))
        except DepartmentError as exc:
            raise DepartmentError(_("${variable}={value}: {reason}").format(
                variable=ENV_VARIABLE, value=repr(env), reason=exc)) from None
    return None


def department_for(outline: Outline, option: str | Path | None = None) -> tuple[Outline, Department | None]:
    """The outline with its department's defaults filled in, and that department (or None).

    Every entry point that renders an outline file should go through this, so that
    ``--department``, the ``department:`` key and ``$DRAFTER_DEPARTMENT`` mean the same everywhere."""
    department = select_department(option, outline)
    if department is None:
        return outline, None
    return department.apply_defaults(outline), department


def _outline_key_position(outline: Outline) -> str:
    if outline.source is None:
        return "<outline>"
    try:
        document = yamlfile.load(outline.source, str(outline.source))
    except OutlineError:
        return str(outline.source)
    line, column = document.mark(("department",))
    return f"{outline.source}:{line}:{column}"
