"""The command line as a whole: every command documents itself with an example."""

from __future__ import annotations

import click
import pytest

from conftest import REPO

from drafter import __version__
from drafter.cli import COMMANDS, cli


def all_commands() -> list[tuple[str, ...]]:
    """Every command path: ("render",), ("department", "learn"), …"""
    paths: list[tuple[str, ...]] = []
    context = click.Context(cli)
    for name in COMMANDS:
        command = cli.get_command(context, name)
        paths.append((name,))
        if isinstance(command, click.Group):
            paths.extend((name, sub) for sub in command.list_commands(context))
    return paths


@pytest.mark.parametrize("path", all_commands(), ids=" ".join)
def test_every_command_has_help_with_an_example(run_cli, path: tuple[str, ...]) -> None:
    result = run_cli(*path, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout, f"drafter {' '.join(path)} --help shows no example"
    assert "drafter " + path[0] in result.stdout.split("Example", 1)[1]


def test_version(run_cli) -> None:
    result = run_cli("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"drafter, version {__version__}"


def test_an_unknown_command_is_bad_usage(run_cli) -> None:
    result = run_cli("rendr", "x.yaml")
    assert result.exit_code == 2
    assert "No such command 'rendr'" in result.stderr


def test_a_reader_that_stops_early_is_not_an_internal_error() -> None:
    # `drafter kinds | head -2`: the pipe is closed before drafter writes (it takes longer to start)
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-m", "drafter", "kinds", "speech"], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    assert process.wait(timeout=60) == 141
    assert process.stderr.read() == b""
