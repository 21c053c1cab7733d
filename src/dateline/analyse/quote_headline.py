"""Headlines in title case: "Trump Could Address Clean Energy, Graham Says", "Sanders Vows To End Tax Breaks".

The parser reads capitalised headline words as names, so a headline's cue verb is found by its
form instead: a capitalised present-tense speech verb of the cue lexicon ("Says", "Warns",
"Vows"), with a short name before it. "Content, Speaker Says." gives the words before the comma;
"Speaker Says Content" the words after the verb (a commissive or directive verb only with an
infinitive: "Vows To …"). Only a paragraph whose words are nearly all capitalised counts.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.analyse.quote_candidates import WORD, Candidate, trim
from dateline.analyse.quote_cues import SPEECH_KINDS, CueWord, lexicon
from dateline.record import Attribution

if TYPE_CHECKING:
    from dateline.analyse.base import Analysis

MAX_HEADLINE_WORDS = 25
MAX_SPEAKER_WORDS = 6
MIN_CONTENT_WORDS = 3
TITLE_SHARE = 0.7  # share of a headline's words that are capitalised
SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with", "as"})
CLAUSE_STANCES = frozenset({"neutral", "emphatic", "warning", "distancing", "tentative", "critical"})
INFINITIVE_STANCES = frozenset({"commissive", "directive"})
SPEAKER_WORD = re.compile(r"[A-Z][\w.'’-]*$")


def _is_headline(line: str) -> bool:
    """True for a short line in title case."""
    found = [word for word in WORD.findall(line) if word.lower() not in SMALL_WORDS]
    if not found or len(found) > MAX_HEADLINE_WORDS:
        return False
    return sum(word[0].isupper() or word[0].isdigit() for word in found) >= TITLE_SHARE * len(found)


def _cue_of(word: str) -> tuple[str, str] | None:
    """(lemma, stance) of a present-tense speech verb ("Says", "Vows", "Denies"), or None."""
    lowered = word.lower()
    if not lowered.endswith("s") or lowered.endswith("ss"):
        return None
    stems = [lowered[:-1], lowered[:-2], lowered[:-3] + "y" if lowered.endswith("ies") else ""]
    verbs = lexicon().verbs
    for stem in stems:
        entry = verbs.get(stem)
        if entry is not None and entry[0] in SPEECH_KINDS:
            return stem, entry[1]
    return None


def headline_candidates(analysis: Analysis, taken: list[tuple[int, int]]) -> list[Candidate]:
    """Quotes of title-case headlines that no other quote covers."""
    found, next_low = [], 0
    for line in analysis.text.split("\n"):
        low, next_low = next_low, next_low + len(line) + 1
        if not line.strip() or not _is_headline(line):
            continue
        candidate = _trailing(analysis, low, line) or _leading(analysis, low, line)
        if candidate is None or any(s < candidate.end and candidate.start < e for s, e in taken):
            continue
        found.append(candidate)
    return found


def _attribution(analysis: Analysis, start: int, end: int) -> Attribution:
    entity = analysis.entity_at(start, end)
    return Attribution(analysis.text[start:end], entity.id if entity else None, start, end, None)


def _candidate(
    analysis: Analysis, content: tuple[int, int], speaker: tuple[int, int], verb: tuple[int, int], cue: tuple[str, str]
) -> Candidate | None:
    start, end = trim(analysis.text, *content)
    while end > start and analysis.text[end - 1] in ".\"”'’ ":
        end -= 1
    if len(WORD.findall(analysis.text[start:end])) < MIN_CONTENT_WORDS:
        return None
    word = CueWord(verb[0], verb[1], cue[0], "speech", cue[1])
    return Candidate(start, end, "indirect", word, _attribution(analysis, *speaker), 0.6)


def _speaker_before(line: str, verb_start: int) -> tuple[int, int] | None:
    """The capitalised words right before a headline verb, back to a comma or colon (at most six)."""
    start = max(line.rfind(",", 0, verb_start), line.rfind(":", 0, verb_start)) + 1
    words = list(re.finditer(r"\S+", line[start:verb_start]))
    if not words or len(words) > MAX_SPEAKER_WORDS or not all(SPEAKER_WORD.match(w.group()) for w in words):
        return None
    return start + words[0].start(), start + words[-1].end()


def _trailing(analysis: Analysis, low: int, line: str) -> Candidate | None:
    """ "Content, Speaker Says." """
    words = list(re.finditer(r"[A-Za-z]+", line))
    if not words or line[words[-1].end() :].strip(" .!\"”'’"):
        return None
    verb = words[-1]
    cue = _cue_of(verb.group()) if verb.group()[0].isupper() else None
    comma = line.rfind(",", 0, verb.start())
    speaker = _speaker_before(line, verb.start())
    if cue is None or cue[1] not in CLAUSE_STANCES or comma == -1 or speaker is None or speaker[0] <= comma:
        return None
    return _candidate(analysis, (low, low + comma), (low + speaker[0], low + speaker[1]), (low + verb.start(), low + verb.end()), cue)


def _leading(analysis: Analysis, low: int, line: str) -> Candidate | None:
    """ "Speaker Says Content", "Speaker Vows To …" """
    for verb in list(re.finditer(r"[A-Za-z]+", line))[1 : MAX_SPEAKER_WORDS + 1]:
        cue = _cue_of(verb.group()) if verb.group()[0].isupper() else None
        speaker = _speaker_before(line, verb.start()) if cue else None
        if cue is None or speaker is None:
            continue
        rest = line[verb.end() :].lstrip()
        infinitive = rest.lower().startswith("to ")
        clause = cue[1] in CLAUSE_STANCES and not infinitive
        if not clause and not (cue[1] in INFINITIVE_STANCES and infinitive):
            return None
        content = (low + len(line) - len(rest), low + len(line))
        return _candidate(analysis, content, (low + speaker[0], low + speaker[1]), (low + verb.start(), low + verb.end()), cue)
    return None
