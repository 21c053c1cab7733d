"""Flags about figures: ``figure_disagreement``, ``sum_consistent``/``sum_inconsistent``, ``unattributed_figure``."""

from __future__ import annotations

import re

from dateline.analyse.base import Analysis
from dateline.analyse.flag_common import flag_rules, make_flag
from dateline.record import Figure, Flag

GENERIC = "*"


def population(subject: str | None) -> str:
    """The population a figure's subject names ('Gazans' -> 'palestinians'); ``*`` for unspecified people."""
    rules = flag_rules()
    if subject is None:
        return GENERIC
    text = " ".join(re.findall(r"[\w-]+", subject.lower()))
    words = [w for w in text.split() if w not in ("the", "a", "an", "of", "more", "other")]
    text = " ".join(words)
    if not text or text in rules["generic_subjects"]:
        return GENERIC
    for key, aliases in rules["population_aliases"].items():
        if text in aliases:
            return str(key)
    for key, aliases in rules["population_aliases"].items():
        if words and words[-1] in aliases:
            return str(key)
    if words and words[-1] in rules["generic_subjects"]:
        for key, aliases in rules["population_aliases"].items():
            if any(w in aliases for w in words[:-1]):
                return str(key)
        return GENERIC
    return text


def same_population(a: Figure, b: Figure) -> bool:
    """Two subjects that may count the same people: equal populations, or one of them unspecified."""
    pa, pb = population(a.subject), population(b.subject)
    return pa == pb or GENERIC in (pa, pb)


def source_key(figure: Figure) -> str:
    """Who claims the figure: the entity id, the source's words, or '' for the article's own voice."""
    if figure.source is None:
        return ""
    return figure.source.entity or figure.source.text.lower()


def source_name(analysis: Analysis, figure: Figure) -> str:
    """The source as a reader would name it."""
    if figure.source is None:
        return "the article's own voice"
    entity = analysis.record.entity(figure.source.entity) if figure.source.entity else None
    return entity.name if entity else figure.source.text


def _point(figure: Figure) -> int | None:
    return figure.lower if figure.lower is not None else figure.upper


def disagree(a: Figure, b: Figure) -> bool:
    """Same category and population, different sources, different bounds of a comparable size."""
    if a.category != b.category or a.category == "other" or a.kind != b.kind:
        return False
    if "negated" in (a.modality, b.modality) or a.part_of is not None or b.part_of is not None:
        return False
    if source_key(a) == source_key(b) or (a.lower, a.upper) == (b.lower, b.upper):
        return False
    if not same_population(a, b):
        return False
    if a.place and b.place and a.place != b.place:
        return False  # periods are free text ('since the start of the offensive', 'the past 75 days'): not compared
    pa, pb = _point(a), _point(b)
    if pa is None or pb is None or min(pa, pb) <= 0:
        return False
    return max(pa, pb) / min(pa, pb) <= float(flag_rules()["disagreement_max_ratio"])


def figure_disagreement_flags(analysis: Analysis) -> list[Flag]:
    """One flag per group of figures that count the same thing differently from different sources."""
    figures = analysis.record.figures
    groups: list[set[int]] = []
    for i in range(len(figures)):
        for j in range(i + 1, len(figures)):
            if disagree(figures[i], figures[j]):
                joined = [g for g in groups if i in g or j in g]
                merged = {i, j}.union(*joined)
                groups = [g for g in groups if g not in joined] + [merged]
    flags = []
    for group in sorted(groups, key=min):
        members = sorted(group, key=lambda k: figures[k].start)
        claims = "; ".join(f"'{figures[k].text}' ({source_name(analysis, figures[k])})" for k in members)
        why = f"Different {figures[members[0]].category} figures for the same people from different sources: {claims}."
        main = figures[members[-1]].span
        flags.append(make_flag(
            analysis, "figure_disagreement", main, why,
            spans=[figures[k].span for k in members], figures=members, confidence=0.7,
        ))
    return flags


def sum_flags(analysis: Analysis) -> list[Flag]:
    """For every whole with parts (``part_of``): do the parts add up to it?"""
    figures = analysis.record.figures
    parts: dict[int, list[int]] = {}
    for index, figure in enumerate(figures):
        if figure.part_of is not None and 0 <= figure.part_of < len(figures) and figure.part_of != index:
            parts.setdefault(figure.part_of, []).append(index)
    flags = []
    for whole_index, part_indices in sorted(parts.items()):
        verdict = _sum_verdict(figures[whole_index], [figures[k] for k in part_indices])
        if verdict is None:
            continue
        whole = figures[whole_index]
        numbers = " + ".join(figures[k].number.text for k in part_indices)
        total = sum(figures[k].lower or 0 for k in part_indices)
        if verdict:
            why = f"{numbers} = {total}: the parts add up to the whole ({whole.number.text})."
        else:
            why = f"{numbers} = {total}, but the whole is given as {whole.number.text}: the parts do not add up."
        flags.append(make_flag(
            analysis, "sum_consistent" if verdict else "sum_inconsistent", whole.span, why,
            spans=[whole.span, *(figures[k].span for k in part_indices)],
            figures=[whole_index, *part_indices], confidence=0.9 if verdict else 0.75,
        ))
    return flags


def _sum_verdict(whole: Figure, parts: list[Figure]) -> bool | None:
    """True when the parts add up, False when they cannot, None when bounds leave it open."""
    exact = [f for f in (whole, *parts) if not f.approx and f.lower is not None and f.lower == f.upper]
    if len(exact) == len(parts) + 1:
        total = sum(p.lower or 0 for p in parts)
        if total == whole.lower:
            return True
        return False if total > (whole.lower or 0) or len(parts) > 1 else None
    lowest = sum(p.lower or 0 for p in parts)
    if whole.upper is not None and lowest > whole.upper:
        return False
    return None


def unattributed_flags(analysis: Analysis) -> list[Flag]:
    """Casualty figures in the article's own voice with no source, one flag per sentence."""
    rules = flag_rules()
    by_sentence: dict[int, list[int]] = {}
    for index, figure in enumerate(analysis.record.figures):
        if figure.category not in rules["casualty_categories"] or figure.source is not None:
            continue
        if figure.modality == "negated" or analysis.quote_at(figure.start, figure.end) is not None:
            continue
        sentence = analysis.record.sentences[figure.sentence] if figure.sentence < len(analysis.record.sentences) else None
        if sentence and any(cue in sentence.text.lower() for cue in rules["attribution_cues"]):
            continue
        by_sentence.setdefault(figure.sentence, []).append(index)
    flags = []
    figures = analysis.record.figures
    for _, members in sorted(by_sentence.items()):
        said = " and ".join(f"'{figures[k].text}'" for k in members)
        why = f"Casualty figures stated in the article's own voice with no source named: {said}."
        flags.append(make_flag(
            analysis, "unattributed_figure", figures[members[0]].span, why,
            spans=[figures[k].span for k in members], figures=members, confidence=0.8,
        ))
    return flags
