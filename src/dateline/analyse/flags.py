"""The flags extractor: what in the article a reader should check — conflicting roles, disagreeing
or unattributed figures, parts that do (not) add up to their whole, and broken sentences."""

from __future__ import annotations

from dateline.analyse.base import Analysis, Extractor
from dateline.analyse.flag_common import NAME, VERSION
from dateline.analyse.flag_figures import figure_disagreement_flags, sum_flags, unattributed_flags
from dateline.analyse.flag_roles import role_conflict_flags
from dateline.analyse.flag_sentences import broken_sentence_flags

RULES = (role_conflict_flags, figure_disagreement_flags, sum_flags, unattributed_flags, broken_sentence_flags)


def extract(analysis: Analysis) -> None:
    """Append every flag the rules find, in rule order, to ``analysis.record.flags``."""
    for rule in RULES:
        analysis.record.flags.extend(rule(analysis))


EXTRACTOR = Extractor(
    name=NAME, version=VERSION, needs=("entities", "figures", "quotes"), writes=("flags",), run=extract
)
