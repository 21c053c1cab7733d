"""Every CLI command and every option is documented under docs/."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from dateline.cli import main

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _documentation() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(DOCS.glob("*.md")))


@pytest.mark.parametrize("name", sorted(main.commands))
def test_docs_every_command_has_a_section_naming_its_options(name: str) -> None:
    docs = _documentation()
    heading = f"### `dateline {name}`"
    assert heading in docs, f"docs/ has no section {heading!r}"
    section = docs.split(heading, 1)[1].split("\n### ", 1)[0]
    command = main.commands[name]
    for parameter in command.params:
        if isinstance(parameter, click.Option):
            long_names = [o for o in parameter.opts if o.startswith("--")]
            assert any(o in section for o in long_names), f"{name}: option {long_names} undocumented"
        else:
            assert parameter.name and parameter.name.upper() in section, f"{name}: argument {parameter.name} undocumented"
