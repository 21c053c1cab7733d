"""Quoted titles: a show, book, song or slogan's name in quotation marks is no quote.

``the show “Monday Night Football”``, ``his memoir, “A Time to Heal,” came out``: a short stretch
in title case names something; nobody says it. Such a stretch is no quote and bounds no other
quote's cue.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from dateline.analyse.quote_candidates import WORD
from dateline.analyse.quote_cues import verb_cue

if TYPE_CHECKING:
    from dateline.analyse.base import Analysis
    from dateline.analyse.quote_marks import Quoted

SENTENCE_OPENERS = frozenset({"i", "we", "you", "he", "she", "it", "they", "this", "that", "there"})
MAX_TITLE_WORDS = 6
TITLE_PUNCTUATION = ".,"  # the sentence's punctuation that American style puts inside a title's marks
TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "at", "by", "with", "from"})


def is_title(content: str) -> bool:
    """True for a short name in title case with no punctuation at its end ("Monday Night Football",
    "Keepin' It Real", "Women in Power"): a title, show or event, not words someone said."""
    found = WORD.findall(content)
    if not found or len(found) > MAX_TITLE_WORDS or content.rstrip()[-1:] in ",.?!:;…":
        return False
    if re.split(r"['’]", found[0])[0].lower() in SENTENCE_OPENERS:  # “It’s Time For A Change”: words said
        return False
    return all(word[0].isupper() or word[0].isdigit() or word.lower() in TITLE_SMALL_WORDS for word in found)


def is_quoted_title(analysis: Analysis, quote: Quoted) -> bool:
    """True for a stretch that is a title (:func:`is_title`), also when it holds the sentence's
    period or comma and follows a name or preposition rather than a cue (``he said on NBC's
    “Meet the Press.”``, ``a host of the show “Shark Tank,”``), a noun and a comma (``his memoir,
    “A Time to Heal,” came out``) or a verb that is no cue (``went on to promote “Shark Tank,”``):
    a show's name, not words said."""
    content = analysis.text[quote.content_start : quote.content_end]
    if is_title(content):
        return True
    if content[-1:] not in TITLE_PUNCTUATION or not is_title(content[:-1]):
        return False
    sentence = analysis.record.sentences[analysis.sentence_index(quote.open_mark)]
    before = analysis.tokens_within(sentence.start, quote.open_mark)
    if len(before) > 1 and before[-1].text == "," and before[-2].pos_ in ("PROPN", "NOUN"):
        return True  # in apposition to a noun: his memoir, “A Time to Heal,” came out …
    if before and before[-1].pos_ == "VERB" and verb_cue(before[-1]) is None:
        return True  # the object of a verb that reports nothing: to promote “Celebrity Apprentice,”
    return bool(before) and before[-1].pos_ in ("ADP", "PART", "PROPN", "NOUN")
