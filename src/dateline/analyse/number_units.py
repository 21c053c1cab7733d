"""Reading what follows a number: percent, currency, age, duration, measure or counted noun."""

from __future__ import annotations

from dateline.analyse.number_context import NumberCore, Token
from dateline.analyse.number_lexicon import NumberLexicon

AGE_PHRASES = (
    ("-", "year", "-", "old"), ("-", "years", "-", "old"), ("year", "-", "old"), ("years", "-", "old"),
    ("years", "old"), ("year", "old"), ("-", "month", "-", "old"), ("month", "-", "old"), ("months", "old"),
)


class UnitReader:
    """A cursor over the tokens of one text that reads the unit after a number."""

    def __init__(self, text: str, tokens: list[Token], lexicon: NumberLexicon) -> None:
        self.text = text
        self.tokens = tokens
        self.lex = lexicon

    def lower(self, index: int) -> str:
        return self.tokens[index].lower if 0 <= index < len(self.tokens) else ""

    def text_at(self, index: int) -> str:
        return self.tokens[index].text if 0 <= index < len(self.tokens) else ""

    def glued(self, index: int) -> bool:
        """Whether token ``index`` touches the token before it."""
        return 0 < index < len(self.tokens) and self.tokens[index].start == self.tokens[index - 1].end

    def match(self, index: int, phrase: tuple[str, ...]) -> bool:
        return all(self.lower(index + offset) == word for offset, word in enumerate(phrase))

    def unit(self, core: NumberCore, currency: str | None) -> tuple[str, str | None, int]:
        """The kind, unit and end index of a quantity whose number ends at ``core.stop``."""
        stop = core.stop
        if core.kind == "fraction":
            return "fraction", None, stop
        percent = next((p for p in self.lex.percent_words if self.match(stop, p)), None)
        if percent is not None:
            return "percent", "%", stop + len(percent)
        if currency:
            if self.lower(stop) in ("m", "k", "b", "bn", "mn", "tn") and core.scale == 1:
                core.scale = self.lex.scale_abbreviations[self.lower(stop)]
                core.value *= core.scale
                return "money", currency, stop + 1
            return "money", currency, stop
        for width in (0, 1, 2, 3, 4):
            word = self.lower(stop + width)
            if width and not all(t.text[:1].isupper() or t.text == "." for t in self.tokens[stop : stop + width]):
                break
            if word in self.lex.currency_words and (width == 0 or self.tokens[stop].text[:1].isupper()):
                if word in ("p", "won", "rand", "pound", "pounds") and width == 0:
                    break
                code = self.lex.currency_words[word] if width == 0 else self.text[self.tokens[stop].start : self.tokens[stop + width].end]
                return "money", code, stop + width + 1
        age = self._age_end(stop)
        if age is not None:
            return "age", "year-old", age
        if core.glued_unit:
            glued = core.glued_unit
            if glued.lower() in self.lex.cent_words:
                return "money", glued, stop
            return ("duration" if glued.lower() in self.lex.duration_units else "measure"), glued, stop
        if self.lower(stop) == "-" and self.glued(stop) and self.glued(stop + 1):
            modifier = self.tokens[stop + 1].text if stop + 1 < len(self.tokens) else ""
            if modifier.lower() in self.lex.duration_units:
                return "period", modifier.lower(), stop + 2
            if modifier in self.lex.measure_units or modifier.lower() in self.lex.measure_units:
                return "measure", modifier, stop + 2
            if modifier.lower() in self.lex.currency_words and len(modifier) > 1:
                return "money", self.lex.currency_words[modifier.lower()], stop + 2
        word = self.lower(stop)
        if word in self.lex.duration_units:
            return "duration", word, stop + 1
        if stop < len(self.tokens) and (self.tokens[stop].text in self.lex.measure_units or (len(word) > 2 and word in self.lex.measure_units)):
            return "measure", self.tokens[stop].text, stop + 1
        if word == "of" and stop + 1 < len(self.tokens) and self.tokens[stop + 1].text.isalpha():
            return "count", self.tokens[stop + 1].text, stop
        if stop < len(self.tokens) and self.tokens[stop].text.isalpha() and self.tokens[stop].text.islower():
            return "count", self.tokens[stop].text, stop
        return "count", None, stop

    def _age_end(self, stop: int) -> int | None:
        for phrase in AGE_PHRASES:
            if self.match(stop, phrase):
                return stop + len(phrase)
        return None
