"""The closed word lists and regular expressions that the attribution rules match.

Speech verbs (free and strict), function words (clause words, prepositions, determiners),
nouns for roles, titles and documents, the cue patterns ("according to", "seen by", "in an
interview with", anonymity, hedges), and the cheap pre-tests that decide whether a rule's
regex needs to run at all. Plain data, shared by every other module; imports none of them.
"""

from __future__ import annotations

import re


def _word_set(words: str) -> frozenset[str]:
    """Return the whitespace-separated words of ``words`` as a set (for readable word lists)."""
    return frozenset(words.split())


# -- word lists ----------------------------------------------------------------------------

# Speech verbs. "Strict" ones are also common non-speech verbs ("added 200 jobs", "maintained
# control"), so they count only before "that", a quote, a comma, a colon or the sentence end.
FREE_CUES = _word_set(
    """
    said says say told tells tell announced announces revealed reveals reported claimed
    confirmed confirms confirm warned warns warn acknowledged acknowledges acknowledge admitted
    admits admit denied denies deny alleged alleges disclosed discloses tweeted insisted
    insists insist described describes
    """
)
STRICT_CUES = _word_set(
    """
    stated states maintained maintains assessed assesses added adds noted notes note argued
    argues argue wrote writes explained explains estimated estimates claims reports concluded
    concludes stressed stresses reiterated reiterates cautioned cautions predicted predicts
    conceded concedes asserted asserts ruled rules found finds declared declares
    """
)
# A decision or a finding counts as a statement only with its "that": "ruled that", "the
# study found that" ("found a body" is no statement).
RULING_CUES = _word_set("ruled rules found finds")
# "X called the plan “a decision taken in a spreadsheet”": a statement only with a quote.
CALLED_CUES = _word_set("called calls")
# Findings are the weakest cue: "in which Judge X found that" recalls an old finding, and
# "analysts found that ..., according to a bulletin" is the bulletin's.
FINDING_CUES = _word_set("found finds")
TELL_CUES = frozenset(("told", "tells", "tell"))
# Words before "reports", "claims", "states" ... that make them plural nouns, not verbs:
# quantifiers and common adjectives ("new claims", "several reports", "northern states").
NOUN_MODIFIERS = _word_set(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty dozens hundreds thousands
    many several some more most few other
    new further early initial recent earlier later unconfirmed conflicting media press news
    northern southern eastern western central member federal neighbouring neighboring
    """
)
# Participles after a comma that report what the clause's subject said: "X rejected the bid,
# saying it was too low"; all but "saying" need a "that" (or "adding" a quote).
PARTICIPLE_CUES = _word_set(
    """
    saying adding noting warning arguing insisting stressing claiming explaining concluding
    finding accusing
    """
)
PARTICIPLE_RE = re.compile(
    r",\s+(saying(?!\s+(?:goodbye|no\s+to|yes\s+to))|adding(?=\s*[:“\"])|"
    r"(?:adding|noting|warning|arguing|insisting|stressing|claiming|explaining|concluding|"
    r"finding)\s+that|accusing\s+(?:[\w'’-]+\s+){1,6}?of)\b"
)
DESCRIBE_CUES = frozenset(("described", "describes"))
PRONOUNS = _word_set("he she they it we i you him her them this these those")
TAIL_WORDS = _word_set(
    """
    also later earlier previously repeatedly publicly separately again recently first initially
    officially then now once has have had already subsequently formally explicitly privately
    openly quickly
    """
)
NEGATIONS = _word_set("not never neither nor")
# Words joining a speech verb to an earlier verb of the same subject: "met them and said".
COORDINATORS = _word_set("and but")
BE_FORMS = _word_set("is are was were be been being")
MODALS = _word_set("will would can could may might must shall should do does did to")
CLAUSE_WORDS = _word_set(
    """
    that which who whom whose as because while when whereas although though since after before
    if where but so yet however meanwhile
    """
)
PREPOSITIONS = _word_set(
    """
    by from to with for at on in into about against under over between through toward towards
    among across within without upon via
    """
)
RELATIVE_PRONOUNS = frozenset(("who", "whom", "whose"))
DETERMINERS = _word_set("the a an his her its their our my your this that these those")
ARTICLES = frozenset(("the", "a", "an", "his", "her", "its", "their", "our", "my", "your"))
DEFINITE = _word_set("the this that these those his her its their our my your")
LEADING_JUNK = _word_set(
    """
    but and however meanwhile also although though yet so still separately earlier later now
    then indeed moreover finally instead thus therefore nonetheless nevertheless
    """
)
NOT_SUBJECTS = _word_set("according what whatever whether how why")
APPOSITIVE_OPENERS = _word_set(
    "a an the his her its their one two three former then now also another"
)
RELATIVE_OPENERS = _word_set(
    """
    who whom whose which where speaking citing writing referring quoting asked adding known
    based headquartered formerly founded
    """
)
# Past participles that open a clause about a document or body between it and its verb:
# "A survey by X, carried out for Y, found that"; "The review, commissioned by ...".
PARTICIPLE_OPENERS = _word_set(
    "carried conducted commissioned published released based founded funded written dated"
)
NAME_CONNECTORS = _word_set(
    "of the for and de del der da di du al el la le bin ibn van von on to in at &"
)
# Words that end a noun phrase read rightwards from a cue ("according to X, who ...").
RIGHT_STOP_WORDS = _word_set(
    """
    that which who whom whose when while where as because after before if saying adding said
    says told is are was were has have had will would can could may might should did does do
    not but to than
    """
)
# Nouns for people who speak for others; a source whose head is one of these is unnamed
# ("a defence official", "senior officials", "two people familiar with the talks").
ROLE_NOUNS = _word_set(
    """
    official officials source sources diplomat diplomats aide aides insider insiders person
    people spokesman spokeswoman spokesperson spokespeople officer officers expert experts
    analyst analysts employee employees staffer staffers member members resident residents
    witness witnesses observer observers adviser advisers advisor advisors lawmaker lawmakers
    legislator legislators minister ministers commander commanders soldier soldiers negotiator
    negotiators executive executives researcher researchers critic critics economist
    economists activist activists colleague colleagues figure figures representative
    representatives envoy envoys leader leaders workers scientists doctors farmers protesters
    villagers passengers survivors relatives neighbours neighbors students teachers volunteers
    campaigners forecasters investigators prosecutors
    """
)
# Lower-case words allowed inside a name with a title ("Kremlin spokesman Dmitry Peskov").
TITLE_WORDS = _word_set(
    """
    spokesman spokeswoman spokesperson minister president secretary adviser advisor chief head
    director leader envoy ambassador commander general governor senator mayor deputy prime
    foreign defence defense interior finance chancellor premier chairman chairwoman chair
    prosecutor judge analyst researcher professor correspondent editor founder ceo
    """
)
# Legal forms that may follow a company's name after a comma: "Tarn Mobility Co., Ltd.".
LEGAL_FORMS = _word_set("ltd inc llc plc sa ag nv gmbh corp limited")
# Bare vague sources: an attribution to one of these still leaves the claim unsourced.
VAGUE_SOURCES = _word_set(
    "sources experts analysts observers critics officials reports some many others people"
)
# Nouns for documents: "a report by X" is X's statement; "a report seen by Y" reached us via Y.
_DOC_NOUNS = (
    r"(?:report|reports|analysis|analyses|study|studies|survey|assessment|assessments|"
    r"statement|statements|document|documents|memo|letter|intelligence|data|figures|"
    r"estimate|estimates|research|review|findings|investigation|poll|briefing|readout|"
    r"transcript|cable|cables|filing|paper|audit|dossier|release|records|footage|complaint|"
    r"presentation|calculations|"
    r"petition|lawsuit|submission|draft|alert|notice|timeline|minutes|summary|log|logs|"
    r"bulletin|bulletins|circular|prospectus)"
)


DOC_NOUNS = _DOC_NOUNS
"""The document nouns as a regex group, for rules outside this module."""

# -- patterns ------------------------------------------------------------------------------

ACCORDING_RE = re.compile(r"according\s+to\s+", re.IGNORECASE)
ACCESS_RE = re.compile(r"\b(accessed|obtained|seen|reviewed|viewed)\s+by\s+")
INTERVIEW_RE = re.compile(
    r"\b(?:[Ii]n|[Dd]uring)\s+(an?\s+(?:[\w-]+\s+){0,2}?interview)(?:\s+(?:with|to|on)\s+)?"
)
STATEMENT_RE = re.compile(
    r"\b(?:[Ii]n|[Vv]ia)\s+(an?\s+(?:[\w-]+\s+)?"
    r"(?:statement|press\s+release|post|tweet|video|speech|briefing|letter|memo|broadcast|"
    r"address|op-ed|column|news\s+conference|press\s+conference))\b"
    r"(?:\s+(?:posted|published|released|issued|carried)?\s*(?:on|by|in)\s+)?"
)
# "In a statement, the ministry ...": the phrase opens the sentence and a comma closes it.
OPENING_CHANNEL_RE = re.compile(
    r"(?:[Ii]n|[Dd]uring|[Vv]ia)\s+an?\s+[^,;:“”\"]*?\b(?:statement|interview|post|tweet|"
    r"video|speech|briefing|letter|broadcast|address|news\s+conference|press\s+conference|"
    r"press\s+release)\b[^,;:“”\"]*,\s*"
)
ANONYMITY_RE = re.compile(
    r"\b(?:on\s+(?:the\s+)?condition\s+of\s+anonymity|speaking\s+anonymously|"
    r"(?:declined|asked|requested)\s+not\s+to\s+be\s+(?:named|identified)|"
    r"declined\s+to\s+be\s+(?:named|identified)|requested\s+anonymity|"
    r"(?:did\s+not|didn't|does\s+not|doesn't)\s+want\s+to\s+be\s+(?:named|identified)|"
    r"not\s+authori[sz]ed\s+to\s+(?:speak|talk|comment)|unnamed)\b",
    re.IGNORECASE,
)
DOC_BY_BEFORE_RE = re.compile(
    rf"(?:\b[\w-]+\s+){{0,3}}?\b{_DOC_NOUNS}\s+(?:(?:compiled|prepared|written|sent|drawn\s+up)\s+)?"
    r"(?:by|from)\s+$"
)
DOC_OPENING_RE = re.compile(
    rf"(?P<doc>(?:An?|The)\s+(?:[\w-]+\s+){{0,3}}?{_DOC_NOUNS}\b[^,;]{{0,80}}?)"
    r"(?:,\s*(?:parts\s+of\s+which\s+were\s+)?|\s+(?:and\s+)?)$"
)
"""A sentence opening with a document, up to its "seen by": "A briefing sent by X to its
customers, " or "An internal review, parts of which were "."""
"""A document phrase ending just before its author: "an internal review by " (+ "X")."""
DOC_ACCESS_RE = re.compile(
    rf"^(?P<doc>.*?\b{_DOC_NOUNS})\s+(?:accessed|obtained|seen|reviewed|viewed|leaked\s+to|"
    rf"shared\s+with|provided\s+to|given\s+to)\s+(?:by\s+)?(?P<x>\S.*)$"
)
DOC_BY_RE = re.compile(
    rf"^.*?\b{_DOC_NOUNS}\s+(?:(?:published|released|issued|compiled|prepared|produced|"
    rf"commissioned|written|made|shared|provided|led|conducted|authored|co-authored)\s+"
    r"(?:(?:on|last|this|in)\s+[\w,]+(?:\s+\d+)?\s+)?)?"  # "published on Thursday by"
    r"(?:by|from)\s+(?P<x>\S.*?)(?:\s+and\s+[a-z]+ed|\s+(?:published|released|issued))?$"
)
DOC_POSSESSIVE_RE = re.compile(rf"^(?P<x>.+?)['’]s?\s+(?:[\w-]+\s+){{0,3}}?{_DOC_NOUNS}$")
DOC_NAMED_RE = re.compile(rf"^(?P<x>.+?)\s+(?:[a-z][\w-]*\s+){{0,2}}?{_DOC_NOUNS}$")
DOC_ONLY_RE = re.compile(rf"^(?:\S+\s+){{0,4}}?{_DOC_NOUNS}$")
DOC_END_RE = re.compile(rf"\b{_DOC_NOUNS}$")
DOC_ANY_RE = re.compile(rf"\b{_DOC_NOUNS}\b")
HEDGE_RE = re.compile(
    r"\b(?:(?:experts?|analysts?|observers?|critics|some|many|officials|diplomats|insiders)\s+"
    r"(?:believe|believes|think|thinks|fear|fears|suggest|suggests|expect|expects|say|says|"
    r"said|claim|claims|warn|warns|agree|argue|argues)|"
    r"it\s+is\s+(?:widely\s+|generally\s+)?(?:understood|believed|thought|reported|claimed|"
    r"alleged|said|expected|feared|rumou?red|known)|"
    r"(?:is|are|was|were)\s+(?:widely\s+)?(?:said|believed|thought|understood|reported|"
    r"rumou?red|alleged|expected)\s+to|"
    r"reportedly|allegedly|purportedly|supposedly|"
    r"sources?\s+(?:say|says|said|claim|claimed|suggest)|"
    r"(?:there\s+are|according\s+to)\s+(?:unconfirmed\s+|media\s+)?reports|"
    r"(?:media\s+|unconfirmed\s+)?reports\s+(?:say|said|suggest|suggested|claim|claimed|"
    r"indicate))\b",
    re.IGNORECASE,
)
THAT_RE = re.compile(r"\bthat\b")
QUOTE_CHARS_RE = re.compile(r"[“”\"‘’]")
WORD_RE = re.compile(r"[\w(][\w’'().&/-]*")
SEPARATOR_RE = re.compile(r"[,;:—–“”\"-]")
TRAILING_PUNCT = ".!?…\"'”’)]"
BREAKS = ',;:—–“”"!?'


# -- cheap pre-tests -----------------------------------------------------------------------

# Cheap substring tests that decide whether a rule's regex needs to run on a paragraph.
STATEMENT_HINTS = _word_set(
    """
    statement release post tweet video speech briefing letter memo broadcast address op-ed
    column conference
    """
)
ANONYMITY_HINTS = ("anonym", "named", "identified", "authori")
ACCESS_HINTS = ("accessed by", "obtained by", "seen by", "reviewed by", "viewed by")
# Every speech verb; ``CUE_WORDS.isdisjoint(LOWER_WORD_RE.findall(text))`` rules out most
# sentences several times faster than a regex of 80 alternatives would.
CUE_WORDS = FREE_CUES | STRICT_CUES | CALLED_CUES
LOWER_WORD_RE = re.compile(r"[a-z]+")
# Stems of the hedges in HEDGE_RE: a sentence without any skips the hedge regex.
HEDGE_STEMS = _word_set(
    """
    believ think thought fear suggest expect say said claim warn agree argu understood report
    alleg known rumo purport suppos
    """
)
