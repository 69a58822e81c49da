"""Is a report about foreign nationals brought into the Russian forces, or their fate?

Two stages. :func:`is_relevant_fast` is a lexical pre-filter over all three
languages at once (thousands of documents a second): it only drops texts that
lack both a war cue and a migrant/foreigner cue. :func:`decide` is the fuller
decision on the language's own lexicon, built from cue families that describe
the domain rather than any one report:

* war cues: the Russian army, a contract with it or the defence ministry, the
  front, the "special military operation", the war in Ukraine, prisoners of war,
  the regions where the war is fought;
* foreigner cues: a citizenship of any country but Russia and Ukraine (demonyms
  of the lexicon, plus every country's name from babel's CLDR data in a
  person's context: "citizen of X", "from X", "X-lı", "граждан X"), labour
  migration (went to / worked in Russia, a job promised by an agent, a student
  visa), prisoners recruited in colonies;
* weak foreigner cues ("native of", "resident of", "уроженец", "sakini") count
  only when the report has a strong one somewhere: a Russian town's native
  killed at the front is a Russian volunteer's obituary, not our topic;
* involvement cues: recruited, sent, fought, killed, captured, missing ...

A sentence (or two neighbouring ones) joining a foreigner cue with a war cue
decides; failing that, the whole report decides when it states both a strong
foreigner cue and someone's involvement in the war. Near-topic cues
(remittances, Karabakh commemorations, Ukrainian prisoner exchanges, migration
paperwork, a volunteer's funeral) only raise the evidence needed: a report that
names a foreign national sent to the war is never lost to them.
"""

from __future__ import annotations

import re
from functools import cache

from soraq.extract.context import DocContext
from soraq.extract.lexicon import LANGUAGES, load, same_length_lower

# The two countries of the war itself: their citizens are not "foreign nationals".
_WAR_PARTIES = frozenset({"RU", "UA"})
# Country names that are also common words or given names in that language.
_AMBIGUOUS_NAMES = {
    "en": {"jersey", "jordan", "chad", "georgia", "turkey", "guinea", "niger", "mali", "man", "israel"},
    "ru": {"того", "чад", "мали", "перу", "бенин"},
    "az": {"çad", "toqo", "mali", "peru"},
}
_VOWELS = "aeiouyаеёиоуыэюяəıiöü"
# A demonym before these words names a state, an army or a product, not a person
# ("Indian prime minister", "Chinese-made drones", "индийское правительство").
_NOT_A_PERSON_EN = (
    r"(?:prime|president|presidency|government|minister|ministry|officials?|authorities|parliament|"
    r"diplomats?|leaders?|oil|gas|economy|market|compan(?:y|ies)|firms?|ships?|vessels?|navy|army|armed|"
    r"military|forces|troops|media|press|side|border|capital|team|club|league|made|components?|goods|"
    r"drones?|missiles?|rockets?|weapons?|arms|shells?|ammunition|equipment|supplies|aid|parts)\b"
)
_NOT_A_PERSON_RU = (
    r"(?:премьер|президент|правительств|министр|мид|власт|парламент|дипломат|лидер|нефт|газ|экономик|рын|"
    r"компани|фирм|суд[ноа]|флот|арми|войск|вооруж|сми|сторон|границ|команд|клуб|товар|производств|"
    r"дрон|беспилотн|ракет|оруж|снаряд|боеприпас|техник|помощ|детал)"
)
# Person context around a country's name, per language ({name}: the name's stem).
_COUNTRY_CONTEXT = {
    # "citizen of Ghana", "from Ghana", "Ghana's embassy", demonyms "Ghanaian", "Nepali", "Cuban"
    "en": (
        r"(?:citizens?|nationals?|natives?|passport|embassy)\s+of\s+(?:the\s+)?{name}\w*"
        r"|(?:from|left|back\s+to|returned\s+to|home\s+to)\s+(?:the\s+)?{name}\w*"
        r"|(?-i:{Name})\w{{0,2}}(?:'s|’s)?\s+embass(?:y|ies)"
        r"|(?-i:{Name})(?:n|an|ian|aian|ans|ians|aians|i|is|ese|ish)(?![\w-])(?!\s+" + _NOT_A_PERSON_EN + ")"
    ),
    # "граждан Кубы", "из Ганы", "посольство Непала", demonyms "кубинец", "ганский", "непальцы"
    "ru": (
        r"(?:гражданин\w*|граждан\w*|подданн\w*|уроженц?\w*|выходц\w*|из|посольств\w*|родом\s+из)\s+(?-i:{Name})\w{{0,3}}"
        r"|{name}(?:ин|ан|ий|й|ь)?(?:ец|цы|ца|цев|цам|цами|ск\w+)(?!\w)(?!\s+" + _NOT_A_PERSON_RU + ")"
    ),
    # "Qana vətəndaşı", "Qanadan", demonyms "Qanalı", "Nepallı"
    "az": (
        r"(?-i:{Name})\w{{0,3}}\s+vətəndaş\w*"
        r"|(?-i:{Name})(?:n|y)?(?:lı|li|lu|lü|dan|dən|da\s+doğul\w*)\w*"
        r"|(?-i:{Name})\s+səfirliy\w*"
    ),
}


def _name_stem(name: str, lang: str) -> str:
    """A country's name without its final vowel, where demonyms drop it (Куба -> кубинец, Ghana -> Ghanaian).

    Azerbaijani keeps it (Kuba -> Kubalı, Kubadan).
    """
    if lang != "az" and name[-1:].lower() in _VOWELS and len(name) >= 4:
        return name[:-1]
    return name


@cache
def _country_stems(lang: str) -> tuple[str, ...]:
    """The stems of every country's name in ``lang`` (CLDR via babel), but Russia's, Ukraine's
    and those that are common words: what a national of that country is called after."""
    from babel import Locale
    from rigour.territories import get_territories

    codes = {t.code.upper() for t in get_territories() if t.is_country and not t.is_historical and len(t.code) == 2}
    names = Locale.parse(lang).territories
    stems = []
    for code in sorted(codes - _WAR_PARTIES):
        name = names.get(code)
        if not name or "(" in name or len(name) < 4 or name.lower() in _AMBIGUOUS_NAMES.get(lang, set()):
            continue
        stems.append(_name_stem(name, lang))
    return tuple(stems)


def _head(word: str) -> str:
    """The first letters a country's stem is looked up by: up to five of its first word, lower-case."""
    return word.split()[0][:5].lower() if word.strip() else ""


@cache
def _country_patterns(lang: str) -> dict[str, list[str]]:
    """Every country (but Russia and Ukraine) named in a person's context, from CLDR names via babel,
    one pattern per country, keyed by the first letters of its stem.

    Lets the decision recognise nationals of any country, not only those the
    lexicon lists; a bare country name ("talks in Turkey") is not enough. Keyed
    so that a document runs only the patterns of the countries whose stem begins
    one of its words (one big alternation would cost milliseconds per document).
    The patterns are kept as text and compiled when a document first needs one
    (:func:`_compiled`): compiling all of them would cost a second at start-up.
    """
    template = _COUNTRY_CONTEXT.get(lang)
    if template is None:
        return {}
    by_head: dict[str, list[str]] = {}
    for stem in _country_stems(lang):
        lower, upper = re.escape(stem.lower()), re.escape(stem)
        body = template.replace("{{", "\0").replace("}}", "\1").replace("{name}", lower).replace("{Name}", upper)
        body = body.replace("\0", "{").replace("\1", "}")
        by_head.setdefault(_head(stem), []).append(rf"(?<!\w)(?:{body})")
    return by_head


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_WORD_RE = re.compile(r"\w+")


def country_mentions(text: str, lang: str) -> list[re.Match[str]]:
    """Mentions of a national of any country but Russia and Ukraine ("Ghanaian", "граждан Кубы", "Qanalı")."""
    patterns = _country_patterns(lang)
    if not patterns:
        return []
    # where each country's stem may begin a word: its pattern runs only around there
    windows: dict[str, list[tuple[int, int]]] = {}
    for word in _WORD_RE.finditer(same_length_lower(text)):  # offsets kept ("İ" -> "i")
        w = word.group()
        if len(w) < 3:
            continue
        for head in {w[:3], w[:4], w[:5]}:
            if head in patterns:
                windows.setdefault(head, []).append((max(0, word.start() - 40), word.end() + 40))
    found: dict[tuple[int, int], re.Match[str]] = {}
    for head, spans in windows.items():
        for source in patterns[head]:
            pattern = _compiled(source)
            for start, end in spans:
                for m in pattern.finditer(text, start, end):
                    found.setdefault(m.span(), m)
    return [found[k] for k in sorted(found)]


# Words too common in any news text to stand for a whole cue in the pre-filter:
# the phrase's next longest word is searched instead ("to the war" -> "war").
_GENERIC_WORDS = frozenset(
    "the from with into for and back left work money offer side zone region oblast area "
    "област зон hərbi для при".split()
)


def _stem(phrase: str) -> str | None:
    """The longest word of a lexicon phrase without its "*", lower-case ("sent ... front*" -> "front").

    Any text the phrase matches contains that word, so a substring test keeps
    the filter's recall; words under three letters are too common to help.
    """
    if phrase.startswith("re:"):
        return None
    words = [w.replace("*", "") for w in phrase.lower().replace("...", " ").split()]
    specific = [w for w in words if w not in _GENERIC_WORDS] or words
    best = max(specific, key=len, default="")
    return best if len(best) >= 3 else None


@cache
def _fast_stems() -> tuple[tuple[str, ...], tuple[str, ...]]:
    war: set[str] = set()
    foreign: set[str] = set()
    for lang in LANGUAGES:
        lex = load(lang)
        table = lex.table("relevance")
        war |= {s for p in table.get("war", []) if (s := _stem(p))}
        phrases = table.get("foreign", []) + table.get("foreign_weak", []) + table.get("labour", [])
        phrases += [p for v in lex.table("citizenship").values() for p in v]
        foreign |= {s for p in phrases if (s := _stem(p))}
    return _minimal(war), _minimal(foreign)


def _minimal(stems: set[str]) -> tuple[str, ...]:
    """Shortest stems first, without any stem that contains another (its text holds the shorter one too)."""
    kept: list[str] = []
    for stem in sorted(stems, key=lambda s: (len(s), s)):
        if not any(k in stem for k in kept):
            kept.append(stem)
    return tuple(kept)


@cache
def _country_prefixes() -> frozenset[str]:
    """The first five letters of every country's name stem in the three languages ("ghana", "камер", "nepal").

    Shorter names ("Cuba", "Iran") are left to the citizenship lexicon: their
    stems sit inside too many ordinary words.
    """
    return frozenset(stem[:5].lower() for lang in LANGUAGES for stem in _country_stems(lang) if len(stem) >= 5)


_LEADING_PUNCT = "\"'«„“‘(["


def is_relevant_fast(text: str) -> bool:
    """Cheap pre-filter: could this text be about foreigners in Russia's war? (high recall)

    Plain substring search for the literal stems of the war and foreigner cues of
    all three lexicons, then a look-up of each word's first five letters among the
    countries' names (one set intersection, whatever the number of countries); no
    regular expressions, no models.
    """
    war, foreign = _fast_stems()
    countries = _country_prefixes()  # loaded with the stems, on the first call
    lower = text.lower()
    if not any(s in lower for s in war):
        return False
    if any(s in lower for s in foreign):
        return True
    heads = {w.lstrip(_LEADING_PUNCT)[:5] for w in lower.split()}
    return not heads.isdisjoint(countries)


def _country_sentences(ctx: DocContext) -> set[int]:
    """Sentences naming a national of a country other than Russia or Ukraine."""
    return {ctx.sentence_at(m.start()) for m in country_mentions(ctx.text, ctx.lang)}


def _foreign_sentences(ctx: DocContext) -> tuple[set[int], set[int]]:
    """(strong, weak) foreigner cues: strong = a citizenship, migrant, prisoner or labour-migration cue."""
    rel = ctx.hits("relevance")
    strong = rel.sentences("foreign") | rel.sentences("labour") | _country_sentences(ctx) | _work_in_russian_town(ctx)
    for code, found in ctx.hits("citizenship").by_key.items():
        if code not in _WAR_PARTIES:
            strong |= {k for (k, _, _) in found}
    return strong, rel.sentences("foreign_weak")


def _joint(war: set[int], foreign: set[int], involved: set[int], n: int) -> list[int]:
    """Sentences joining a foreigner cue with a war cue (or two neighbours doing so with an involvement cue)."""
    joint: list[int] = []
    for k in range(n):
        pair = {k, k + 1} if k + 1 < n else {k}
        if k in war and k in foreign:
            joint.append(k)
        elif pair & war and pair & foreign and pair & involved:
            joint.append(k)
    return joint


def decide(ctx: DocContext) -> tuple[bool, list[int]]:
    """Full relevance decision; returns (relevant, indexes of the supporting sentences)."""
    rel = ctx.hits("relevance")
    war, involved, off = (rel.sentences(k) for k in ("war", "involved", "off_topic"))
    war -= rel.sentences("other_side")  # fighting for Ukraine says nothing of the Russian forces
    if not _anchored(ctx) and (off or _war_kinds(ctx) < 2):
        return False, []
    strong, weak = _foreign_sentences(ctx)
    foreign = strong | weak if strong else set()
    joint = _joint(war, foreign, involved, len(ctx.sentences))
    supported = [k for k in joint if k in involved]
    if supported and _outweighs(len(supported), len(off)):
        return True, supported
    if joint and not off and (len(joint) >= 2 or len(involved) >= 2):
        # one sentence joining a foreign national and the war ("a Cuban back from Russia's war"),
        # and a report telling of someone's part in it in several places
        return True, joint
    # the report as a whole: "killed at the front" in one place, "Ghanaian student" or
    # "went to Russia to work" in another; with near-topic cues, within two sentences
    fighting = sorted(war & involved)
    if fighting and strong and _outweighs(len(fighting), len(off)):
        return True, fighting[:2] + sorted(strong)[:1]
    near = [k for k in fighting if any(j in strong for j in range(k - 2, k + 3))]
    if near and _outweighs(len(near), len(off)):
        return True, near[:2]
    return False, []


def _outweighs(evidence: int, off: int) -> bool:
    """A near-topic cue (remittances, patents, Karabakh ...) is outweighed by half as many sentences
    joining a foreign national, the war and their part in it: a foreigner sent to the war is never lost."""
    return off <= 2 * evidence


def _anchored(ctx: DocContext) -> bool:
    """The report names Russia, Ukraine or a place of this war: captivity or a front alone may be another war's."""
    if not ctx.lexicon.table("relevance").get("anchor"):
        return True
    return bool(ctx.hits("relevance").sentences("anchor")) or _names_russian_town(ctx)


_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-ÞƏĞİŞÇÖÜА-ЯЁ][\w'’-]{2,}")


def _work_in_russian_town(ctx: DocContext) -> set[int]:
    """Sentences of an Azerbaijani or English report telling work in a town of Russia ("İvanovoya
    işləməyə getmişdi", "worked on a building site in Tver"): labour migration, as "went to Russia to
    work" is. (Not in Russian: there a Russian town is home to Russia's own volunteers.)"""
    words = ctx.lexicon.pattern("relevance", "work_words")
    if ctx.lang not in ("az", "en") or words is None:
        return set()
    hits = ctx.hits("relevance").sentences("work_words")
    return {k for k in hits if _names_russian_town(ctx, ctx.sentences[k].start, ctx.sentences[k].end)}


def _names_russian_town(ctx: DocContext, start: int = 0, end: int | None = None) -> bool:
    """The report names a town of Russia ("İvanovoya işləməyə getmişdi", "в Твери"): Faker's ru_RU
    towns, with Azerbaijani case endings stripped and Russian case forms reduced (pymorphy3)."""
    from soraq.extract import az_suffixes, countries
    from soraq.extract.places import _ru_nominative

    for m in _CAPITALISED.finditer(ctx.text, start, len(ctx.text) if end is None else end):
        word = m.group(0)
        if m.start() == 0 or ctx.text[m.start() - 1] == "\n":
            continue  # a headline's first word is capitalised whatever it is
        forms = [word]
        if ctx.lang == "az":
            forms += az_suffixes.stems(word)
        elif ctx.lang == "ru":
            forms.append(_ru_nominative(word))
        if any(len(f) >= 4 and countries.in_russia(f) for f in forms):
            return True
    return False


def _war_kinds(ctx: DocContext) -> int:
    """How many different war cues the report uses ("front", "captivity", "contract" ... by their first letters).

    A report that never names Russia or Ukraine is still in scope when it tells of
    several sides of the war (a colony recruit sent to the front, wounded, captured);
    one word ("captivity") alone may belong to another war.
    """
    found = ctx.hits("relevance").by_key.get("war", [])
    return len({ctx.text[start:end].lower()[:4] for (_, start, end) in found})


def tells_of_someone(ctx: DocContext) -> bool:
    """The report speaks of a particular person (lexicon ``[relevance] someone``: "he", "his mother",
    "он", "его семья", "onun", "ailəsi"), even one the name finder missed.

    A report that names, counts or refers to nobody (a consular warning, a law's text)
    is no report on people brought into the war, whatever its words.
    """
    if not ctx.lexicon.table("relevance").get("someone"):
        return True
    return bool(ctx.hits("relevance").sentences("someone"))
