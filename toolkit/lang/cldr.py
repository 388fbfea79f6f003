"""Names from CLDR through Babel (a dependency already): months, weekdays and countries, for the
language data modules. What CLDR lacks is added by hand in those modules, with a comment."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=None)
def _locale(name: str):  # -> babel.Locale
    from babel import Locale

    return Locale.parse(name)


def month_names(*locales: str, abbreviated: bool = False) -> dict[str, int]:
    """Month name -> 1..12: the wide names of each locale, in the format and stand-alone
    contexts, and with ``abbreviated`` the short ones too, without their full stop ('févr.' is
    written 'févr' as a word; a full stop after it is read by the date finder)."""
    names: dict[str, int] = {}
    widths = ("wide", "abbreviated") if abbreviated else ("wide",)
    for name in locales:
        months = _locale(name).months
        for context in ("format", "stand-alone"):
            for width in widths:
                for number, month in months[context][width].items():
                    names.setdefault(month.rstrip("."), number)
    return names


def weekday_names(*locales: str) -> dict[str, int]:
    """Weekday name -> 0 (Monday)..6, the wide names of each locale (short ones are everyday
    words too: 'Sat', 'Sun', 'Wed')."""
    names: dict[str, int] = {}
    for name in locales:
        days = _locale(name).days
        for context in ("format", "stand-alone"):
            for number, day in days[context]["wide"].items():
                names.setdefault(day, number)
    return names


def months_in_order(name: str) -> list[str]:
    """The wide month names of a locale, January first."""
    months = _locale(name).months["format"]["wide"]
    return [months[n] for n in range(1, 13)]


def weekdays_in_order(name: str) -> list[str]:
    """The wide weekday names of a locale, Monday first."""
    days = _locale(name).days["format"]["wide"]
    return [days[n] for n in range(7)]


def territory_names(name: str) -> list[tuple[str, str]]:
    """(country name, ISO 3166 code) in this locale, in CLDR's order (regions and groupings left out)."""
    return [(country, iso) for iso, country in _locale(name).territories.items() if iso.isalpha() and len(iso) == 2]
