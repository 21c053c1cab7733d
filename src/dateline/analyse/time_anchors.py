"""Event-anchored periods: "since the start of the war", dated from the article's own "launched a war … on October 7"."""

from __future__ import annotations

import re
from dataclasses import dataclass

ANCHORED = re.compile(
    r"\b(?P<signal>since|from)\s+(?P<phrase>the\s+(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+|this\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?P<noun>war|offensive|conflict|invasion|fighting|operation|aggression|assault|hostilities"
    r"|siege|crisis|uprising|protests|pandemic))\b",
    re.IGNORECASE,
)
SAME_KIND = {
    "war": "war", "offensive": "war", "conflict": "war", "invasion": "war", "fighting": "war", "operation": "war",
    "aggression": "war", "assault": "war", "hostilities": "war",
}
START_VERB = re.compile(
    r"\b(?:launch(?:ed)?|beg[au]n|start(?:ed)?|erupt(?:ed)?|broke\s+out|invaded|outbreak|began)\b", re.IGNORECASE
)
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class AnchoredPeriod:
    """The phrase after "since" ("the start of the war"): span, noun, and the day the text says it began."""

    start: int
    end: int
    noun: str
    began: str | None


def _kind(noun: str) -> str:
    return SAME_KIND.get(noun.lower(), noun.lower())


def anchored_periods(text: str, sentences: list[tuple[int, int]], dated: list[tuple[int, str]]) -> list[AnchoredPeriod]:
    """Every "since the start of X" in ``text``, with the date of a sentence that says X began on a day.

    ``sentences`` are (start, end) character ranges; ``dated`` the (offset, TIMEX3 value) of day-level dates.
    """
    found = []
    for match in ANCHORED.finditer(text):
        kind = _kind(match.group("noun"))
        began = None
        for start, end in sentences:
            sentence = text[start:end]
            nouns = {_kind(n) for n in re.findall(r"[A-Za-z]+", sentence)}
            days = [value for offset, value in dated if start <= offset < end and DAY.match(value)]
            if kind in nouns and START_VERB.search(sentence) and days and not start <= match.start() < end:
                began = min(days)
                break
        found.append(AnchoredPeriod(match.start("phrase"), match.end("phrase"), match.group("noun"), began))
    return found
