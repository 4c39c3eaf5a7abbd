"""The one folder an assistant may read and write: every path it names is resolved and confined here.

A path is taken relative to the workspace (an absolute path must already lie inside it), made
absolute with every symbolic link followed, and refused unless the result is still inside the
workspace: ``../x``, ``/etc/passwd`` and a link that points out are all refused the same way.
"""

from __future__ import annotations

import os
from pathlib import Path

from drafter.errors import DrafterError
from drafter.i18n import N_, _


class WorkspaceError(DrafterError):
    """A path outside the workspace, or one that cannot be used there."""


class Workspace:
    """A folder chosen when the server starts; the server reads and writes nothing outside it."""

    def __init__(self, root: str | Path) -> None:
        folder = Path(root).expanduser()
        if not folder.is_dir():
            raise WorkspaceError(_("{folder}: the workspace must be an existing folder").format(folder=folder))
        self.root = folder.resolve()

    def __str__(self) -> str:
        return str(self.root)

    def contains(self, path: Path) -> bool:
        """Whether the (resolved) ``path`` is the workspace or inside it."""
        return path == self.root or self.root in path.parents

    def resolve(self, name: str, *, what: str = N_("file")) -> Path:
        """The absolute path of ``name`` (relative to the workspace), refused when it leads outside."""
        if not name or not name.strip():
            raise WorkspaceError(_("no {what} given: name one inside the workspace {root}").format(what=_(what), root=self.root))
        given = Path(name).expanduser() if name.startswith("~") else Path(name)
        candidate = given if given.is_absolute() else self.root / given
        resolved = Path(os.path.realpath(candidate))
        if not self.contains(resolved):
            link = _(" (a symbolic link that points out of it)") if self.contains(Path(os.path.abspath(candidate))) else ""
            raise WorkspaceError(_("{name}: outside the workspace {root}{link}; drafter mcp reads and writes only inside its workspace folder").format(name=name, root=self.root, link=link))
        return resolved

    def confine_file(self, path: Path) -> Path:
        """``path`` (a file an outline names: a figure's image, a table's CSV), refused when it lies
        or links outside the workspace."""
        return self.resolve(str(path))

    def existing_file(self, name: str) -> Path:
        """A file that exists inside the workspace."""
        path = self.resolve(name)
        if not path.exists():
            raise WorkspaceError(_("{name}: no such file in the workspace {root}").format(name=name, root=self.root))
        if not path.is_file():
            raise WorkspaceError(_("{name}: is a folder, not a file").format(name=name))
        return path

    def output_file(self, name: str, suffix: str) -> Path:
        """Where to write a new file ``name`` (it must end in ``suffix``); its folder must exist."""
        path = self.resolve(name, what=N_("output file"))
        if path.suffix.lower() != suffix:
            raise WorkspaceError(_("{name}: give the output a name ending in {suffix}").format(name=name, suffix=suffix))
        if not path.parent.is_dir():
            raise WorkspaceError(_("{name}: the folder {folder} does not exist in the workspace").format(name=name, folder=self.relative(path.parent)))
        return path

    def relative(self, path: Path) -> str:
        """``path`` as the assistant should name it: relative to the workspace."""
        try:
            return path.resolve().relative_to(self.root).as_posix() or "."
        except ValueError:  # pragma: no cover - every path handed out was confined first
            return str(path)

    def confine_tree(self, folder: Path, what: str) -> None:
        """Refuse ``folder`` when it, or a file inside it, lies (or links) outside the workspace."""
        if not self.contains(folder.resolve()):
            raise WorkspaceError(_("{what} {folder}: outside the workspace {root}; drafter mcp reads only inside its workspace folder").format(what=_(what), folder=folder, root=self.root))
        for base, folders, files in os.walk(folder):
            for name in folders + files:
                entry = Path(base) / name
                if not self.contains(Path(os.path.realpath(entry))):
                    raise WorkspaceError(_("{what} {folder}: {name} is a symbolic link out of the workspace {root}; drafter mcp reads only inside it").format(what=_(what), folder=self.relative(folder), name=name, root=self.root))
