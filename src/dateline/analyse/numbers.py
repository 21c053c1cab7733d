"""The number layer: every quantity in a text with its value, range, qualifier, change, kind and unit.

``find_quantities(text)`` scans plain text (no parser needed) for numbers written in digits
("19,667", "2.5bn"), words ("twenty-one", "two dozen"), vague quantities ("tens of thousands"),
ranges ("between 30 and 40", "30-40") and qualifiers ("at least", "up to", "about"). Each
:class:`Quantity` says what kind it is: ``count``, ``percent``, ``money``, ``measure``,
``duration`` and ``age`` are quantities; ``year``, ``date``, ``time``, ``ordinal`` and
``identifier`` (model, flight, game numbers) are numbers that are not quantities.
:func:`bounds` turns a quantity into whole-number bounds by the gold README's conventions.
"""

from __future__ import annotations

import dataclasses
import functools
import re

from dateline.analyse.number_context import (
    NumberCore,
    classify_context,
    detect_change,
    prefix_qualifier,
    tokenize,
)
from dateline.analyse.number_lexicon import NumberLexicon, Qualifier, load_lexicon
from dateline.analyse.number_units import UnitReader
from dateline.analyse.number_values import QUANTITY_KINDS, Quantity, bounds, conservative_value
from dateline.analyse.number_words import is_number_word, parse_digits, words_to_number

__all__ = ["QUANTITY_KINDS", "Quantity", "bounds", "conservative_value", "find_quantities", "tokenize"]

RANGE_CONNECTORS = frozenset({"-", "–", "—", "to"})
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
NOT_ONE_BEFORE = frozenset({"no", "any", "every", "each", "the", "this", "that", "which", "same", "someone", "anyone"})
WORD_PUNCT = re.compile(r"^\W$")
YEAR_LIKE = re.compile(r"^\d{4}$")
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
CHANGE_RESTATED = re.compile(r"(?:[A-Za-z]+\s+)?(?:or|[(\[/])")  # what joins a change to its restatement
CHANGE_GAPPED = re.compile(r"(?:and|while)?\s*[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*){0,3}\s+by")  # "down 2.3%, Burlington by 2.6%"


def find_quantities(text: str, include_non_quantities: bool = False) -> list[Quantity]:
    """Every quantity in ``text`` in reading order (years, dates, times, ordinals and identifiers too
    when ``include_non_quantities``)."""
    scanner = _Scanner(text, tokenize(text), load_lexicon())
    found: list[Quantity] = []
    index = 0
    starters = _starters()
    while index < len(scanner.tokens):
        token = scanner.tokens[index]
        if token.lower not in starters and not token.text[0].isdigit() and token.text[0] != ".":
            index += 1
            continue
        result = scanner.scan_at(index)
        if result is None:
            index += 1
            continue
        quantity, index = result
        if include_non_quantities or quantity.is_quantity:
            found.append(_inherit_from_conversion(text, found[-1] if found else None, quantity))
    return found


@functools.lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    """Lower-cased tokens a quantity can start with, besides digits."""
    lex = load_lexicon()
    words = {*lex.qualifiers_by_first, *lex.vague_by_first, *lex.units, *lex.tens, *lex.scales, "a", "dozen"}
    words |= {"minus", "-", "−", "+", "."}
    words |= {tokenize(symbol)[0].lower for symbol in lex.currency_symbols}
    return frozenset(words)


_SYMBOL_PREFIXES: dict[int, tuple[NumberLexicon, frozenset[str]]] = {}


def _symbol_prefixes(lex: NumberLexicon) -> frozenset[str]:
    """Every prefix of every currency symbol of ``lex`` (computed once per lexicon)."""
    cached = _SYMBOL_PREFIXES.get(id(lex))
    if cached is None or cached[0] is not lex:
        prefixes = frozenset(symbol[:k] for symbol in lex.currency_symbols for k in range(1, len(symbol) + 1))
        cached = _SYMBOL_PREFIXES[id(lex)] = (lex, prefixes)
    return cached[1]


def _inherit_from_conversion(text: str, previous: Quantity | None, quantity: Quantity) -> Quantity:
    """A conversion in brackets or after a slash ("more than 7.5 million crowns (US $1.1 million)")
    takes the qualifier of the quantity it converts."""
    if previous is None:
        return quantity
    between = text[previous.end : quantity.start].replace(",", " ").strip()
    joined = CHANGE_RESTATED.fullmatch(between) or CHANGE_GAPPED.fullmatch(between)
    restated = quantity.bound in (None, "range") and quantity.change == "=" and joined
    if previous.change in ("up", "down") and restated:
        return dataclasses.replace(quantity, change=previous.change)  # "grew by 125,600 jobs or 2.2 per cent", "(3.6 F)"
    if quantity.bound is not None or previous.bound not in ("min", "above", "max", "below"):
        return quantity
    between = text[previous.end : quantity.start].strip()
    if between not in ("(", "/", "[") or quantity.value_to is not None:
        return quantity
    return dataclasses.replace(quantity, bound=previous.bound, change=previous.change, qualifier=previous.qualifier)


class _Scanner(UnitReader):
    """Reads one quantity starting at a token index."""

    def scan_at(self, start: int) -> tuple[Quantity, int] | None:
        """The quantity whose first token (qualifier, currency or number) is ``start``, and the next index."""
        candidates = self.lex.qualifiers_by_first.get(self.tokens[start].lower, ())
        qualifier = next((q for q in candidates if self.match(start, q.phrase)), None)
        index = start + (len(qualifier.phrase) if qualifier else 0)
        number_first = index
        sign, index = self.sign(index)
        currency, index = self.currency_prefix(index)
        if sign == 1:
            sign, index = self.sign(index)
        core = self.core(index, money=bool(currency), qualified=qualifier is not None)
        if core is None:
            return None
        if sign < 0:
            core.value = -core.value
        kind, unit, stop = self.unit(core, currency)
        change = "up" if sign == 2 else detect_change(self.tokens, start, self.lex)
        second, stop, kind, unit = self.range_after(core, qualifier, currency, change, (kind, unit, stop))
        if qualifier is not None and qualifier.bound == "range" and second is None:
            qualifier = None  # "from 50 per cent" is no range
            change = detect_change(self.tokens, number_first, self.lex)
        first = start if qualifier is not None else number_first
        if qualifier is None and (prefix := prefix_qualifier(self.tokens, number_first, self.lex)) is not None:
            qualifier, first = prefix, number_first - 2  # "sub-7 nanometer"
        if qualifier is not None and (change == "=" or qualifier.bound != "approx"):  # "rose about 2%" stays up
            change = "=" if second is not None and qualifier.change in ("<", ">") else qualifier.change  # a range is no bound
        number_stop = (second or core).stop
        if second is not None and second.value == core.value and self.lower(core.stop) == "-":
            kind = "score"  # "tied 2-2", "at 89-89"
        context_kind = classify_context(self.tokens, self.lex, core, second, first, stop, kind)
        if context_kind is not None:
            kind = context_kind
        if kind == "count" and core.vague is None and core.kind == "one" and not self.one_counts(core):
            return None
        start_char, stop_char = self.tokens[first].start, self.tokens[stop - 1].end
        number_start = self.tokens[core.first].start
        number_end = self.tokens[number_stop - 1].end
        quantity = Quantity(
            start=start_char,
            end=stop_char,
            text=self.text[start_char:stop_char],
            number_start=number_start,
            number_end=number_end,
            number_text=self.text[number_start:number_end],
            value=core.value,
            value_to=second.value if second else None,
            vague=core.vague,
            qualifier=" ".join(qualifier.phrase) if qualifier else None,
            bound=("range" if second else (qualifier.bound if qualifier else None)),
            change=change,
            kind=kind,
            unit=unit,
        )
        return quantity, stop

    def sign(self, index: int) -> tuple[int, int]:
        """A sign before a number: ("minus", "-5", "−5") gives -1, "+5" gives 2 (a rise), else 1."""
        word = self.lower(index)
        if word == "minus":
            index += 1
            if self.lower(index) in ("-", "−") and self.glued(index + 1):
                index += 1
            return -1, index
        nxt = self.tokens[index + 1].text if index + 1 < len(self.tokens) else ""
        if word in ("-", "−", "+") and self.glued(index + 1) and nxt[:1].isdigit():
            before = self.tokens[index - 1].text if index > 0 else ""
            if self.glued(index) and before[-1:].isalnum():
                return 1, index
            return (2 if word == "+" else -1), index + 1
        return 1, index

    def currency_prefix(self, index: int) -> tuple[str | None, int]:
        """A currency symbol or code before a number ("$", "US$", "€", "Rs"), and the index after it."""
        if index >= len(self.tokens) or self.tokens[index].text not in _symbol_prefixes(self.lex):
            return None, index  # no symbol starts with this token
        for width in (3, 2, 1):
            pieces = self.tokens[index : index + width]
            if len(pieces) < width or index + width >= len(self.tokens):
                continue
            joined = "".join(t.text for t in pieces) if all(self.glued(index + k) for k in range(1, width)) else None
            spaced = " ".join(t.text for t in pieces)
            for candidate in (joined, spaced):
                if candidate and candidate in self.lex.currency_symbols:
                    after = self.tokens[index + width]
                    if after.text[0].isdigit() or after.text[0] in ".-−":
                        return self.lex.currency_symbols[candidate], index + width
        return None, index

    def core(self, index: int, money: bool = False, qualified: bool = False) -> NumberCore | None:
        """The number itself at ``index``: digits (with a scale), number words, or a vague quantity."""
        if index >= len(self.tokens):
            return None
        token = self.tokens[index]
        if token.text[0].isdigit() or (token.text[0] == "." and len(token.text) > 1):
            return self.digit_core(index, money)
        vague = next((v for v in self.lex.vague_by_first.get(token.lower, ()) if self.match(index, v.phrase)), None)
        if vague is not None:
            return NumberCore(float(vague.cqe[0]), index, index + len(vague.phrase), vague=vague)
        return self.word_core(index, qualified)

    def digit_core(self, index: int, money: bool) -> NumberCore | None:
        value = parse_digits(self.tokens[index].text)
        if value is None:
            return None
        core = NumberCore(value, index, index + 1)
        power = self.power_of_ten(core.stop)
        if power is not None:  # "2.998×10−8", "3 x 10^8", "6×10²³"
            return NumberCore(value * 10.0 ** power[0], index, power[1])
        after = core.stop
        if self.lower(after) in ("/", "⁄") and self.glued(after) and self.glued(after + 1):
            denominator = parse_digits(self.tokens[after + 1].text) if after + 1 < len(self.tokens) else None
            small = denominator and value < denominator and denominator in (2, 3, 4, 5, 8, 10, 16, 32, 64, 100, 128)
            if denominator and (self.lower(after + 2) == "of" or small):
                return NumberCore(value / denominator, index, after + 2, kind="fraction")
            core.kind = "identifier"
            return core
        if after < len(self.tokens) and self.glued(after) and self.tokens[after].text.isalpha():
            self.glued_suffix(core, self.tokens[after].text, money)
            return core
        while self.lower(core.stop) in self.lex.scales or self.lower(core.stop) in ("bn", "mn", "tn"):
            scale = self.lex.scale_abbreviations.get(self.lower(core.stop), self.lex.scales.get(self.lower(core.stop), 1))
            core.scale *= scale
            core.value *= scale
            core.stop += 1
        return core

    def power_of_ten(self, index: int) -> tuple[int, int] | None:
        """The exponent of a "×10^n" written after a mantissa at ``index``, and the index after it."""
        if self.lower(index) not in ("×", "x", "*") or self.text_at(index + 1) != "10" or not self.glued(index + 2):
            return None
        superscript = self.text_at(index + 2).translate(SUPERSCRIPTS)
        if superscript.lstrip("-").isdigit() and superscript != self.text_at(index + 2):
            return int(superscript), index + 3
        at = index + 2 + (self.lower(index + 2) == "^")
        sign = -1 if self.lower(at) in ("-", "−") else 1
        at += self.lower(at) in ("-", "−", "+")
        if at == index + 2 or not self.glued(at) or not self.text_at(at).isdigit():
            return None
        return sign * int(self.text_at(at)), at + 1

    def glued_suffix(self, core: NumberCore, suffix: str, money: bool) -> None:
        """Read letters glued to digits: a scale ("2.5bn", "$3m"), an ordinal, a unit, or an identifier."""
        lowered, after = suffix.lower(), core.stop
        if lowered in self.lex.scale_abbreviations and (money or suffix != "m"):
            core.scale = self.lex.scale_abbreviations[lowered]
            core.value *= core.scale
            core.stop = after + 1
        elif lowered in ORDINAL_SUFFIXES:
            core.kind, core.stop = "ordinal", after + 1
        elif lowered in ("am", "pm"):
            core.kind, core.stop = "time", after + 1
        elif any(self.match(after, p) for p in self.lex.percent_words):
            return
        elif suffix in self.lex.measure_units or (len(suffix) > 2 and lowered in self.lex.measure_units) or lowered in self.lex.duration_units or lowered in self.lex.cent_words:
            core.glued_unit, core.stop = suffix, after + 1
        else:
            core.kind, core.stop = "identifier", after + 1

    def word_core(self, index: int, qualified: bool) -> NumberCore | None:
        words: list[str] = []
        stop = index
        while stop < len(self.tokens):
            word = self.lower(stop)
            if is_number_word(word) or (word == "a" and not words) or (word == "and" and words and is_number_word(self.lower(stop + 1)) and words[-1] in ("hundred", "thousand", "million", "billion")):
                words.append(word)
            elif word == "and" and words and words != ["a"] and self.match(stop, ("and", "a", "half")):
                words.extend(["and", "a", "half"])
                stop += 3
                break
            elif not (word == "-" and words and self.glued(stop) and self.glued(stop + 1) and is_number_word(self.lower(stop + 1))):
                break
            stop += 1
        fraction = self.fraction(words, stop, qualified)
        if fraction is not None:
            return NumberCore(fraction[0], index, fraction[1], kind="fraction")
        if not words or words in (["a"], ["dozen"]) or (words[0] == "a" and len(words) > 1 and words[1] not in self.lex.scales and words[1] != "dozen"):
            return None
        value = words_to_number(words)
        if value is None:
            return None
        core = NumberCore(value, index, stop, kind="one" if words == ["one"] else None)
        if self.lower(stop) in ("bn", "mn", "tn"):
            core.scale = self.lex.scale_abbreviations[self.lower(stop)]
            core.value *= core.scale
            core.stop = stop + 1
        if self.match(core.stop, ("out", "of")):
            whole = self.core(core.stop + 2)
            if whole is not None and whole.vague is None and whole.value and not self.tokens[whole.stop - 1].text.isdigit():
                return NumberCore(core.value / whole.value, index, whole.stop, kind="fraction")
        return core

    def fraction(self, words: list[str], stop: int, qualified: bool) -> tuple[float, int] | None:
        """A fraction in words ("a third", "two-thirds", "almost half"): its value and end index."""
        numerator = 1.0 if words in ([], ["a"]) else (words_to_number(words) if words else None)
        at = stop + 1 if self.lower(stop) == "-" and words and self.glued(stop) else stop
        denominator = self.lex.fractions.get(self.lower(at))
        if numerator is None or denominator is None or (self.lower(at + 1) == "-" and self.glued(at + 1)):
            return None
        if not words and not (qualified and self.lower(at) == "half"):
            return None
        if denominator != 2 and not words:
            return None
        return numerator / denominator, at + 1

    def one_counts(self, core: NumberCore) -> bool:
        """Whether a lone "one" is a number (not "no one", "one another", a pronoun "one.")."""
        before, after = self.lower(core.first - 1), self.lower(core.stop)
        if before in NOT_ONE_BEFORE or after in ("another", "day", "") or WORD_PUNCT.match(after):
            return False
        if after[:1].isdigit():
            return False
        return not (self.glued(core.first) and self.lower(core.first - 1) == "-")

    def range_after(
        self, core: NumberCore, qualifier: Qualifier | None, currency: str | None, change: str,
        unit: tuple[str, str | None, int],
    ) -> tuple[NumberCore | None, int, str, str | None]:
        """The other end of a range, if any ("30-40", "1 to 1.5 degrees", "5% to 7%", "from 240 to 273"),
        with the stop index, kind and unit of the whole."""
        kind, unit_name, stop = unit
        if core.vague is not None or core.kind in ("ordinal", "identifier", "time", "one", "fraction"):
            return None, stop, kind, unit_name
        bound = qualifier.bound if qualifier else None
        bare = stop == core.stop and not currency and not core.glued_unit
        positions = [core.stop] if bare else [core.stop, stop]
        if qualifier is not None and qualifier.phrase == ("from",):
            positions += [k for k in range(stop + 1, min(stop + 9, len(self.tokens))) if self.lower(k) == "to"][:1]
        if YEAR_LIKE.match(self.tokens[core.first].text) and core.scale == 1 and 1500 <= core.value <= 2199:
            positions = [p for p in positions if self.lower(p) in ("-", "–", "to") and YEAR_LIKE.match(self.text_at(p + 1))]
        for position in positions:
            from_to = qualifier is not None and qualifier.phrase == ("from",)
            if self.lower(position) == "to" and not bare and change in ("up", "down") and not from_to:
                continue
            second = self.range_end(position, bound)
            if second is None:
                continue
            second_currency = self.currency_prefix(position + 1)[0]
            if bool(second_currency) != bool(currency):
                continue
            kind2, unit2, stop2 = self.unit(second, second_currency or currency)
            if position != core.stop and not (position > stop or kind2 == kind):
                continue
            if second.scale > 1 and core.scale == 1 and core.value < second.value / second.scale:
                core.value *= second.scale
            return second, stop2, kind2, unit2 or unit_name
        return None, stop, kind, unit_name

    def range_end(self, position: int, bound: str | None) -> NumberCore | None:
        connector = self.lower(position)
        if connector == "and" and bound != "range":
            return None
        if connector not in RANGE_CONNECTORS and connector != "and":
            return None
        spaced_dash = connector in ("-", "–") and not self.glued(position) and not self.glued(position + 1)
        if connector == "-" and not spaced_dash and not (self.glued(position) and self.glued(position + 1)) and bound != "range":
            return None
        _, after = self.currency_prefix(position + 1)
        second = self.core(after)
        if second is None or second.vague is not None or second.kind in ("ordinal", "identifier", "one", "fraction"):
            return None
        return second
