"""Lexicons and tables as data files (their sources are documented in docs/), read from here only."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    """A packaged data file, parsed once per process: callers read it and never change it."""
    return json.loads(resources.files("dateline.data").joinpath(name).read_text(encoding="utf-8"))
