"""The briefing's words: section titles and sentence templates (Dutch, English on request) and
the few helpers that turn a signed amount into words. The words are catalogue messages under
``briefing.`` (:mod:`samen_model.present.messages.briefing`); this module reads them and keeps
the conventions they follow.

One sign convention: a saving for the municipality is positive ("besparing"), a negative net
result is "extra kosten"; the closed square is "boven" or "onder". One word per concept: "netto
resultaat", "middelste uitkomst" (the median of the computed situations), "9 van de 10
doorgerekende situaties" (5th to 95th percentile). Figures the model expects are written in the
future tense or with "naar verwachting"; only the documents' own figures are told as facts,
each with its date and whether it was counted or expected.
"""

from __future__ import annotations

from samen_model.present import formatting as fmt
from samen_model.present import messages as msg

EVEN_EUR = 50_000.0  # a closed-square deviation below this (EUR) reads as "vrijwel precies"

# The words themselves are catalogue messages under ``briefing.`` (present/messages/briefing):
# the templates per language, the section titles and the small tables below by key.
#: The section titles (and the briefing's title and subtitle), by language and section key.
TITLES: dict[str, dict[str, str]] = {lang: msg.words("briefing.title", lang)
                                     for lang in msg.LANGUAGES}
#: The sentence templates, by language and key (a value may be a row of texts).
TEXT: dict[str, dict[str, str | tuple[str, ...]]] = {lang: msg.words("briefing.text", lang)
                                                     for lang in msg.LANGUAGES}
#: Where a better figure for an uncertain assumption can come from (by parameter, else by
#: theme): the "wat meten" section names it beside the assumption.
MEASURE_WORDS: dict[str, dict[str, str]] = msg.by_key("briefing.measure")
MEASURE_THEME_WORDS: dict[str, dict[str, str]] = msg.by_key("briefing.measure_theme")


def measure_words(path: str, theme: str, language: str = "nl") -> str:
    """Where a better figure for the parameter ``path`` (of ``theme``) can come from."""
    words = MEASURE_WORDS.get(path) or MEASURE_THEME_WORDS.get(theme)
    return words[language] if words else "–"


#: What each observation is, and whether the document counted, received or expected it:
#: ``{id: {language: (label, kind)}}``, in the order the table of section 3 lists them.
OBSERVATION_WORDS: dict[str, dict[str, tuple[str, str]]] = msg.by_key("briefing.observation")
#: The words of the source around the reported figure (the figure itself is ``{reported}``).
REPORTED_WORDS: dict[str, dict[str, str]] = msg.by_key("briefing.reported")


def join(items: list[str], language: str) -> str:
    """``a, b en c`` (nl) or ``a, b and c`` (en)."""
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {t(language)['and']} " + items[-1]


def t(language: str) -> dict:
    """The sentence templates of ``language`` (``nl`` or ``en``)."""
    return TEXT[fmt.check_language(language)]


def money(x: float, language: str = "nl") -> str:
    """An amount without its sign, in millions: two decimals below € 1 mln, else one."""
    x = abs(float(x))
    return fmt.eur_mln(x, 2 if x < 995_000 else 1, language)


#: WIJ's own result (budget minus cost, positive = WIJ keeps money): (x >= 0, x < 0).
WIJ_WORDS: dict[str, tuple[str, ...]] = {lang: msg.texts("briefing.wij", lang)
                                         for lang in msg.LANGUAGES}


def wij_words(x: float, language: str = "nl") -> str:
    """WIJ's result in words: ``€ 2,5 mln overschot`` or ``€ 0,93 mln tekort``."""
    return f"{money(x, language)} {WIJ_WORDS[language][0 if x >= 0 else 1]}"


def net_words(x: float, language: str = "nl") -> str:
    """A net result in words: ``€ 4,0 mln extra kosten`` or ``€ 8,3 mln besparing``."""
    w = t(language)
    return f"{money(x, language)} {w['saving'] if x >= 0 else w['cost']}"


def _band(low: float, high: float, below: str, above: str, language: str) -> str:
    """A band of signed amounts with one direction word where both ends agree: ``tussen
    € 0,46 mln en € 13,0 mln {below}``, else each end with its own word."""
    w = t(language)
    if low >= 0:
        return w["between"].format(a=money(low, language), b=money(high, language)) + \
            f" {above}"
    if high < 0:
        return w["between"].format(a=money(high, language), b=money(low, language)) + \
            f" {below}"
    return w["between_mixed"].format(a=money(low, language), wa=below,
                                     b=money(high, language), wb=above)


def range_words(low: float, high: float, language: str = "nl") -> str:
    """A band of net results in words, one direction word where both ends agree:
    ``tussen € 0,46 mln en € 13,0 mln extra kosten``."""
    w = t(language)
    return _band(low, high, w["cost"], w["saving"], language)


def square_words(x: float, language: str = "nl") -> str:
    """A closed-square deviation (EUR, positive = more spending) in words."""
    w = t(language)
    if abs(x) < EVEN_EUR:
        return w["even"]
    return w["above" if x > 0 else "below"].format(amount=money(x, language))


def square_range_words(low: float, high: float, language: str = "nl") -> str:
    """A band of closed-square deviations in words (``tussen € 2,6 mln onder en € 2,9 mln
    boven het gesloten vierkant``)."""
    w = t(language)
    under, over = w["square_sides"]
    return w["square_band"].format(band=_band(low, high, under, over, language))


def in_ten(share: float, language: str = "nl") -> str:
    """A share of situations as a council member says it: ``7 van de 10``, ``minder dan 1 van
    de 100``."""
    w = t(language)
    if share > 0.99:
        return w["in_ten_most"]
    if share < 0.01:
        return w["in_ten_fewest"]
    n = round(10 * share)
    return w["in_ten"].format(n=n) if n >= 1 else w["in_hundred"].format(n=round(100 * share))
