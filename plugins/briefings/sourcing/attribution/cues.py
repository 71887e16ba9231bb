"""One finder per attribution cue, and :func:`find_attributions`, which runs them.

:func:`find_attributions` reads one paragraph, sentence by sentence, and reports each
statement that the text attributes to a source: "according to X"; "X said / announced /
revealed ..."; '"...," said X'; "X told Y"; "in an interview with Y"; "a report accessed by
Y"; "In a statement, X ..."; "X, speaking on condition of anonymity, ...". The rules work on
characters, punctuation, capitals and small closed word lists (no tagger, no model), and
prefer missing an attribution to inventing one. Cheap substring tests (``_Hints``) skip the
rarer rules for text that cannot match them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefings.content.sentences import split_sentences
from briefings.sourcing.attribution.source import (
    Attribution,
    Source,
    make_attribution,
    np_right,
    refine_source,
    verbless,
)
from briefings.sourcing.attribution.speaker import carry_over, is_pronoun
from briefings.sourcing.attribution.subject import (
    clause_subject,
    clean_subject,
    find_subject,
    trailing_noun_phrase,
)
from briefings.sourcing.attribution.text import (
    Sentence,
    bare,
    is_capitalised,
    quoted_spans,
    split_chunks,
)
from briefings.sourcing.attribution.words import (
    ACCESS_HINTS,
    ACCESS_RE,
    ACCORDING_RE,
    ANONYMITY_HINTS,
    ANONYMITY_RE,
    APPOSITIVE_OPENERS,
    CALLED_CUES,
    CUE_WORDS,
    DESCRIBE_CUES,
    DETERMINERS,
    DOC_ANY_RE,
    DOC_BY_BEFORE_RE,
    DOC_BY_RE,
    DOC_END_RE,
    DOC_NOUNS,
    DOC_OPENING_RE,
    DOC_POSSESSIVE_RE,
    FINDING_CUES,
    INTERVIEW_RE,
    LOWER_WORD_RE,
    NOUN_MODIFIERS,
    OPENING_CHANNEL_RE,
    PARTICIPLE_CUES,
    PARTICIPLE_RE,
    PREPOSITIONS,
    RULING_CUES,
    STATEMENT_HINTS,
    STATEMENT_RE,
    STRICT_CUES,
    TELL_CUES,
    THAT_RE,
)

# -- what the rules share ------------------------------------------------------------------


def _has_complement(sentence: Sentence, cue_end: int) -> bool:
    """Return whether a strict cue ending at ``cue_end`` introduces speech (that, quote, colon)."""
    text = sentence.text
    pos = cue_end
    while pos < sentence.end and text[pos].isspace():
        pos += 1
    date_end = sentence.date_starting_at(pos)
    if date_end is not None:
        pos = date_end
        while pos < sentence.end and text[pos].isspace():
            pos += 1
    if pos >= sentence.body_end or text[pos] in ',:;“"‘—–':
        return True
    return THAT_RE.search(text, pos, min(sentence.end, pos + 100)) is not None


@dataclass(frozen=True, slots=True)
class _Hints:
    """Which of the rarer rules can apply to a text at all, from cheap substring tests."""

    according: bool
    access: bool
    interview: bool
    statement: bool
    anonymity: bool
    participle: bool
    shows: bool = False  # "calculations published by X show ..."

    @classmethod
    def of(cls, text: str) -> _Hints:
        """Return the hints for ``text`` (a sentence or a paragraph)."""
        lowered = text.lower()
        return cls(
            according="according" in lowered,
            access=any(hint in lowered for hint in ACCESS_HINTS),
            interview="interview" in lowered,
            statement=("in a" in lowered or "via a" in lowered)
            and any(hint in lowered for hint in STATEMENT_HINTS),
            anonymity=any(hint in lowered for hint in ANONYMITY_HINTS),
            participle=any(f", {cue}" in lowered for cue in PARTICIPLE_CUES),
            shows="show" in lowered,
        )

    def any(self) -> bool:
        """Return whether any of the rarer rules can apply."""
        return (
            self.according
            or self.access
            or self.interview
            or self.statement
            or self.anonymity
            or self.participle
            or self.shows
        )


_NO_HINTS = _Hints(False, False, False, False, False, False)


def _channel_near(sentence: Sentence, hints: _Hints, near: int) -> tuple[str, str, str]:
    """Return (channel, via, cue) of the interview/statement phrase nearest to ``near``.

    ("", "", "") when the sentence has none.
    """
    text = sentence.text
    best: tuple[str, str, str] = ("", "", "")
    best_distance = len(text) + 1
    rules = (
        (INTERVIEW_RE, "in an interview with", hints.interview),
        (STATEMENT_RE, "in a statement", hints.statement),
    )
    for pattern, cue, possible in rules:
        if not possible:
            continue
        for match in pattern.finditer(text, sentence.start, sentence.body_end):
            if sentence.in_quote(match.start()):
                continue
            channel_end = match.end(1)
            via = ""
            if match.end() > match.end(1):
                phrase = np_right(sentence, match.end(), single=pattern is INTERVIEW_RE)
                if phrase is not None:
                    channel_end = phrase[1]
                    if pattern is INTERVIEW_RE:
                        via = text[phrase[0] : phrase[1]]
            distance = abs(match.start() - near)
            if distance < best_distance:
                label = "in an interview" if pattern is INTERVIEW_RE and not via else cue
                best = (text[match.start(1) : channel_end], via, label)
                best_distance = distance
    return best


# -- the rules, one per cue ----------------------------------------------------------------


def _inverted_subject(sentence: Sentence, cue_start: int, cue_end: int) -> Source | None:
    """Return the subject after the verb in '"...," said X' or '..., says X.', or None."""
    text = sentence.text
    before = text[sentence.start : cue_start].rstrip()
    if before and before[-1] not in ',“”"’':
        return None
    phrase = np_right(sentence, cue_end)
    if phrase is None:
        return None
    start, end = phrase
    first = text[start:end].split()[0]
    if not (
        is_capitalised(first)
        or bare(first) in APPOSITIVE_OPENERS
        or _ROLE_BEFORE_NAME_RE.match(text[start:end])
    ):
        return None
    rest = text[end : sentence.body_end]
    appositive = re.match(r",\s+((?:a|an|the)\b[^,;:]*)(?:$|,)", rest)
    if appositive:
        end += appositive.end(1)
    elif rest.strip() and not rest.lstrip().startswith((",", "in ", "on ")):
        return None
    return refine_source(text, start, end)


# A closing quote, a comma and a short subject right before a verb: '"...," Ana Ruiz wrote'.
_AFTER_QUOTE_RE = re.compile(r"[,!?][”\"]\s+(?:[\w.'’-]+\s+){1,6}$")
_OWNERLESS_DOC_RE = re.compile(rf"(?i:an?|one)\s+(?:[\w-]+\s+){{0,2}}?{DOC_NOUNS}\b(?!.*\bby\b)")
_WHICH_BEFORE_RE = re.compile(r"\bwhich\s+$")
_CALLED_QUOTE_RE = re.compile(r"\s+(?:(?!for\b|on\b|off\b)[\w'’-]+(?:\.\d+)?,?\s+){1,14}?[“\"]")
_RULED_THAT_RE = re.compile(r"\s+(?:(?:on|last|this)\s+\w+\s+)?that\b")
# Lower-case role words before a name: "said lead author Ana Ruiz".
_ROLE_BEFORE_NAME_RE = re.compile(r"(?:[a-z][\w-]*\s+){1,3}(?:[A-Z][\w'’-]*\s*){2,4}$")
# A name (not a determiner or a pronoun) right after the verb: "..., said Ana Ruiz".
_NAME_START_RE = re.compile(r"[A-Z][\w'’.-]*\s+[A-Z]|(?:[a-z][\w-]*\s+){1,3}[A-Z]")


def _named_after_comma(sentence: Sentence, cue_start: int, cue_end: int) -> Source | None:
    """Return the name after the verb in "The fossil, which ..., is 150 million years old,
    said Ana Ruiz, a palaeontologist at ...": a verb after a comma whose subject follows it,
    written as a name (not "the plan"), or None."""
    text = sentence.text
    if not text[sentence.start : cue_start].rstrip().endswith(","):
        return None
    if not _NAME_START_RE.match(
        text, cue_end + 1 if text[cue_end : cue_end + 1] == " " else cue_end
    ):
        return None
    source = _inverted_subject(sentence, cue_start, cue_end)
    if source is None or bare(text[source.start : source.end].split()[0]) in APPOSITIVE_OPENERS:
        return None
    return source


# "according to that report": a document cited or mentioned before.
_DEMONSTRATIVE_DOC_RE = re.compile(rf"(?:that|this|those|these)\s+{DOC_NOUNS}\b", re.IGNORECASE)
_PARTICIPLES = ("published", "released", "issued", "compiled", "prepared", "presented")
_LATE_AUTHOR_RE = re.compile(r"\s+(?:on|last|this|in)\s+[\w ]{1,24}?\s+by\s+")


def _according_to(sentence: Sentence, anonymity: bool) -> list[Attribution]:
    """Return the "according to X" attributions of ``sentence``."""
    text = sentence.text
    found: list[Attribution] = []
    for match in ACCORDING_RE.finditer(text, sentence.start, sentence.body_end):
        if sentence.in_quote(match.start()):
            continue
        demonstrative = _DEMONSTRATIVE_DOC_RE.match(text, match.end(), sentence.body_end)
        phrase = (
            (match.end(), demonstrative.end())
            if demonstrative is not None
            else np_right(sentence, match.end())
        )
        if phrase is None:
            continue
        # "according to a report published on Thursday by X": the author after the date.
        author = _LATE_AUTHOR_RE.match(text, phrase[1], sentence.body_end)
        if author is not None and text[phrase[0] : phrase[1]].endswith(_PARTICIPLES):
            by = np_right(sentence, author.end(), single=True)
            if by is not None:
                phrase = (phrase[0], by[1])
        source = refine_source(text, *phrase)
        attribution = make_attribution(
            sentence, source, "according to", match.start(), anonymity=anonymity
        )
        if attribution is not None:
            found.append(attribution)
    return found


def _verb_attributions(
    sentence: Sentence,
    cues: list[tuple[int, int]],
    hints: _Hints,
    anonymity: bool,
    previous: Attribution | None,
) -> list[Attribution]:
    """Return the attributions built around the speech verbs ``cues`` of ``sentence``."""
    text = sentence.text
    found: list[Attribution] = []
    complement_start: int | None = None  # text after "X said that" is X's, not a new source
    for cue_start, cue_end in cues:
        cue = text[cue_start:cue_end]
        if sentence.in_quote(cue_start):
            continue
        if complement_start is not None and cue_start > complement_start:
            break
        if (
            cue in STRICT_CUES
            and not _has_complement(sentence, cue_end)
            and not _AFTER_QUOTE_RE.search(text, sentence.start, cue_start)
        ):
            continue  # '"...," Horvat wrote in a note' has its complement before it
        if cue in CALLED_CUES and (
            text[cue_start - 1 : cue_start] == "-"
            or not _CALLED_QUOTE_RE.match(text, cue_end, sentence.end)
        ):
            continue  # "called for talks", "a firm called Acme", "so-called"
        if cue in RULING_CUES and (
            not _RULED_THAT_RE.match(text, cue_end) or _RULES_THAT_WILL_RE.match(text, cue_end)
        ):
            continue  # "before the court ruled", "ruled out", "rules that will require"
        if cue in STRICT_CUES and cue.endswith("s") and _is_noun_context(text, cue_start):
            continue  # "had received reports of", "five northern states", "new claims"
        following = text[cue_end : cue_end + 40]
        if re.match(r"\s+by\b(?!\s+(?:tele)?phone|\s+e-?mail|\s+text|\s+video)", following):
            continue  # a passive participle: "the plan announced by ..." ("said by phone" is not)
        if re.match(r"\s+than\b", following):
            continue  # "easier said than done"
        if cue in ("added", "adds") and _ADDED_TO_RE.match(following):
            continue  # "the attack has added to pressure on ..."
        if cue == "alleged" and _is_adjective_context(text, cue_start):
            continue  # "suspended over alleged tampering", "the alleged fraud"
        if cue in DESCRIBE_CUES and not re.search(r"\bas\b", following):
            continue  # "the situation described in the report"
        via = ""
        if cue in TELL_CUES:
            listener = np_right(sentence, cue_end, single=True)
            if listener is None:
                continue
            if re.match(r"\s*to\s+(?!the\b|an?\b)[a-z]", text[listener[1] : listener[1] + 30]):
                continue  # "told the players to stay calm" is an order, not a statement
            via = text[listener[0] : listener[1]]
        channel, channel_via, _ = _channel_near(sentence, hints, cue_start)
        inverted = None if cue in TELL_CUES else _named_after_comma(sentence, cue_start, cue_end)
        subject = None if inverted is not None else find_subject(sentence, cue_start)
        attribution: Attribution | None = None
        if subject is not None and is_pronoun(text[subject[0] : subject[1]]):
            attribution = carry_over(
                previous, sentence, cue, cue_start, channel, via or channel_via, anonymity, subject
            )
        else:
            source = (
                refine_source(text, *subject)
                if subject is not None
                else inverted
                or (None if cue in TELL_CUES else _inverted_subject(sentence, cue_start, cue_end))
            )
            if source is None:
                continue
            attribution = make_attribution(
                sentence, source, cue, cue_start, channel, via or channel_via, anonymity
            )
        if attribution is not None:
            found.append(attribution)
            previous = attribution
            that = THAT_RE.search(text, cue_end, sentence.end)
            complement_start = that.start() if that else None
    return found


def _access_attributions(
    sentence: Sentence, claimed: list[tuple[int, int]], anonymity: bool
) -> list[Attribution]:
    """Return "documents seen by X" attributions not already part of another attribution."""
    text = sentence.text
    found: list[Attribution] = []
    for match in ACCESS_RE.finditer(text, sentence.start, sentence.body_end):
        if sentence.in_quote(match.start()):
            continue
        if any(start <= match.start() < end for start, end in claimed):
            continue
        medium = np_right(sentence, match.end(), single=True)
        holder = trailing_noun_phrase(text, max(sentence.start, match.start() - 120), match.start())
        opening = DOC_OPENING_RE.match(text[sentence.start : match.start()])
        if opening is not None:  # "A briefing sent by Carelink to its customers, seen by"
            holder = (sentence.start, sentence.start + opening.end("doc"))
        if medium is None or holder is None:
            continue
        window = max(sentence.start, holder[0] - 80)
        author = DOC_BY_BEFORE_RE.search(text[window : holder[0]])
        if author is not None:  # "An internal review by Alder & Finch, seen by Reuters"
            holder = (window + author.start(), holder[1])
        held = text[holder[0] : holder[1]]
        if not (
            DOC_END_RE.search(held.lower())
            or DOC_BY_RE.match(held)
            or DOC_ANY_RE.search(" ".join(held.lower().split()[:4]))  # "Minutes of a meeting"
        ):
            continue  # "weapons obtained by the rebels" is not a source
        holder = clean_subject(sentence, *holder) or holder
        source = Source(holder[0], holder[1])
        if re.fullmatch(r"\s*in\s+", text[sentence.start : holder[0]], re.IGNORECASE):
            # "In a complaint seen by Reuters, the UPM says ...": the document is the
            # subject's, who makes the statement.
            comma = text.find(",", medium[1], sentence.body_end)
            subject = np_right(sentence, comma + 1, single=True) if comma >= 0 else None
            if subject is not None and is_capitalised(
                text[subject[0] : subject[1]].removeprefix("the ").removeprefix("The ")
            ):
                source = Source(subject[0], subject[1])
        attribution = make_attribution(
            sentence,
            source,
            f"{match.group(1)} by",
            match.start(),
            text[holder[0] : medium[1]],
            text[medium[0] : medium[1]],
            anonymity,
        )
        if attribution is not None:
            found.append(attribution)
    return found


def _opening_channel_attribution(sentence: Sentence, hints: _Hints) -> Attribution | None:
    """Return the attribution of "In a statement, the ministry apologised.", or None."""
    text = sentence.text
    opening = OPENING_CHANNEL_RE.match(text, sentence.start, sentence.body_end)
    if opening is None:
        return None
    channel, via, cue = _channel_near(sentence, hints, sentence.start)
    subject = np_right(sentence, opening.end())
    if not channel or subject is None:
        return None
    return make_attribution(
        sentence, Source(*verbless(text, subject)), cue, sentence.start, channel, via
    )


def _anonymity_attribution(sentence: Sentence) -> Attribution | None:
    """Return the attribution of "Officials, speaking on condition of anonymity, ...", or None."""
    text = sentence.text
    phrase = ANONYMITY_RE.search(text, sentence.start, sentence.body_end)
    if phrase is None or sentence.in_quote(phrase.start()):
        return None
    chunks, _ = split_chunks(text, sentence.start, phrase.start())
    if not chunks:
        return None
    last = chunks[-1]
    opener = re.match(r".*?(?=\b(?:speaking|who|talking)\b)", text[last.start : last.end])
    if opener and opener.group().strip():
        span = (last.start, last.start + len(opener.group()))
    elif len(chunks) > 1 and "," in last.sep_before:
        span = (chunks[-2].start, chunks[-2].end)
    else:
        span = (last.start, last.end)
    cleaned = clean_subject(sentence, *span)
    if cleaned is None:
        return None
    return make_attribution(
        sentence, Source(*cleaned), "on condition of anonymity", phrase.start(), anonymity=True
    )


_SHOW_RE = re.compile(r"\b(?:show|shows|showed|shown)\b")


def _document_shows(sentence: Sentence, anonymity: bool) -> Attribution | None:
    """Return the attribution of "Calculations published by the Tarn Observatory show
    that ...": a document whose author the subject names ("by X", "X's data") shows what
    the author states; None for a document without one ("Data show ...")."""
    text = sentence.text
    match = _SHOW_RE.search(text, sentence.start, sentence.body_end)
    if match is None or sentence.in_quote(match.start()):
        return None
    if not text[match.end() : sentence.body_end].strip():
        return None  # "..., figures from the statistics office showed.": a report of data
    subject = find_subject(sentence, match.start())
    if subject is None:
        return None
    phrase = text[subject[0] : subject[1]]
    if DOC_BY_RE.match(phrase) is None and DOC_POSSESSIVE_RE.match(phrase) is None:
        return None
    source = refine_source(text, *subject)
    if source.start == subject[0] and source.end == subject[1]:
        return None  # no owner found inside the phrase
    return make_attribution(sentence, source, match.group(), match.start(), anonymity=anonymity)


# "rules that will require": a relative clause after the noun, not a ruling.
_RULES_THAT_WILL_RE = re.compile(
    r"\s+that\s+(?:will|would|could|can|may|might|should|must|require|requires|apply|"
    r"applies|govern|governs)\b"
)
# "added to pressure" adds to something; "added to reporters that ..." is speech.
_ADDED_TO_RE = re.compile(r"\s+to\b(?!\s+(?:reporters|journalists)\b)")


def _is_adjective_context(text: str, cue_start: int) -> bool:
    """Return whether the word before "alleged" makes it an adjective: a determiner or a
    preposition ("the alleged fraud", "over alleged tampering")."""
    before = text[max(0, cue_start - 30) : cue_start].split()
    return bool(before) and (
        before[-1].casefold() in DETERMINERS or before[-1].casefold() in PREPOSITIONS
    )


def _is_noun_context(text: str, cue_start: int) -> bool:
    """Return whether the word before a cue ending in "s" makes the cue a plural noun: a
    determiner, a number, a preposition, a participle or a noun modifier ("received
    reports", "the claims", "five northern states")."""
    before = text[max(0, cue_start - 30) : cue_start].split()
    if not before:
        return False
    word = before[-1]
    low = word.casefold().strip(",;:()")
    return (
        low in DETERMINERS
        or low in PREPOSITIONS
        or low in NOUN_MODIFIERS
        or low.replace(",", "").isdigit()
        or (word.islower() and low.endswith("ed") and len(low) > 4)
    )


def _participle_attribution(
    sentence: Sentence, previous: Attribution | None, anonymity: bool
) -> Attribution | None:
    """Return the attribution of "X rejected the bid on Monday, saying it was too low": the
    participle reports what the subject of the sentence's first clause said; or None."""
    text = sentence.text
    match = PARTICIPLE_RE.search(text, sentence.start, sentence.body_end)
    if match is None or sentence.in_quote(match.start()):
        return None
    subject = clause_subject(sentence, match.start())
    if subject is None:
        return None
    cue = match.group(1).split()[0]
    if is_pronoun(text[subject[0] : subject[1]]):
        return carry_over(previous, sentence, cue, match.start(1), "", "", anonymity, subject)
    source = refine_source(text, *subject)
    return make_attribution(sentence, source, cue, match.start(1), anonymity=anonymity)


# -- sentences and paragraphs --------------------------------------------------------------


def _sentence_attributions(
    sentence: Sentence,
    cues: list[tuple[int, int]],
    hints: _Hints,
    previous: Attribution | None,
) -> list[Attribution]:
    """Return the attributions of one sentence, ordered by cue."""
    text = sentence.text
    anonymity = hints.anonymity and bool(ANONYMITY_RE.search(text, sentence.start, sentence.end))
    found = _according_to(sentence, anonymity) if hints.according else []
    for attribution in _verb_attributions(sentence, cues, hints, anonymity, previous):
        if attribution.cue in FINDING_CUES and (
            found
            or _WHICH_BEFORE_RE.search(text, sentence.start, attribution.source_start)
            or _OWNERLESS_DOC_RE.match(attribution.source)
        ):
            # "in which Judge X found that"; "X found that ..., according to Y"; "A study in
            # the journal Science found that" (nobody's study)
            continue
        if not any(a.source_start == attribution.source_start for a in found):
            found.append(attribution)
    if hints.access:
        claimed = [(a.source_start, max(a.cue_start, a.source_end) + 1) for a in found]
        claimed += [(a.cue_start, a.sentence_end) for a in found if a.cue == "according to"]
        found.extend(_access_attributions(sentence, claimed, anonymity))
    if not found and (hints.statement or hints.interview):
        opening = _opening_channel_attribution(sentence, hints)
        if opening is not None:
            found.append(opening)
    if not found and anonymity:
        anonymous = _anonymity_attribution(sentence)
        if anonymous is not None:
            found.append(anonymous)
    if not found and hints.shows:
        shown = _document_shows(sentence, anonymity)
        if shown is not None:
            found.append(shown)
    if not found and hints.participle:
        participle = _participle_attribution(sentence, previous, anonymity)
        if participle is not None:
            found.append(participle)
    found.sort(key=lambda a: (a.cue_start, a.source_start))
    return found


def _find_cues(paragraph: str, start: int, sentence: str) -> list[tuple[int, int]]:
    """Return the spans of the speech verbs in ``sentence`` (which starts at ``start``), in order.

    A cheap word scan finds which verbs occur at all; each is then located by substring
    search with a word-boundary check.
    """
    present = CUE_WORDS.intersection(LOWER_WORD_RE.findall(sentence))
    if not present:
        return []
    spans: list[tuple[int, int]] = []
    for cue in present:
        position = sentence.find(cue)
        while position >= 0:
            after = position + len(cue)
            if (position == 0 or not sentence[position - 1].isalnum()) and (
                after == len(sentence) or not sentence[after].isalnum()
            ):
                spans.append((start + position, start + after))
            position = sentence.find(cue, after)
    spans.sort()
    return spans


def find_attributions(paragraph: str) -> list[Attribution]:
    """Return the attributed statements of ``paragraph``, in text order.

    A sentence may carry several attributions (one per cue); sentences without one are
    not reported. Pronoun subjects ("he said") take the source of the previous attribution
    in the paragraph, and are dropped when there is none. Never raises.
    """
    any_cue = not CUE_WORDS.isdisjoint(LOWER_WORD_RE.findall(paragraph))
    rare = _Hints.of(paragraph).any()
    if not any_cue and not rare:
        return []
    quotes = quoted_spans(paragraph)
    found: list[Attribution] = []
    for start, end in split_sentences(paragraph):
        text = paragraph[start:end]
        cues = _find_cues(paragraph, start, text) if any_cue else []
        hints = _Hints.of(text) if rare else _NO_HINTS
        if not cues and not hints.any():
            continue
        sentence = Sentence(paragraph, start, end, quotes)
        previous = found[-1] if found else None
        found.extend(_sentence_attributions(sentence, cues, hints, previous))
    return found
