"""Dateline: dated news articles in, a source-attributed, time-resolved record out."""

__version__ = "0.1.0"

from dateline.api import analyze, analyze_many
from dateline.record import Record

__all__ = ["Record", "__version__", "analyze", "analyze_many"]
