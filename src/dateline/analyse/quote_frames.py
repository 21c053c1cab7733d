"""Where a cue phrase stands against the clause it reports, when the parser hung them oddly.

"The strike, officials said, hit …" and "If A, X argues, B" (a parenthetical cue), "As stated in the
report, …" (an "as" clause), "went on to explain how …" (an infinitive cue whose speaker is the
subject of the verb before it), "said single people would qualify" (a subject the parser took for
the cue's object), "While he acknowledged A was B, Ham noted …" (a clause the parser missed that ends
where another report begins).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dateline.analyse.quote_cues import verb_cue

if TYPE_CHECKING:
    from spacy.tokens import Token

AS_CLAUSE_DEPS = ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "advmod", "neg", "agent", "punct")
SET_OFF = (",", "--", "—", "–")
TIME_ENTITIES = ("DATE", "TIME")
ASPECT_VERBS = ("continue", "begin", "start", "proceed")
LISTENER_VERBS = ("tell", "ask", "inform", "remind", "warn", "assure", "urge")
FINITE_TAGS = ("VBD", "VBZ", "VBP")
RELATIVE_TAGS = ("WDT", "WP", "WP$")  # which, that, who, what, whose


def object_as_subject(verb: Token, clause: Token) -> Token | None:
    """The subject of a reported clause the parser took for the cue's object ("said single people
    and families would qualify": "people" parsed as the object of "said", "qualify" left without a
    subject), or None: an object between the cue and a finite clause with no subject of its own."""
    if clause.i < verb.i or verb.lemma_ in LISTENER_VERBS:
        return None
    if any(child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for child in clause.children):
        return None
    finite = clause.tag_ in FINITE_TAGS or any(child.dep_ == "aux" or child.tag_ == "MD" for child in clause.children)
    if not finite:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj" and verb.i < c.i < clause.left_edge.i]
    if objects and objects[0].pos_ in ("NOUN", "PROPN"):
        return objects[0]
    gerunds = [c for c in verb.children if is_gerund_subject(c) and verb.i < c.i < clause.left_edge.i]
    return gerunds[0] if gerunds else None  # "said having him on the ticket puts …"


def is_gerund_subject(token: Token) -> bool:
    """True for a gerund the parser hung on a cue as its complement that is the subject of the
    reported clause ("said having him on the ticket puts …"): right after the cue, without "to" or
    a subject of its own."""
    return (
        token.dep_ in ("xcomp", "csubj")
        and token.tag_ == "VBG"
        and token.i == token.head.i + 1
        and not any(child.dep_ in ("nsubj", "nsubjpass", "aux") for child in token.children)
    )


def cue_follows(head: Token, end: int) -> bool:
    """True when a cue verb with a subject of its own follows the phrase ``head`` heads before
    ``end``: the sentence goes on with another report ("…, Ham also noted …")."""
    for token in head.doc[head.right_edge.i + 1 :]:
        if token.idx >= end:
            return False
        if verb_cue(token) is not None and any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children):
            return True
    return False


def goes_on(verb: Token) -> bool:
    """True for an infinitive cue after "went on", "continued", "began" ("went on to explain how …"):
    the speaker is the subject of that verb."""
    head = verb.head
    particle = any(child.dep_ == "prt" and child.lower_ == "on" for child in head.children)
    return verb.dep_ in ("advcl", "xcomp") and (head.lemma_ in ASPECT_VERBS or (head.lemma_ == "go" and particle))


def is_parenthetical(verb: Token) -> bool:
    """True for "X said" set off inside or after the clause it reports ("The strike, officials said, hit …")."""
    has_subject = any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)
    if as_clause(verb):
        return True
    return verb.dep_ == "parataxis" and has_subject and _clause_head(verb.head).pos_ in ("VERB", "AUX")


def _clause_head(head: Token) -> Token:
    """The verb of the clause ``head`` stands in when it is that clause's subject ("The trouble
    now, he told me, is that …": the parser hung the cue on "trouble")."""
    if head.dep_ in ("nsubj", "nsubjpass") and head.i < head.head.i:
        return head.head
    return head


def as_clause(verb: Token) -> bool:
    """True for "as X said" around the clause it reports ("As stated in the report, there are …",
    "If, as I've suggested, developers benefit …", "…, as the minister told reporters"): an
    adverbial clause opened by "as" whose cue reports nothing of its own (a listener at most)."""
    if verb.dep_ != "advcl" or verb.head.pos_ not in ("VERB", "AUX") or verb.left_edge.lower_ != "as":
        return False
    if verb.left_edge.dep_ != "mark" or verb.tag_ == "VBG":  # "as she was saying goodbye": a time
        return False
    doc = verb.doc
    after = verb.right_edge.i if verb.right_edge.text in SET_OFF else verb.right_edge.i + 1  # the parser may hang the comma on the cue
    if after >= len(doc) or doc[after].text not in (*SET_OFF, "."):  # set off by a comma or dash, or ending the sentence
        return False
    for child in verb.children:
        listener = child.dep_ in ("dobj", "dative") and verb.lemma_ == "tell"
        source = child.dep_ == "prep" and child.lower_ in ("in", "by")  # "as stated in the report"
        if child.dep_ not in AS_CLAUSE_DEPS and not listener and not source and not _when_or_where(child):
            return False
    return True


def _when_or_where(child: Token) -> bool:
    """True for a time or channel adjunct of an "as" clause's cue ("as the paper reported just today",
    "as she said on CNN", "as first reported by the Post on Tuesday"); "as they reported on the
    vote" is a time clause, not an attribution."""
    if child.dep_ == "npadvmod":
        return child.ent_type_ in TIME_ENTITIES or child.lower_ in ("today", "yesterday")
    if child.dep_ != "prep" or child.lower_ not in ("on", "at", "during"):
        return False
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return bool(objects) and (objects[0].ent_type_ != "" or objects[0].pos_ == "PROPN")


def main_clause(head: Token) -> Token:
    """The clause a parenthetical "X said" reports: the main clause when the parser hung the cue on a
    leading subordinate clause ("Though A, he said, B": B's verb, whose subtree holds A)."""
    head = _clause_head(head)
    while head.dep_ == "advcl" and head.i < head.head.i:
        head = head.head
    return head


def relative_report_start(verb: Token, clause: Token) -> Token | None:
    """The first word of the reported clause after the cue when the cue stands inside a relative
    clause whose relative word the reported clause opens with ("the pumps, which the engineer said
    were under water": "were under water"; "what the unions said was a pay cut"), or None."""
    first = clause.left_edge
    if not (first.i < verb.i < clause.i and first.tag_ in RELATIVE_TAGS and first.head.i == clause.i):
        return None
    after = [token for token in clause.subtree if token.i > verb.i and not token.is_punct]
    if after and after[0].lower_ == "that" and after[0].dep_ == "mark":
        after = after[1:]
    return after[0] if after else None
