"""The quotes extractor (placeholder until its issue lands: writes nothing yet)."""

from __future__ import annotations

from dateline.analyse.base import Analysis, Extractor

NAME = "quotes"
VERSION = "0.0.0"


def extract(analysis: Analysis) -> None:
    """Add this extractor's items to ``analysis.record``."""


EXTRACTOR = Extractor(name=NAME, version=VERSION, needs=('entities',), writes=("quotes",), run=extract)
