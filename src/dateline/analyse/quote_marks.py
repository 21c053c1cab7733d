"""Quotation marks: find the quoted stretches of a text (curly, straight, guillemet and single marks).

Offsets are Python ``str`` indices. A quoted stretch never crosses a paragraph (a line); a quote
left open at the end of a paragraph and reopened at the start of the next (the newspaper way of
running a quote over several paragraphs) gives one stretch per paragraph, marked ``continues``.
Marks nested inside a quote (single marks inside double ones, or a second pair of doubles) stay
part of the outer stretch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

OPENING_DOUBLE = "“«„"
CLOSING_DOUBLE = "”»"
STRAIGHT_DOUBLE = '"'
OPENING_SINGLE = "‘‹"
CLOSING_SINGLE = "’›"
STRAIGHT_SINGLE = "'"
ALL_MARKS = (
    OPENING_DOUBLE + CLOSING_DOUBLE + STRAIGHT_DOUBLE + OPENING_SINGLE + CLOSING_SINGLE + STRAIGHT_SINGLE
)
PARAGRAPH = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class Quoted:
    """One quoted stretch: marks at ``open_mark`` and ``close_mark`` (None when left open), and the
    content between them (stripped of surrounding spaces)."""

    open_mark: int
    close_mark: int | None
    content_start: int
    content_end: int
    continues: bool = False

    @property
    def end(self) -> int:
        """End of the stretch including its closing mark."""
        return self.close_mark + 1 if self.close_mark is not None else self.content_end


def _opens(text: str, index: int) -> bool:
    """A straight or ambiguous mark opens at the start, after white space, a bracket, a dash or a slash."""
    return index == 0 or text[index - 1].isspace() or text[index - 1] in "([{—–-/“‘«"


def _closes_single(text: str, index: int) -> bool:
    """A closing single mark is not an apostrophe: no letter follows it."""
    return index + 1 >= len(text) or not text[index + 1].isalnum()


def _closes_straight(text: str, index: int) -> bool:
    """A straight double mark closes unless it opens; one with space on both sides closes after
    a punctuation mark (``'term,' " he said``: a typist's space, not an opening)."""
    if not _opens(text, index):
        return True
    after = text[index + 1 : index + 2]
    previous = last_visible(text, index)
    before = text[previous] if previous >= 0 else ""
    return (not after or after.isspace()) and before in ",.?!'’"


def before_closing_mark(text: str, end: int, marks: str) -> str:
    """The character before the closing mark that ends at ``end``, past any further ``marks`` and
    spaces ("" when there is none): the punctuation a quote closed with (``“…,”`` gives ",")."""
    position = end - 2
    while position >= 0 and (text[position] in marks or text[position] == " "):
        position -= 1
    return text[position] if position >= 0 else ""


def leaves_double_open(prefix: str) -> bool:
    """True when ``prefix`` leaves a double quotation mark open: more “ or « than closing marks, or
    an odd number of straight ones ('' counted as one). „ is left out: German-style quotes close
    with “, which would count twice."""
    opened = prefix.count("“") + prefix.count("«") - sum(prefix.count(mark) for mark in CLOSING_DOUBLE)
    return opened > 0 or (prefix.count(STRAIGHT_DOUBLE) + prefix.count("''")) % 2 == 1


def last_visible(text: str, index: int) -> int:
    """Index of the last character before ``index`` that is not white space (-1 when none); it
    walks back over the spaces only, where ``text[:index].rstrip()`` would copy the whole prefix."""
    position = index - 1
    while position >= 0 and text[position].isspace():
        position -= 1
    return position


def _typed_as_closing(text: str, index: int) -> bool:
    """True for an opening “ that can only close: right after a word or punctuation mark, with a
    space or the end of the line after it (“The reality is, we won,“ said X)."""
    after = text[index + 1 : index + 2]
    return text[index] == "“" and not _opens(text, index) and (not after or after.isspace())


def _find_close(text: str, start: int, end: int, opener: str) -> int | None:
    """Index of the mark that closes the quote opened at ``start``, within ``[start, end)``."""
    depth = 0
    straight_inside = False  # a straight pair nested in a curly quote
    for index in range(start + 1, end):
        char = text[index]
        if opener == STRAIGHT_DOUBLE:
            if char == STRAIGHT_DOUBLE and _closes_straight(text, index):
                return index
            if char in OPENING_DOUBLE and not _typed_as_closing(text, index):
                depth += 1
            elif char in CLOSING_DOUBLE or char == "“":
                if depth == 0:  # "…” with mismatched marks
                    return index
                depth -= 1
        elif opener in OPENING_DOUBLE:
            if _typed_as_closing(text, index):  # “…,“ said X: a closing mark typed the wrong way round
                if depth == 0:
                    return index
                depth -= 1
            elif char in OPENING_DOUBLE and char != "„":
                if opener == "„" and char == "“" and not _opens(text, index):
                    return index
                depth += 1
            elif char in CLOSING_DOUBLE:
                if depth == 0:
                    return index
                depth -= 1
            elif char == STRAIGHT_DOUBLE:
                if _opens(text, index) and not straight_inside:
                    straight_inside = True
                elif straight_inside:
                    straight_inside = False
                elif depth == 0:  # “…" with mismatched marks
                    return index
        elif char in CLOSING_SINGLE + STRAIGHT_SINGLE and _closes_single(text, index) and index > start + 1:
            return index
    return None


def _content(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_quotes(text: str, start: int, end: int, continues: bool) -> tuple[list[Quoted], bool]:
    """Quoted stretches of one paragraph, and whether the last one is left open at its end."""
    found: list[Quoted] = []
    index = start
    while index < end:
        char = text[index]
        is_double = char in OPENING_DOUBLE or (char == STRAIGHT_DOUBLE and _opens(text, index))
        is_single = (char in OPENING_SINGLE or char == STRAIGHT_SINGLE) and _opens(text, index)
        if not (is_double or is_single):
            index += 1
            continue
        close = _find_close(text, index, end, char)
        if close is None:
            if is_single:
                index += 1
                continue
            content_start, content_end = _content(text, index + 1, end)
            if content_end > content_start:
                found.append(Quoted(index, None, content_start, content_end, continues and not found))
            return found, True
        content_start, content_end = _content(text, index + 1, close)
        if content_end > content_start:
            found.append(Quoted(index, close, content_start, content_end, continues and not found))
        index = close + 1
    return found, False


CLOSING_TRIPLE = re.compile(r"(?<=\S)'{3}")


def _doubled_marks_as_double(text: str) -> str:
    """Typewriter doubles (``''`` and two backticks) as one straight double mark and a space, same
    length. A closing triple (``''He said: 'We won,''' she said``) closes the single mark first."""
    text = CLOSING_TRIPLE.sub("'\" ", text)
    return text.replace("''", '" ').replace("``", '" ')


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted stretch of ``text``, in text order."""
    return list(_quoted_stretches(text))


@lru_cache(maxsize=2)
def _quoted_stretches(text: str) -> tuple[Quoted, ...]:
    """``find_quoted`` for the last texts seen (the quote finder and speaker resolution both ask)."""
    text = _doubled_marks_as_double(text)
    found: list[Quoted] = []
    left_open = False
    for paragraph in PARAGRAPH.finditer(text):
        start, end = _content(text, paragraph.start(), paragraph.end())
        if start == end:
            continue
        reopens = left_open and text[start] in OPENING_DOUBLE + STRAIGHT_DOUBLE
        quotes, left_open = _paragraph_quotes(text, start, end, reopens)
        found.extend(quotes)
    return tuple(found)


def strip_marks(text: str) -> str:
    """``text`` without any quotation mark (for comparing words)."""
    return "".join(char for char in text if char not in ALL_MARKS)
