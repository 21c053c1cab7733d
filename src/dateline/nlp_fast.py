"""Faster drop-in replacements for two of spaCy's rule components, with identical output.

spaCy's ``attribute_ruler`` and rule ``lemmatizer`` loop over tokens in Python and together take
about a fifth of the small English pipeline's time. Their results depend only on a few token
attributes, so these replacements read those attributes as arrays, memoise the result per
distinct key and write the arrays back. ``tests/test_nlp_fast.py`` checks on real articles that
every token's POS, morphology, tag, dependency label and lemma equal the original components'.
"""

# No "from __future__ import annotations" here: the config resolver of confection 0.1, which
# spaCy 3.8.7 uses, reads the factories' annotations at run time and cannot resolve strings.
import re
from collections.abc import Callable
from typing import Any, cast

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

TokenKey = tuple[int, int, int, int]  # LOWER, TAG, DEP, IS_SPACE hashes
AttrsUpdate = dict[str, str]
Assignment = tuple[tuple[tuple[int, int], ...], str | None]  # (column, hash) pairs, DEP label


class FastAttributeRuler:
    """Applies an AttributeRuler's patterns with the same precedence: later patterns win."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.single: list[tuple[int, Callable[[dict[str, Any]], bool], AttrsUpdate]] = []
        self.attrs: dict[int, tuple[AttrsUpdate, int]] = {}
        self.multi = Matcher(nlp.vocab)
        self.cache: dict[TokenKey, tuple[int, ...]] = {}
        self.assignments: dict[tuple[int, ...], Assignment] = {}
        # Most words are named by no pattern: they share one cache key (lower = 0).
        self.named_lowers: set[str] = set()
        self.lower_regexes: list[re.Pattern[str]] = []
        self.lower_keys: dict[int, int] = {}

    def bind(self, original: Any) -> None:
        """Take the patterns of the original AttributeRuler."""
        for number, entry in enumerate(original.patterns):
            self.attrs[number] = (dict(entry["attrs"]), int(entry.get("index", 0)))
            for sequence in entry["patterns"]:
                if len(sequence) == 1:
                    self._note_lowers(sequence[0].get("LOWER"))
                    self.single.append((number, _token_test(sequence[0]), dict(entry["attrs"])))
                else:
                    self.multi.add(str(number), [sequence])

    def _note_lowers(self, wanted: Any) -> None:
        if isinstance(wanted, str):
            self.named_lowers.add(wanted)
        elif isinstance(wanted, dict) and "IN" in wanted:
            self.named_lowers.update(wanted["IN"])
        elif isinstance(wanted, dict) and "REGEX" in wanted:
            self.lower_regexes.append(re.compile(wanted["REGEX"]))
        elif isinstance(wanted, dict):  # NOT_IN: every word must stay in the key
            self.lower_regexes.append(re.compile(""))

    def _lower_key(self, lower: int) -> int:
        key = self.lower_keys.get(lower)
        if key is None:
            text = self.vocab.strings[lower]
            named = text in self.named_lowers or any(r.search(text) for r in self.lower_regexes)
            key = self.lower_keys[lower] = lower if named else 0
        return key

    def _single_matches(self, key: TokenKey) -> tuple[int, ...]:
        matched = self.cache.get(key)
        if matched is None:
            strings = self.vocab.strings
            token = {"LOWER": strings[key[0]] if key[0] else "\x00", "TAG": strings[key[1]], "DEP": strings[key[2]], "IS_SPACE": bool(key[3])}
            matched = tuple(number for number, test, _ in self.single if test(token))
            self.cache[key] = matched
        return matched

    def __call__(self, doc: Doc) -> Doc:
        keys = doc.to_array([LOWER, TAG, DEP, IS_SPACE]).tolist()
        extra: dict[int, list[int]] = {}
        for match_id, start, end in self.multi(doc):
            number = int(self.vocab.strings[match_id])
            index = self.attrs[number][1]
            target = (start if index >= 0 else end) + index
            extra.setdefault(target, []).append(number)
        values = doc.to_array([POS, MORPH, LEMMA, TAG])
        rows: list[int] = []
        columns: list[int] = []
        hashes: list[int] = []
        rare: list[tuple[int, str]] = []
        assignments = self.assignments
        for i, key in enumerate(keys):
            matched = self._single_matches((self._lower_key(key[0]), key[1], key[2], key[3]))
            if i in extra:
                matched = tuple(sorted((*matched, *extra[i])))
            if not matched:
                continue
            assignment = assignments.get(matched) or self._assignment(matched)
            for column, value in assignment[0]:
                rows.append(i)
                columns.append(column)
                hashes.append(value)
            if assignment[1] is not None:
                rare.append((i, assignment[1]))
        if rows:
            values[rows, columns] = hashes
        doc.from_array([POS, MORPH, LEMMA, TAG], values)  # type: ignore[arg-type]
        for i, dep in rare:
            doc[i].dep_ = dep
        return doc

    def _assignment(self, matched: tuple[int, ...]) -> Assignment:
        """What a set of matched patterns writes: (column, hash) pairs and a dependency label, later
        patterns winning; the same for every token that matches the same patterns."""
        update: AttrsUpdate = {}
        for number in matched:
            update.update(self.attrs[number][0])
        pairs = tuple((column, self._hash(attr, update[attr]))
                      for column, attr in enumerate(("POS", "MORPH", "LEMMA", "TAG")) if attr in update)
        assignment = self.assignments[matched] = (pairs, update.get("DEP"))
        return assignment

    def _hash(self, attr: str, value: str) -> int:
        if attr == "POS":
            return int(self.vocab.strings[value])
        if attr == "MORPH":
            return int(self.vocab.morphology.add(value))
        return int(self.vocab.strings.add(value))


class FastLemmatizer:
    """Runs a rule Lemmatizer once per distinct (word, POS, morphology) and reuses the result.

    For most (POS, morphology) pairs the rule lemmatizer's answer does not depend on the word: base
    forms (a singular noun, an infinitive) and parts of speech without rule tables (proper nouns,
    numbers, determiners) are lower-cased or kept as they are. Those are decided once per pair, so
    a name or number seen for the first time costs a dictionary lookup, not a rule pass.
    """

    def __init__(self, nlp: Language) -> None:
        self.original: Any = None
        self.strings = nlp.vocab.strings
        self.cache: dict[tuple[int, int, int], int] = {}
        self.word_free: dict[tuple[int, int], str | None] = {}  # (POS, MORPH) -> "lower", "keep" or None

    def bind(self, original: Any) -> None:
        """Use the original rule lemmatizer (and its tables) for each new key."""
        self.original = original
        # Its rules test candidate forms against word lists of up to 57,000 entries: as sets, not
        # lists. The original is out of the pipeline, so nothing serialises the changed table.
        if original.lookups.has_table("lemma_index"):
            index = original.lookups.get_table("lemma_index")
            for pos in list(index.keys()):
                index[pos] = frozenset(index[pos])

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        cache = self.cache
        lemmas: list[int] = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma:  # already set by the attribute ruler; the original does not overwrite it
                lemmas.append(lemma)
                continue
            value = cache.get((orth, pos, morph))
            if value is None:
                value = cache[(orth, pos, morph)] = self._lemma(doc[i], orth, pos, morph)
            lemmas.append(value)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype="uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    def _lemma(self, token: Token, orth: int, pos: int, morph: int) -> int:
        if (pos, morph) not in self.word_free:
            self.word_free[(pos, morph)] = self._word_free_rule(token)
        rule = self.word_free[(pos, morph)]
        if rule == "keep":
            return orth
        if rule == "lower":
            return int(self.strings.add(token.text.lower()))
        return int(self.strings.add(self.original.lemmatize(token)[0]))

    def _word_free_rule(self, token: Token) -> str | None:
        """How the rule lemmatizer treats every word with this token's POS and morphology, when
        that does not depend on the word: the order of its own tests (spacy.pipeline.Lemmatizer)."""
        univ_pos = token.pos_.lower()
        if univ_pos in ("eol", "space"):
            return "lower"
        if not univ_pos:
            return None  # left to the original, which warns about the missing POS
        if self.original.is_base_form(token):
            return "lower"
        lookups = self.original.lookups
        if not any(lookups.get_table(name, {}).get(univ_pos) for name in ("lemma_index", "lemma_exc", "lemma_rules")):
            return "keep" if univ_pos == "propn" else "lower"
        return None


@Language.factory("dateline_fast_attribute_ruler")
def make_fast_attribute_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    """An unbound FastAttributeRuler; :func:`speed_up` binds it to the original's patterns."""
    return FastAttributeRuler(nlp)


@Language.factory("dateline_fast_lemmatizer")
def make_fast_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    """An unbound FastLemmatizer; :func:`speed_up` binds it to the original lemmatizer."""
    return FastLemmatizer(nlp)


def speed_up(nlp: Language) -> Language:
    """Swap the pipeline's attribute_ruler and rule lemmatizer for the memoising versions."""
    if "attribute_ruler" in nlp.pipe_names:
        original = nlp.get_pipe("attribute_ruler")
        cast(FastAttributeRuler, nlp.replace_pipe("attribute_ruler", "dateline_fast_attribute_ruler")).bind(original)
    if "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
        original = nlp.get_pipe("lemmatizer")
        cast(FastLemmatizer, nlp.replace_pipe("lemmatizer", "dateline_fast_lemmatizer")).bind(original)
    return nlp


def _token_test(constraints: dict[str, Any]) -> Callable[[dict[str, Any]], bool]:
    tests: list[Callable[[dict[str, Any]], bool]] = []
    for attr, wanted in constraints.items():
        tests.append(_value_test(attr, wanted))
    return lambda token: all(test(token) for test in tests)


def _value_test(attr: str, wanted: Any) -> Callable[[dict[str, Any]], bool]:
    if isinstance(wanted, dict):
        if "IN" in wanted:
            allowed = set(wanted["IN"])
            return lambda token: token[attr] in allowed
        if "NOT_IN" in wanted:
            refused = set(wanted["NOT_IN"])
            return lambda token: token[attr] not in refused
        if "REGEX" in wanted:
            pattern = re.compile(wanted["REGEX"])
            return lambda token: pattern.search(token[attr]) is not None
        raise ValueError(f"unsupported attribute_ruler constraint {wanted!r}")
    return lambda token: token[attr] == wanted
