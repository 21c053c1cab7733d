"""Dateline: dated news articles in, a source-attributed, time-resolved record out."""

__version__ = "0.1.0"

from dateline.api import analyze, analyze_many  # noqa: E402
from dateline.record import Record  # noqa: E402

__all__ = ["Record", "__version__", "analyze", "analyze_many"]
