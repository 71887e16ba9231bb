"""Relative and explicit date phrases in news prose, resolved against a briefing's date.

"on Tuesday" in a briefing dated Wednesday 7 September 2022 means 6 September 2022; "last
week" means the Monday-to-Sunday week before the briefing's week; "in August" means the most
recent August not after the briefing's month. Each rule is one alternative of ``_PHRASE_RE``
and one branch of :func:`_resolve_match`.

Choices worth knowing:

* A bare weekday ("on Tuesday", "Tuesday") is the most recent such day strictly before the
  briefing's date, except that the briefing's own weekday is the briefing's date itself
  (news copy says "on Wednesday" for today). "last Tuesday" is always strictly before.
  Future weekdays ("next Tuesday") resolve forwards. A future-tense sentence with a bare
  weekday ("will meet on Friday") still resolves to the past: tense is not analysed.
* A day and month without a year ("on 5 September", "Sept. 5") takes the year that puts the
  day in the year before the briefing's date, allowing ``_FUTURE_TOLERANCE`` days after it
  (so a late-December briefing's "January 3" is next January).
* Month names alone ("May") are never dates: a month needs a preposition ("in May"), a day,
  or a year. Years alone need a preposition ("in 2021", "since 2014").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from briefings.sourcing.model import MONTHS as _MONTHS
from briefings.sourcing.model import ResolvedDate


def _word_set(words: str) -> frozenset[str]:
    """Return the whitespace-separated words of ``words`` as a set (for readable word lists)."""
    return frozenset(words.split())


_FUTURE_TOLERANCE = timedelta(days=31)
_LONGEST_PHRASE = 48  # characters: "on Wednesday, the 30th of September, 2022" fits

_WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
# Month spellings (capitalised, as news copy writes them) -> month number.
_MONTH_NUMBERS: dict[str, int] = {
    **{name: index + 1 for index, name in enumerate(_MONTHS)},
    **{name[:3]: index + 1 for index, name in enumerate(_MONTHS) if name != "May"},
    "Sept": 9,
}
_WEEKDAY_NUMBERS: dict[str, int] = {name: index for index, name in enumerate(_WEEKDAYS)}

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# Words in (?i:...) are matched whatever their case; names of months and days are not, so
# that "may" (the verb) and "march" (the noun) never count.
_PHRASE_RE = re.compile(
    rf"""
    (?<![\w-])
    (?:
        (?P<iso>(?P<iso_y>{_YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>[0-3]\d))(?![\w-])
      | (?P<dmy>(?:(?i:on|by|since|until|from)\s+)?(?:{_WEEKDAY},?\s+)?(?:(?i:the)\s+)?
            (?P<dmy_d>{_DAY})\s+(?:(?i:of)\s+)?(?P<dmy_m>{_MONTH})(?:,?\s+(?P<dmy_y>{_YEAR}))?)
      | (?P<mdy>(?:(?i:on|by|since|until|from)\s+)?(?:{_WEEKDAY},?\s+)?
            (?P<mdy_m>{_MONTH})\s+(?P<mdy_d>{_DAY})(?![\d:])(?:,?\s+(?P<mdy_y>{_YEAR}))?)
      | (?P<my>(?:(?i:in|since|during|until|by|from|through|of|early|late|mid)\s+|(?i:mid-))?
            (?P<my_m>{_MONTH})\s+(?P<my_y>{_YEAR}))
      | (?P<rel>(?:(?i:earlier|later|early|late)\s+)?
            (?P<rel_which>(?i:last|this|next|the\s+previous|the\s+following))\s+
            (?P<rel_unit>(?i:week|month|year)))
      | (?P<earlier_in>(?i:earlier|later)\s+(?i:in|this)\s+
            (?P<ein_unit>(?i:the\s+week|the\s+month|the\s+year|week|month|year)))
      | (?P<wd>(?:(?P<wd_prep>(?i:on|last|next|this|this\s+past|this\s+coming|on\s+last))\s+)?
            (?P<wd_name>{_WEEKDAY})(?:\s+(?i:morning|afternoon|evening|night))?)
      | (?P<mon>(?P<mon_prep>(?i:(?:in|since|during|until|through|by|last|this|early|late|mid
            |earlier\s+in|later\s+in)\s+|mid-))
            (?P<mon_m>{_MONTH}))
      | (?P<yr>(?i:(?:in|since|during|until|through|by|early|late|mid)\s+|mid-)(?P<yr_y>{_YEAR}))
      | (?P<day_word>(?i:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow
            |last\s+night|this\s+(?:morning|afternoon|evening)))
    )
    (?![\w-])
    """,
    re.VERBOSE,
)


_WORD_START_RE = re.compile(r"(?<![\w-])[\w]")
_DIGIT_RE = re.compile(r"\d")
_LOWER_WORD_RE = re.compile(r"[a-z]+")
_FIRST_WORD_RE = re.compile(r"[A-Za-z]+|\d")
_LAST_WORD_RE = re.compile(r"(?:[A-Za-z]+\.?|\d)\Z")
# Words a date phrase can start or end with (besides digits); a cheap test before the regex.
_NAMES = frozenset(name.lower() for name in (*_MONTHS, *_WEEKDAYS, *_MONTH_NUMBERS))
_OPENING_WORDS = _NAMES | _word_set(
    """
    on by since until from in during through of early late mid earlier later last this next
    the yesterday today tonight tomorrow
    """
)
_CLOSING_WORDS = (
    _NAMES
    | frozenset(name.lower() + "." for name in _MONTH_NUMBERS)
    | _word_set(
        """
        week month year yesterday today tonight tomorrow night morning afternoon evening st nd
        rd th
        """
    )
)


def _day(day: date, phrase: str) -> ResolvedDate:
    """Return ``day`` at day precision."""
    return ResolvedDate(day, day, "day", phrase)


def _week(monday: date, phrase: str) -> ResolvedDate:
    """Return the Monday-to-Sunday week starting ``monday``."""
    return ResolvedDate(monday, monday + timedelta(days=6), "week", phrase)


def _month(year: int, month: int, phrase: str) -> ResolvedDate:
    """Return the whole month ``month`` of ``year``."""
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return ResolvedDate(date(year, month, 1), following - timedelta(days=1), "month", phrase)


def _year(year: int, phrase: str) -> ResolvedDate:
    """Return the whole year ``year``."""
    return ResolvedDate(date(year, 1, 1), date(year, 12, 31), "year", phrase)


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """Return ``(year, month)`` moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_number(text: str) -> int:
    """Return the number (1-12) of a month name or abbreviation ("Sept.")."""
    return _MONTH_NUMBERS[text.rstrip(".")]


def _day_number(text: str) -> int:
    """Return the day number of "5", "5th", "22nd"."""
    return int(text.rstrip("stndrh"))


def _infer_year(month: int, day: int, reference: date) -> date | None:
    """Return the day/month in the latest year not after ``reference`` + tolerance, or None."""
    for year in range(reference.year + 1, reference.year - 8, -1):  # 29 February: leap years
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference + _FUTURE_TOLERANCE:
            return candidate
    return None


def _explicit_day(year: int, month: int, day: int) -> date | None:
    """Return the date, or None when it does not exist ("31 February")."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve_weekday(prep: str, name: str, reference: date, phrase: str) -> ResolvedDate:
    """Return the weekday ``name`` nearest the reference as ``prep`` directs."""
    weekday = _WEEKDAY_NUMBERS[name]
    prep = " ".join(prep.lower().split())
    if prep in ("next", "this coming"):
        ahead = (weekday - reference.weekday()) % 7 or 7
        return _day(reference + timedelta(days=ahead), phrase)
    back = (reference.weekday() - weekday) % 7
    if back == 0 and prep in ("last", "on last", "this past"):
        back = 7
    return _day(reference - timedelta(days=back), phrase)


def _resolve_relative_unit(which: str, unit: str, reference: date, phrase: str) -> ResolvedDate:
    """Return last/this/next week, month or year around ``reference``."""
    which = " ".join(which.lower().split())
    step = {"last": -1, "the previous": -1, "this": 0, "next": 1, "the following": 1}[which]
    unit = unit.lower().split()[-1]
    if unit == "week":
        monday = reference - timedelta(days=reference.weekday())
        return _week(monday + timedelta(weeks=step), phrase)
    if unit == "month":
        return _month(*_shift_month(reference.year, reference.month, step), phrase)
    return _year(reference.year + step, phrase)


def _resolve_match(match: re.Match[str], reference: date) -> ResolvedDate | None:
    """Return the date that ``match`` (of ``_PHRASE_RE``) means in a text dated ``reference``."""
    phrase = match.group()
    group = match.group
    if group("iso"):
        day = _explicit_day(int(group("iso_y")), int(group("iso_m")), int(group("iso_d")))
        return _day(day, phrase) if day else None
    if group("dmy") or group("mdy"):
        prefix = "dmy" if group("dmy") else "mdy"
        month = _month_number(group(f"{prefix}_m"))
        day_number = _day_number(group(f"{prefix}_d"))
        year_text = group(f"{prefix}_y")
        day = (
            _explicit_day(int(year_text), month, day_number)
            if year_text
            else _infer_year(month, day_number, reference)
        )
        return _day(day, phrase) if day else None
    if group("my"):
        return _month(int(group("my_y")), _month_number(group("my_m")), phrase)
    if group("rel"):
        return _resolve_relative_unit(group("rel_which"), group("rel_unit"), reference, phrase)
    if group("earlier_in"):
        return _resolve_relative_unit("this", group("ein_unit"), reference, phrase)
    if group("wd"):
        return _resolve_weekday(group("wd_prep") or "", group("wd_name"), reference, phrase)
    if group("mon"):
        month = _month_number(group("mon_m"))
        prep = " ".join(group("mon_prep").lower().rstrip("-").split())
        year = reference.year if month <= reference.month else reference.year - 1
        if prep == "last" and month == reference.month:
            year -= 1
        elif prep == "this":
            year = reference.year
        return _month(year, month, phrase)
    if group("yr"):
        return _year(int(group("yr_y")), phrase)
    word = " ".join(phrase.lower().split())
    offsets = {"the day before yesterday": -2, "yesterday": -1, "last night": -1, "tomorrow": 1}
    return _day(reference + timedelta(days=offsets.get(word, 0)), phrase)


def find_date_phrases(
    text: str, reference: date, start: int = 0, end: int | None = None
) -> list[tuple[int, int, ResolvedDate]]:
    """Return every date phrase in ``text[start:end]`` as ``(start, end, resolved)``, in order.

    Offsets index ``text``. Phrases that look like dates but name no real day
    ("31 February") are left out.
    """
    end = len(text) if end is None else end
    found: list[tuple[int, int, ResolvedDate]] = []
    if not _may_hold_date(text[start:end]):
        return found
    for match in _PHRASE_RE.finditer(text, start, end):
        resolved = _resolve_match(match, reference)
        if resolved is not None:
            found.append((match.start(), match.end(), resolved))
    return found


def _may_hold_date(text: str) -> bool:
    """Return False when ``text`` certainly holds no date phrase (no digit, no date word)."""
    if _DIGIT_RE.search(text):
        return True
    return not _CLOSING_WORDS.isdisjoint(_LOWER_WORD_RE.findall(text.lower()))


def date_phrase_at(text: str, pos: int) -> int | None:
    """Return the end of the date phrase that starts exactly at ``pos`` in ``text``, or None.

    Only the shape is checked (no resolution), so this is cheap enough to ask at every word.
    """
    first = _FIRST_WORD_RE.match(text, pos)
    if first is None or not (first.group().lower() in _OPENING_WORDS or first.group()[0].isdigit()):
        return None
    match = _PHRASE_RE.match(text, pos)
    return match.end() if match else None


def date_phrase_ending_at(text: str, pos: int, lookback: int = 40) -> int | None:
    """Return the start of a date phrase that ends exactly at ``pos``, or None.

    Word starts up to ``lookback`` characters before ``pos`` are tried, longest phrase first.
    """
    last = _LAST_WORD_RE.search(text, max(0, pos - 16), pos)
    if last is None or not (last.group().lower() in _CLOSING_WORDS or last.group()[-1].isdigit()):
        return None
    for word in _WORD_START_RE.finditer(text, max(0, pos - lookback), pos):
        match = _PHRASE_RE.match(text, word.start(), pos)
        if match and match.end() == pos:
            return word.start()
    return None


def find_date_phrase(
    sentence: str, reference: date, near: int | None = None, max_distance: int | None = None
) -> ResolvedDate | None:
    """Return the date phrase of ``sentence`` closest to offset ``near``, resolved, or None.

    Without ``near`` the first phrase wins. The distance is 0 when ``near`` falls inside the
    phrase, otherwise the number of characters between them; ties go to the earlier phrase.
    With ``max_distance``, phrases farther than that from ``near`` are ignored.
    """
    if near is not None and max_distance is not None:
        # Only a window around ``near`` can hold a close enough phrase; phrases are short.
        low = max(0, near - max_distance - _LONGEST_PHRASE)
        high = min(len(sentence), near + max_distance + _LONGEST_PHRASE)
        while high < len(sentence) and not sentence[high].isspace():
            high += 1
        found = find_date_phrases(sentence, reference, low, high)
    else:
        found = find_date_phrases(sentence, reference)
    if not found:
        return None
    if near is None:
        return found[0][2]
    best: ResolvedDate | None = None
    best_distance = 0
    for start, end, resolved in found:
        distance = start - near if near < start else max(0, near - end)
        if max_distance is not None and distance > max_distance:
            continue
        if best is None or distance < best_distance:
            best, best_distance = resolved, distance
    return best


def resolve_relative_date(phrase: str, reference: date) -> ResolvedDate | None:
    """Return what ``phrase`` (one whole date phrase, e.g. "last week") means, or None.

    Surrounding whitespace and punctuation are ignored; a phrase with any other text
    around the date ("said on Tuesday") returns None: use :func:`find_date_phrase` for that.
    """
    stripped = phrase.strip().strip(",;:()!?")
    match = _PHRASE_RE.fullmatch(stripped) or _PHRASE_RE.fullmatch(stripped.rstrip("."))
    if match is None:
        return None
    return _resolve_match(match, reference)
