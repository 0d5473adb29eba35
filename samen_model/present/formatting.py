"""Numbers as text for tables, charts and the briefing: Dutch by default, English on request.

Dutch (``language="nl"``): thousands separated by a dot, decimal comma, a space after the euro
sign, millions as ``mln``. English (``"en"``): thousands comma, decimal point, no space, ``M``.

Negative amounts put the sign in front of the euro sign, written as the true minus sign U+2212
(``−€ 1,2 mln``, ``−€1.2M``), in every function and both languages, so a minus never hides
between the euro sign and the digits. Missing values (None, NaN) become an en dash ``–``.

>>> eur(1234567)
'€ 1.234.567'
>>> eur_mln(1_234_567, 1)
'€ 1,2 mln'
>>> eur_mln(-1_234_567, 1)
'−€ 1,2 mln'
>>> eur(1234567, language="en")
'€1,234,567'
>>> eur_mln(-1_234_567, 1, language="en")
'−€1.2M'
>>> pct(0.125)
'12,5%'
>>> year(2023)
'2023'
"""

from __future__ import annotations

import math
import re
from typing import Any

from samen_model.analysis import key_figures
from samen_model.model.columns import label as _dictionary_label
from samen_model.present import messages as msg
from samen_model.present.messages import LANGUAGES, check_language  # noqa: F401 (re-exported)

MINUS = "\u2212"
MISSING = "\u2013"


def _missing(x: Any) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def number(x: float | None, decimals: int = 0, language: str = "nl") -> str:
    """A plain number with grouped thousands: ``1.234,5`` (nl) or ``1,234.5`` (en).

    >>> number(1234.5, 1)
    '1.234,5'
    >>> number(-1234.5, 1, language="en")
    '−1,234.5'
    >>> number(float("nan"))
    '–'
    """
    check_language(language)
    if _missing(x):
        return MISSING
    x = float(x)
    text = f"{abs(x):,.{decimals}f}"
    if round(abs(x), decimals) == 0:
        x = 0.0  # no "−0"
    if language == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return (MINUS if x < 0 else "") + text


def eur(x: float | None, decimals: int = 0, language: str = "nl") -> str:
    """An amount in euros, in full: ``€ 1.234.567`` (nl), ``€1,234,567`` (en).

    >>> eur(-1234567)
    '−€ 1.234.567'
    >>> eur(0.4)
    '€ 0'
    """
    body = number(x, decimals, language)
    if body == MISSING:
        return body
    sign, body = (MINUS, body[1:]) if body.startswith(MINUS) else ("", body)
    return f"{sign}€ {body}" if language == "nl" else f"{sign}€{body}"


def eur_mln(x: float | None, decimals: int = 1, language: str = "nl") -> str:
    """An amount in euros shown in millions: ``€ 1,2 mln`` (nl), ``€1.2M`` (en).

    ``x`` is in euros (not in millions).

    >>> eur_mln(4_279_560, 2)
    '€ 4,28 mln'
    >>> eur_mln(-14_201)
    '€ 0,0 mln'
    """
    body = number(None if _missing(x) else float(x) / 1e6, decimals, language)
    if body == MISSING:
        return body
    sign, body = (MINUS, body[1:]) if body.startswith(MINUS) else ("", body)
    return f"{sign}€ {body} mln" if language == "nl" else f"{sign}€{body}M"


def eur_auto(x: float | None, language: str = "nl") -> str:
    """Millions with one decimal from € 1 mln up, whole euros below (for tables and text).

    >>> eur_auto(2_500_000)
    '€ 2,5 mln'
    >>> eur_auto(250_000)
    '€ 250.000'
    """
    if _missing(x):
        return MISSING
    return eur_mln(x, 1, language) if abs(float(x)) >= 999_950 else eur(x, 0, language)


def pct(fraction: float | None, decimals: int = 1, language: str = "nl") -> str:
    """A fraction (0.125) shown as a percentage: ``12,5%`` (nl), ``12.5%`` (en).

    >>> pct(0.109, language="en")
    '10.9%'
    """
    if _missing(fraction):
        return MISSING
    return number(100.0 * float(fraction), decimals, language) + "%"


def year(y: float | int | None) -> str:
    """A calendar year without separators; NaN (e.g. no payback year) as ``–``.

    >>> year(2031.0)
    '2031'
    """
    if _missing(y):
        return MISSING
    return str(int(y))


def count(x: float | None, language: str = "nl") -> str:
    """Persons, cases or FTE rounded to whole numbers with grouped thousands.

    >>> count(1234.6)
    '1.235'
    """
    return number(x, 0, language)


def _fewest_decimals(x: float, most: int) -> int:
    """The fewest decimals (0..most) that show ``x`` without losing digits at ``most``."""
    for d in range(most + 1):
        if abs(round(x, d) - round(x, most)) < 1e-12:
            return d
    return most


def number_auto(x: float | None, language: str = "nl", most: int = 3) -> str:
    """A number with as few decimals as it needs (up to ``most``).

    >>> number_auto(52.0), number_auto(6.5), number_auto(0.0063, most=4)
    ('52', '6,5', '0,0063')
    """
    if _missing(x):
        return MISSING
    return number(x, _fewest_decimals(float(x), most), language)


def pct_auto(fraction: float | None, language: str = "nl") -> str:
    """A fraction as a percentage with as few decimals as it needs (up to two).

    >>> pct_auto(0.10), pct_auto(0.049), pct_auto(0.0063, "en")
    ('10%', '4,9%', '0.63%')
    """
    if _missing(fraction):
        return MISSING
    return number_auto(100.0 * float(fraction), language, 2) + "%"


def eur_param(x: float | None, language: str = "nl") -> str:
    """An input amount in euros: millions (at least one decimal) from € 100.000, else whole.

    >>> eur_param(46_000_000), eur_param(2_500_000), eur_param(58_000), eur_param(1_250_000)
    ('€ 46,0 mln', '€ 2,5 mln', '€ 58.000', '€ 1,25 mln')
    """
    if _missing(x):
        return MISSING
    x = float(x)
    if abs(x) < 100_000:
        return eur(x, 0, language)
    return eur_mln(x, max(1, _fewest_decimals(x / 1e6, 3)), language)


def signed_words(x: float, words: tuple[str, str], decimals: int = 2,
                 language: str = "nl") -> str:
    """An amount in millions without a sign, followed by the word for its direction.

    ``words`` = (word when ``x >= 0``, word when ``x < 0``): the sign becomes a word, so a
    reader never meets a minus before a negative quantity.

    >>> signed_words(-840_000, ("besparing", "extra kosten"))
    '€ 0,84 mln extra kosten'
    """
    return f"{eur_mln(abs(x), decimals, language)} {words[0] if x >= 0 else words[1]}"


# ---------------------------------------------------------------------- key figures
def key_figure(name: str, value: float | None, language: str = "nl") -> str:
    """One key figure (:mod:`samen_model.analysis.key_figures`) as text, by its unit.

    Euro figures in millions with two decimals (rounded to € 10.000), counts whole, years plain.

    >>> key_figure("payback_year", float("nan"))
    '–'
    >>> key_figure("deviation_transition_eur", -14_201.7)
    '−€ 0,01 mln'
    """
    check_language(language)
    unit = key_figures.unit(name)
    if unit == "eur":
        return eur_mln(value, 2, language)
    if unit == "year":
        return year(value)
    if unit == "share":
        return probability(value, language)
    return count(value, language)


def probability(p: float | None, language: str = "nl") -> str:
    """A probability (a fraction of draws) rounded to two decimals: ``0,56`` (nl), ``0.56`` (en).

    >>> probability(0.5638)
    '0,56'
    """
    return number(p, 2, language)




def output_label(name: str, language: str = "nl") -> str:
    """Label of a named output (:func:`samen_model.analysis.outputs.output`) in the chosen language.

    >>> output_label("net_savings_2026_2030")
    'Netto besparing 2026-2030'
    >>> output_label("cumulative_net_savings_2030", "en")
    'Cumulative net savings end of 2030'
    >>> output_label("fte_samen:2025")
    'Fte SAMEN. (eind) 2025'
    """
    check_language(language)
    m = re.fullmatch(r"(deviation|net_savings|cumulative_net_savings)_(\d{4})(?:_(\d{4}))?", name)
    if m:
        years = m.group(2) + (f"-{m.group(3)}" if m.group(3) else "")
        return msg.text(f"output.{m.group(1)}", language, years=years)
    m = re.fullmatch(r"([a-z0-9_]+):(\d{4}(?:-\d{4})?)", name)
    if m:
        return f"{column_label(m.group(1), language)} {m.group(2)}"
    return name.replace("_", " ")


def column_label(name: str, language: str = "nl") -> str:
    """Label of an output column: Dutch from the column dictionary, English from its name.

    >>> column_label("square_deviation_eur")
    'Afwijking gesloten vierkant'
    >>> column_label("square_deviation_eur", "en")
    'Square deviation (EUR)'
    """
    check_language(language)
    if language == "nl":
        return _dictionary_label(name, "nl")
    text = name.removesuffix("_eur").replace("_", " ")
    text = text[:1].upper() + text[1:]
    return text + " (EUR)" if name.endswith("_eur") else text
