"""The figures extractor: every count of people, things or events as an attributed claim.

The number layer (``numbers.py``) finds the numbers and their bounds; the parse tells what they
count (``figure_grammar.py``); the quote, "according to X" or speech verb tells who claims them
(``figure_source.py``); "including" links parts to their whole (``figure_parts.py``).
Percentages and money are kept as figures of their own kind with category ``other``; measures,
durations, ages, years, dates, clock times, ordinals and identifiers are never figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.analyse.base import Analysis, Extractor
from dateline.analyse.figure_grammar import SUBJECT_PRONOUNS, categorise, counted_noun, modality
from dateline.analyse.figure_lexicon import FigureLexicon, load_figure_lexicon
from dateline.analyse.figure_parts import link_parts
from dateline.analyse.figure_source import figure_period, figure_place, figure_source
from dateline.analyse.numbers import Quantity, bounds, conservative_value, find_quantities
from dateline.record import Figure

if TYPE_CHECKING:
    from spacy.tokens import Token

NAME = "figures"
VERSION = "1.0.0"
FIGURE_KINDS = frozenset({"count", "percent", "money"})
UNIT_WORDS = frozenset({"percent", "per", "cent", "pct", "%", "dollars", "dollar", "euros", "pounds", "points"})
OBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


def extract(analysis: Analysis) -> None:
    """Add a Figure for every count, percentage and sum of money in the article."""
    lexicon = load_figure_lexicon()
    nominals: list[Token] = []
    quantities = find_quantities(analysis.text)
    for index, quantity in enumerate(quantities):
        if quantity.kind not in FIGURE_KINDS:
            continue
        next_start = quantities[index + 1].start if index + 1 < len(quantities) else len(analysis.text)
        built = build_figure(analysis, quantity, lexicon, next_start)
        if built is None:
            continue
        figure, nominal = built
        _inherit_subject(analysis.record.figures, figure, analysis.text)
        analysis.record.figures.append(figure)
        nominals.append(nominal)
    link_parts(analysis.record.figures, nominals, lexicon)


def build_figure(
    analysis: Analysis, quantity: Quantity, lexicon: FigureLexicon, next_start: int | None = None
) -> tuple[Figure, Token] | None:
    """The Figure for one quantity and the token standing for what it counts, or None when the
    number counts nothing (a bare "one", a score). The span reaches the counted noun, never past
    the next number (``next_start``)."""
    number = analysis.doc.char_span(quantity.number_start, quantity.number_end, alignment_mode="expand")
    if number is None or len(number) == 0:
        return None
    nominal, subject = counted_noun(number)
    if _is_compound_modifier(analysis.text, quantity):
        return None  # "a two-state solution", "a three-day truce"
    if quantity.kind == "count":
        category, governor = categorise(nominal, subject, lexicon)
        if not _counts_something(quantity, number[-1], nominal, subject, category):
            return None
    else:
        category, governor = "other", None
    lower, upper, approx = bounds(quantity)
    if quantity.qualifier == "from" and quantity.value_to is not None:
        lower = upper = int(quantity.value_to)  # "rose from 20 to 35": the figure now is the second
    start, end = quantity.start, quantity.end
    counted = subject or nominal
    limit = len(analysis.text) if next_start is None else next_start
    if counted.i >= number[0].i and counted.idx + len(counted) - start <= 120 and counted.idx < limit:
        end = max(end, counted.idx + len(counted))
    sentence = analysis.sentence_index(start)
    number_span = analysis.span(quantity.number_start, quantity.number_end)
    figure = Figure(
        **analysis.provenance(start, end, NAME, VERSION, _confidence(category, subject)),
        number=number_span,
        lower=lower,
        upper=upper,
        approx=approx,
        kind=quantity.kind,
        category=category,
        subject=(subject.text if subject is not None and subject.lower_ not in UNIT_WORDS else None),
        source=figure_source(analysis, number_span, governor or nominal, lexicon),
        modality=modality(governor, nominal, lexicon),
        unit=quantity.unit,
        conservative=conservative_value(quantity) if quantity.kind == "count" else None,
        place=figure_place(analysis, sentence, quantity.number_end),
        period=figure_period(analysis, sentence, lexicon),
        qualifier=quantity.qualifier,
    )
    return figure, nominal


def _is_compound_modifier(text: str, quantity: Quantity) -> bool:
    after = text[quantity.number_end : quantity.number_end + 2]
    return len(after) == 2 and after[0] == "-" and after[1].isalpha()


def _counts_something(quantity: Quantity, number: Token, nominal: Token, subject: Token | None, category: str) -> bool:
    """Whether a plain count counts something: a vague quantity, a category, or a counted noun
    ("one" only with its own noun: "one soldier", never "one of them")."""
    if quantity.vague is not None or category != "other":
        return True
    if quantity.number_text.lower() == "one":
        return subject is not None and nominal is subject
    if subject is not None:
        return True
    before = number.doc[number.i - 1].lower_ if number.i > 0 else ""
    if before in ("the", "all", "both", "these", "those"):
        return False  # "the two met": a pronoun, not a count
    return number.dep_ in OBJECT_DEPS and quantity.value.is_integer()


def _confidence(category: str, subject: Token | None) -> float:
    if category != "other":
        return 0.85
    return 0.7 if subject is not None else 0.5


def _anaphoric(figure: Figure, text: str) -> bool:
    """"Thousands more", "52,586 others": the words right after the number point back to earlier counts."""
    following = text[figure.number.end : figure.number.end + 12].split()
    return figure.subject is None and bool(following) and following[0].lower().strip(",.") in SUBJECT_PRONOUNS


def _inherit_subject(previous: list[Figure], figure: Figure, text: str) -> None:
    """"52,586 others", "Thousands more": take the subject of the last count about people before it."""
    if figure.kind != "count" or ((figure.subject or "").lower() not in SUBJECT_PRONOUNS and not _anaphoric(figure, text)):
        return
    for earlier in reversed(previous):
        recent = figure.sentence - earlier.sentence <= 2
        if earlier.kind == "count" and earlier.subject and recent and earlier.subject.lower() not in SUBJECT_PRONOUNS:
            figure.subject = earlier.subject
            return


EXTRACTOR = Extractor(name=NAME, version=VERSION, needs=("entities", "quotes", "times"), writes=("figures",), run=extract)
