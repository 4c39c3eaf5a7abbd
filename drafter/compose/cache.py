"""An on-disk cache of compiled templates, so that a new process does not recompile them.

Jinja compiles a template to Python code on first use (~5 ms for the built-in speech
template, more for a department's); with this cache a new ``drafter render`` process loads
the compiled code instead. An entry is found by the template's name and file plus a
fingerprint of the environment (sandbox, whitespace options, filters), and is used only if the
template's source is unchanged (Jinja checks a checksum) and the Python version matches.

Location: ``$DRAFTER_CACHE_DIR``, else ``$XDG_CACHE_HOME/drafter``, else ``~/.cache/drafter``.
``DRAFTER_CACHE_DIR=off`` (or empty) turns it off. A folder that cannot be created or written,
or that another user owns, simply means no cache: rendering never fails because of it.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2.bccache import Bucket, FileSystemBytecodeCache

if TYPE_CHECKING:
    from jinja2 import Environment


def cache_dir() -> Path | None:
    """The folder for drafter's caches, or None when caching is turned off."""
    configured = os.environ.get("DRAFTER_CACHE_DIR")
    if configured is not None:
        return None if configured.strip().lower() in {"", "off", "0", "no"} else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "drafter"


def environment_fingerprint(environment: Environment) -> str:
    """What, besides a template's source, decides the code Jinja compiles it to."""
    e = environment
    parts: list[Any] = [
        type(e).__module__, type(e).__qualname__, e.block_start_string, e.block_end_string,
        e.variable_start_string, e.variable_end_string, e.comment_start_string, e.comment_end_string,
        e.line_statement_prefix, e.line_comment_prefix, e.trim_blocks, e.lstrip_blocks,
        e.newline_sequence, e.keep_trailing_newline, e.optimized, e.undefined.__qualname__,
        e.autoescape if isinstance(e.autoescape, bool) else "callable",
        sorted(e.extensions), sorted(e.filters), sorted(e.tests),
        # what the code generator emits: a guarded environment (drafter.compose.guard) compiles
        # operators and ``~`` into checked calls, so its code must not be shared with others
        f"{e.code_generator_class.__module__}.{e.code_generator_class.__qualname__}",
        f"{e.context_class.__module__}.{e.context_class.__qualname__}",
        sorted(getattr(e, "intercepted_binops", ())), sorted(getattr(e, "intercepted_unops", ())),
    ]
    # drafter's own compile-time code (the guard's code generator) may change without a new
    # Jinja: the version, and the guard module's size and time, are part of the key
    from drafter.compose import guard
    from drafter.version import __version__

    guard_file = os.stat(guard.__file__)
    parts += [__version__, guard_file.st_size, guard_file.st_mtime_ns]
    try:
        import jinja2

        parts.append(getattr(jinja2, "__version__", ""))
    except ImportError:  # pragma: no cover - jinja2 is a dependency
        pass
    return hashlib.sha1(repr(parts).encode("utf-8")).hexdigest()


MAX_ENTRIES = 1000
"""Compiled templates kept; past this, storing a new one first removes the oldest fifth."""


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's file-system bytecode cache, keyed also by the environment, and never failing."""

    def __init__(self, directory: Path) -> None:
        super().__init__(str(directory), "%s.jinjacache")
        self._fingerprints: dict[int, str] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        """A bucket whose key covers the environment's fingerprint as well as the template."""
        fingerprint = self._fingerprints.get(id(environment))
        if fingerprint is None:
            fingerprint = self._fingerprints[id(environment)] = environment_fingerprint(environment)
        key = hashlib.sha1(f"{fingerprint}|{name}|{filename or ''}".encode()).hexdigest()
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        """Load an entry if there is a readable one (a damaged one is ignored).

        Jinja itself discards an entry with a wrong header or unreadable code; an entry whose
        header survived but whose checksum did not fails inside ``pickle`` with almost any
        exception (UnpicklingError, EOFError, KeyError…), so every one of them means "recompile"."""
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - any damage means: compile the template afresh
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Store an entry if the folder can be written (pruning the oldest when there are many)."""
        try:
            self._prune()
            super().dump_bytecode(bucket)
        except OSError:
            pass

    def _prune(self) -> None:
        """Keep the folder bounded: templates in temporary folders each leave an entry behind."""
        entries = [entry for entry in os.scandir(self.directory) if entry.name.endswith(".jinjacache")]
        if len(entries) < MAX_ENTRIES:
            return
        entries.sort(key=lambda entry: entry.stat().st_mtime)
        for entry in entries[:MAX_ENTRIES // 5]:
            try:
                os.unlink(entry.path)
            except OSError:
                pass


def template_cache() -> TemplateCache | None:
    """The compiled-template cache, or None when caching is off or the folder is unusable."""
    folder = cache_dir()
    if folder is None:
        return None
    folder = folder / "templates"
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.stat()
    except OSError:
        return None
    if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
        return None  # someone else could plant compiled code here
    if not os.access(folder, os.W_OK | os.X_OK):
        return None
    return TemplateCache(folder)
