"""Rebuild typed :class:`dateline.record.Record` objects from their stored documents."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from dateline.record import Record


def from_dict(cls: type[Any], data: Any) -> Any:
    """Build dataclass ``cls`` from plain data, recursing into nested dataclasses and lists.

    Keys the dataclass does not know (written by a newer Dateline) are ignored.
    """
    if not isinstance(data, dict):
        return data
    hints = typing.get_type_hints(cls)
    values = {}
    for field in dataclasses.fields(cls):
        if field.name in data:
            values[field.name] = _convert(hints[field.name], data[field.name])
    return cls(**values)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is list:
        (inner,) = typing.get_args(hint) or (Any,)
        return [_convert(inner, element) for element in value]
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return from_dict(hint, value)
    return value


def record_from_dict(document: dict[str, Any]) -> Record:
    """A Record from a `dateline/1` document (as ``Record.to_dict()`` or the store gives it)."""
    record: Record = from_dict(Record, document)
    return record
