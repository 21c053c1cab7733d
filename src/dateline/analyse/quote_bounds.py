"""Trailing adjuncts that are the writer's words, not the speaker's: cut from a reported content.

"X said the vote was rigged, without offering any evidence": the comma-led "without …" phrase,
a comma-led participle that attributes words itself (", saying …", ", citing …"), a comma-led
concession (", although it may take days to …"), a
non-restrictive relative clause (", which …", ", who …"), a set-off noun phrase with "a"/"one"
that sums the clause up (", a move that survived court challenges") and a conjoined speech verb of
the writer's ("he said he would order a review and warned against hackers") at the end of a
reported clause are the writer's. A non-clausal content ("criticised the act as a 'crazy system'
during a stop in Flint") also loses the cue verb's adverbial clauses and time adjuncts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.analyse.quote_candidates import SET_OFF, is_set_off, own_subject, trim, word_count
from dateline.analyse.quote_cues import ALL_KINDS, SPEECH_KINDS, lexicon, verb_cue
from dateline.analyse.quote_marks import leaves_double_open
from dateline.analyse.quote_tails import writer_tail

if TYPE_CHECKING:
    from spacy.tokens import Token

    from dateline.analyse.base import Analysis

SUMMING_UP = ("a", "an", "one")  # ", a move that …", ", one that will …": the writer sums the clause up
RELATIVE_WORDS = ("which", "who")
COMMENT_PREPOSITIONS = ("without",)
CONCESSIVE_WORDS = ("although", "though")  # ", although it may take days …": the writer's concession
ADJUNCT_PREPOSITIONS = ("during", "after", "before", "since", "amid")
REASON_WORDS = ("because", "until", "unless", "if")  # an adverbial clause of the speaker's reasoning
MIN_KEPT_WORDS = 2
TENSE_AUXILIARIES = ("have", "will", "would", "be")
DANGLING = ("ADP", "SCONJ", "DET", "CCONJ", "PUNCT")  # words a cut content must not end with


def _is_cue(token: Token) -> bool:
    """True for a participle that attributes words itself ("saying", "adding", "citing")."""
    return verb_cue(token, ALL_KINDS) is not None or token.lower_ in lexicon().prepositional


def _writer_conjunct(token: Token) -> bool:
    """True for "… and warned X": a finite verb without a subject of its own, hung on the reported
    clause by the parser that is a speech cue itself: the writer goes on reporting the speaker. A
    verb of belief or wish ("said she was tired of it and wanted a candidate who …") goes on with
    the speaker's own account and stays."""
    if token.tag_ not in ("VBD", "VBZ") or token.head.pos_ not in ("VERB", "AUX"):
        return False
    if any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in token.children):
        return False
    return verb_cue(token, SPEECH_KINDS) is not None or _own_tense(token)


def _own_tense(token: Token) -> bool:
    """True for a past-tense conjunct that cannot share its head's auxiliary or copula ("said he'd
    battled through pneumonia and called it common", "stated that voters were ex-cons and then
    purged them"): it is the writer's next predicate of the speaker, not part of the clause."""
    if token.tag_ != "VBD" or token.pos_ != "VERB" or token.nbor(-1).lower_ not in ("and", "then"):
        return False
    head = token.head
    if head.dep_ in ("relcl", "acl"):  # "the time it had set up … and represented …": the parser's guess
        return False
    if head.pos_ == "AUX" and head.lemma_ == "be":
        return True
    return any(
        child.dep_ == "aux" and (child.lemma_ in TENSE_AUXILIARIES or child.lower_ in ("'d", "’d"))
        for child in head.children
    )


def _writer_adjunct(token: Token, phrasal: bool, start: int) -> bool:
    """True when the phrase headed by ``token`` is an adjunct the writer added."""
    dep, first = token.dep_, token.left_edge.lower_
    if is_set_off(token):
        if dep == "relcl" and first in RELATIVE_WORDS:
            return True
        if dep == "advcl" and token.tag_ == "VBG" and first == token.lower_ and _is_cue(token):
            return True
        if dep == "prep" and token.lower_ in COMMENT_PREPOSITIONS:
            return True
        if dep == "advcl" and first in CONCESSIVE_WORDS:
            return True
        if _summing_up(token, start):
            return True
    if dep == "conj" and _writer_conjunct(token):
        return True
    if writer_tail(token, start):
        return True
    if not phrasal:
        return False
    if dep in ("advcl", "npadvmod"):
        return not (_gerund_clause(token) or _of_content_verb(token, start))
    adjunct = dep == "prep" and token.lower_ in ADJUNCT_PREPOSITIONS and token.head.pos_ == "VERB"
    return adjunct and not _of_inner_clause(token, start)


def _summing_up(token: Token, start: int) -> bool:
    """True for a set-off noun phrase opened by "a"/"an"/"one" that ends a reported clause and sums
    it up ("said it would slash 30,000 jobs, a mass layoff rivaling …", "— a milepost Obama hit in
    2014"), wherever the parser hung it; not one that takes up a noun of the clause ("is in decline
    — a decline that took hold …": the speaker's own elaboration)."""
    if token.dep_ not in ("appos", "npadvmod", "dep") or token.pos_ != "NOUN":
        return False
    if token.left_edge.lower_ not in SUMMING_UP:
        return False
    before = token.doc[: token.left_edge.i]
    return not any(word.idx >= start and word.lemma_ == token.lemma_ for word in before)


def _of_content_verb(token: Token, start: int) -> bool:
    """True for an adverbial clause or phrase of a verb inside a non-clausal content ("vowed to pull
    out of NATO if he is elected", "urged him not to back down until …"): it belongs to what is said, not
    to the cue verb before the content. A set-off participle (", leaving Cleveland nervous …")
    is still the writer's."""
    return token.head.idx >= start and not (token.tag_ == "VBG" and is_set_off(token))


def _gerund_clause(token: Token) -> bool:
    """True for an adverbial clause of a gerund that a preposition of the content governs ("accused
    him of dozing when the fouls piled up"): it is said of the gerund, not of the cue verb."""
    head = token.head
    return token.dep_ == "advcl" and head.tag_ == "VBG" and head.dep_ == "pcomp"


def _of_inner_clause(token: Token, start: int) -> bool:
    """True for a phrase that modifies a verb with a subject of its own inside the content ("of
    dozing when the fouls piled up during the second half"): that clause's, not the cue verb's."""
    head = token.head
    return head.idx >= start and head.pos_ in ("VERB", "AUX") and own_subject(head) is not None


def continued_clause(verb: Token, clause: Token) -> Token | None:
    """A second reported clause the parser hung on the cue verb instead of the first one, or None.

    "He said it was too early, and there was no evidence": a conjunct of the cue verb after its
    clause continues the content when it cannot be the writer's own predicate of the speaker: it is
    not a cue itself (a modal one is none: "says it would depress revenue but would add …") and
    either has no tense of its own ("said she wanted to speak and let them know") or repeats the
    clause's subject ("it will have …, and it will all be done") or is "there is/was". A second
    complement right after the first one, with no punctuation between, is the rest of it ("suggests
    the government understands it needs a plan in case its partner were to …", "said he wants to
    attack provisions that address …"), and so is a clause with a "that" of its own after it
    ("said that wages would fall, but that overtime pay would offset the loss").
    """
    clause_subject = own_subject(clause)
    for child in verb.rights:
        if child.i > clause.right_edge.i and _second_that_clause(child):
            return child
        if child.dep_ == "ccomp" and child.i > clause.i and child.left_edge.i == clause.right_edge.i + 1:
            return None if verb_cue(child, ALL_KINDS) is not None else child
        modal = any(grand.dep_ == "aux" and grand.tag_ == "MD" for grand in child.children)
        if child.dep_ != "conj" or child.i < clause.i or (verb_cue(child, ALL_KINDS) is not None and not modal):
            continue
        if child.pos_ not in ("VERB", "AUX"):
            return None
        subject = own_subject(child)
        if subject is None:
            untensed = child.tag_ == "VB" or (modal and verb.tag_ in ("VBD", "VBZ", "VBP"))
            return child if untensed else None
        repeated = clause_subject is not None and subject.lower_ == clause_subject.lower_ and subject.pos_ == "PRON"
        return child if repeated or subject.dep_ == "expl" else None
    return None


def _second_that_clause(token: Token) -> bool:
    """True for a clause opened by its own "that" after the reported one ("said that wages would
    fall, but that overtime pay would offset the loss", "and that …"): the "that" repeats the
    report."""
    if token.dep_ not in ("conj", "ccomp"):
        return False
    return any(child.dep_ == "mark" and child.lower_ == "that" and child.i < token.i for child in token.children)


def quoted_continuation(verb: Token, clause: Token, inside: bytearray) -> Token | None:
    """A conjunct or adjunct the parser hung on the cue verb after its clause that holds the
    speaker's words in quotation marks, or None: "claims that fraud is “a big problem” but “nobody
    talks about it”", "said it brought back memories of her father, and of “all the people who …”".
    It must hold no cue and be no participle, and a conjunct with a subject of its own must open
    with the quote (``inside`` marks the characters inside quotation marks)."""
    for child in verb.rights:
        if child.i <= clause.right_edge.i or child.dep_ not in ("conj", "advcl", "prep"):
            continue
        if child.tag_ in ("VBG", "VBN"):  # ", referencing its “cross-selling”": the writer's participle
            return None
        tokens = list(child.subtree)
        if not any(inside[token.idx] for token in tokens) or any(verb_cue(t, ALL_KINDS) for t in tokens):
            return None
        if own_subject(child) is not None and not inside[child.left_edge.idx]:
            return None
        return child
    return None


def clause_after_cue(verb: Token, clause: Token, inside: bytearray) -> Token | None:
    """The second clause of "A, the agency said in a report, and B": a clause with a subject of its
    own, joined to a cue that follows the reported clause by ", and"/", but", that is no cue itself,
    or None. Not after a direct quote (“…,” she said, and the crowd cheered)."""
    if clause.i > verb.i or inside[clause.idx]:
        return None
    for child in verb.rights:
        if child.dep_ != "conj" or child.pos_ not in ("VERB", "AUX"):
            continue
        first = child.left_edge
        joined = first.i >= 2 and first.nbor(-1).dep_ == "cc" and first.nbor(-2).text == ","
        if not joined or own_subject(child) is None or verb_cue(child, ALL_KINDS) is not None:
            return None
        return child
    return None


def reason_clause(verb: Token, clause: Token) -> Token | None:
    """A clause of the speaker's reasoning the parser hung on the cue verb after its reported clause,
    or None: "said that claim smacked of hypocrisy, because Democrats have …", "said it would stay
    open until the money ran out". It opens with one of ``REASON_WORDS``, has a subject of its own
    and is no cue itself."""
    if clause.i < verb.i:
        return None
    for child in verb.rights:
        if child.i <= clause.right_edge.i or child.dep_ != "advcl":
            continue
        first = child.left_edge
        between = child.doc[clause.right_edge.i + 1 : first.i]
        if first.dep_ != "mark" or first.lower_ not in REASON_WORDS or first.head.i != child.i:
            return None
        if any(token.is_quote for token in between):  # '“Don't,” she says until …': the writer's
            return None
        if own_subject(child) is None or verb_cue(child, ALL_KINDS) is not None:
            return None
        return child
    return None


def _opens_time_adjunct(token: Token, start: int, end: int) -> bool:
    """True for the first word of a time phrase that modifies no verb of the content ("… as a
    disgrace Wednesday"; not "failing to make clear earlier Friday", not "this year's debate")."""
    if token.ent_type_ not in ("DATE", "TIME") or token.ent_iob_ != "B":
        return False
    root = token  # the phrase's head word: climb inside the entity
    while root.head.i != root.i and root.head.ent_iob_ == "I" and root.head.ent_type_ == token.ent_type_:
        root = root.head
    if root.dep_ in ("poss", "compound", "amod", "nmod"):
        return False
    if root.dep_ == "pobj" and _of_inner_clause(root.head, start):  # "when the fouls piled up during the half"
        return False
    head_inside = start <= root.head.idx < end
    return not (head_inside and root.head.pos_ in ("VERB", "AUX"))


def _before_time_or_aside(analysis: Analysis, tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """A non-clausal content up to a time phrase or a dashed aside, wherever the parser hung it
    ("blasted Clinton as a “disgrace” Wednesday on …", "as a “crazy system” during a stop in …")."""
    for token in tokens[MIN_KEPT_WORDS:]:
        adjunct = token.dep_ == "prep" and token.lower_ in ADJUNCT_PREPOSITIONS and not _of_inner_clause(token, start)
        aside = token.text in ("—", "–", "--") and token.nbor(-1).text not in SET_OFF
        if _opens_time_adjunct(token, start, end) or adjunct or aside:
            first = token
            while first.i > tokens[0].i and first.nbor(-1).pos_ in DANGLING:
                first = first.nbor(-1)
            cut = trim(analysis.text, start, first.idx)
            if word_count(analysis.text[cut[0] : cut[1]]) >= MIN_KEPT_WORDS:
                return cut
    return start, end


def _before_semicolon_clause(analysis: Analysis, tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """A reported clause up to a semicolon outside quotation marks that opens a clause with a
    subject of its own ("said the timing was not intentional; they only learned on Friday …"):
    the writer's next sentence."""
    for token in tokens[MIN_KEPT_WORDS:-1]:
        if token.text != ";" or leaves_double_open(analysis.text[start : token.idx]):
            continue
        following = token.nbor(1)
        verb = following.head if following.dep_ in ("nsubj", "nsubjpass", "expl") else None
        if verb is not None and verb.i > token.i and verb.pos_ in ("VERB", "AUX"):
            return trim(analysis.text, start, token.idx)
    return start, end


def trim_adjuncts(analysis: Analysis, start: int, end: int, phrasal: bool = False) -> tuple[int, int]:
    """``[start, end)`` without the writer's trailing adjuncts (see the module docstring)."""
    if end <= start:
        return start, end
    tokens = analysis.tokens_starting_within(start, end)
    if not tokens:
        return start, end
    if phrasal:
        start, end = _before_time_or_aside(analysis, tokens, start, end)
        tokens = analysis.tokens_starting_within(start, end)
    else:
        start, end = _before_semicolon_clause(analysis, tokens, start, end)
        tokens = analysis.tokens_starting_within(start, end)
    last = tokens[-1].i
    for token in tokens[1:]:
        if token.right_edge.i < last or token.left_edge.idx <= start:
            continue
        if not _writer_adjunct(token, phrasal, start):
            continue
        first = token.left_edge
        while first.i > 0 and first.nbor(-1).dep_ == "cc" and first.nbor(-1).head.i == token.head.i:
            first = first.nbor(-1)
        cut = trim(analysis.text, start, first.idx)
        if word_count(analysis.text[cut[0] : cut[1]]) >= MIN_KEPT_WORDS:
            return cut
    return start, end
