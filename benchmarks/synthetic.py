"""A synthetic archive for the benchmark: realistic, deterministic, any size.

`write_synthetic_archive(root, n, seed)` writes root/archive in exactly the format of
the real one: about 200 officials (half Chinese, half Iranian, with native names,
aliases and dated positions), about 30 initiatives, agreements and organisations, and
n readouts of about 500 words each, spread over 1996–2025, about 5% of them a second
account of an earlier readout's event. Everything comes from one `random.Random(seed)`,
so the same (n, seed) gives byte-identical files.

`make_bench_project(root, n)` adds the repository's site set-up (mkdocs.yml, templates/,
CONTRIBUTING.md, everything hand-written in docs/: about.md, stylesheets/, scripts) around
it, ready to build; `copy_site_setup(root)` is that set-up alone, which the tests use too.
"""

from __future__ import annotations

import json
import random
import re
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from generator.core.text import slugify
from generator.build.write import GENERATED

FIRST_DAY = date(1996, 1, 1)
LAST_DAY = date(2025, 12, 31)
ARCHIVE_OPENED = date(2024, 1, 1)  # readouts of earlier meetings entered the archive from then on
OFFICIALS_PER_COUNTRY = 100
INITIATIVE_COUNT = 30
SECOND_ACCOUNT_SHARE = 0.05
NO_DATE = "The page gives no publication date."

# ---------------------------------------------------------------- names

CHINESE_SURNAMES = (
    ("Wang", "王"), ("Li", "李"), ("Zhang", "张"), ("Liu", "刘"), ("Chen", "陈"), ("Yang", "杨"),
    ("Zhao", "赵"), ("Huang", "黄"), ("Zhou", "周"), ("Wu", "吴"), ("Xu", "徐"), ("Sun", "孙"),
    ("Hu", "胡"), ("Zhu", "朱"), ("Gao", "高"), ("Lin", "林"), ("Guo", "郭"), ("Ma", "马"),
    ("Luo", "罗"), ("Liang", "梁"), ("Song", "宋"), ("Zheng", "郑"), ("Xie", "谢"), ("Han", "韩"),
    ("Tang", "唐"), ("Feng", "冯"), ("Yu", "于"), ("Dong", "董"), ("Cheng", "程"), ("Cao", "曹"),
    ("Yuan", "袁"), ("Deng", "邓"), ("Fu", "傅"), ("Shen", "沈"), ("Peng", "彭"), ("Lu", "陆"),
    ("Jiang", "蒋"), ("Cai", "蔡"), ("Wei", "魏"), ("Qin", "秦"),
)
CHINESE_GIVEN = (  # no syllable starts with a vowel, so two of them join without an apostrophe
    ("wei", "伟"), ("ming", "明"), ("jian", "建"), ("guo", "国"), ("hua", "华"), ("ping", "平"),
    ("qiang", "强"), ("yi", "毅"), ("jun", "军"), ("hong", "宏"), ("lei", "磊"), ("bin", "斌"),
    ("tao", "涛"), ("feng", "峰"), ("bo", "波"), ("xin", "新"), ("hai", "海"), ("yong", "勇"),
    ("jie", "杰"), ("zhi", "志"), ("dong", "东"), ("chao", "超"), ("kai", "凯"), ("liang", "亮"),
    ("rong", "荣"), ("sheng", "胜"), ("wen", "文"), ("yan", "岩"), ("zhong", "忠"), ("chun", "春"),
    ("li", "立"), ("de", "德"), ("qing", "庆"), ("xiang", "祥"), ("yuan", "远"), ("hui", "辉"),
    ("shan", "山"), ("ning", "宁"), ("long", "龙"), ("zhen", "振"), ("xue", "学"), ("bing", "兵"),
)
# Pinyin → an older, Wade–Giles-like spelling, as some sources still print it.
WADE_GILES = (("zh", "ch"), ("Zh", "Ch"), ("x", "hs"), ("X", "Hs"), ("q", "ch"), ("Q", "Ch"),
              ("ong", "ung"), ("ian", "ien"), ("z", "ts"), ("Z", "Ts"))

IRANIAN_GIVEN = (
    ("Mohammad", "محمد"), ("Ali", "علی"), ("Hassan", "حسن"), ("Hossein", "حسین"), ("Mahmoud", "محمود"),
    ("Abbas", "عباس"), ("Javad", "جواد"), ("Reza", "رضا"), ("Mehdi", "مهدی"), ("Saeed", "سعید"),
    ("Ebrahim", "ابراهیم"), ("Hamid", "حمید"), ("Majid", "مجید"), ("Masoud", "مسعود"), ("Kamal", "کمال"),
    ("Ahmad", "احمد"), ("Akbar", "اکبر"), ("Mostafa", "مصطفی"), ("Mohsen", "محسن"), ("Bijan", "بیژن"),
    ("Kazem", "کاظم"), ("Jafar", "جعفر"), ("Nasser", "ناصر"), ("Esmaeil", "اسماعیل"), ("Davoud", "داوود"),
    ("Bahram", "بهرام"), ("Parviz", "پرویز"), ("Karim", "کریم"), ("Mojtaba", "مجتبی"), ("Amir", "امیر"),
    ("Morteza", "مرتضی"), ("Yousef", "یوسف"), ("Gholamreza", "غلامرضا"), ("Abdolnaser", "عبدالناصر"),
)
IRANIAN_ONSETS = (
    ("Kha", "خا"), ("Za", "زا"), ("Ra", "را"), ("Mo", "مو"), ("Ba", "با"), ("Sha", "شا"), ("Ta", "تا"),
    ("Na", "نا"), ("Fa", "فا"), ("Ja", "جا"), ("Ka", "کا"), ("Ha", "ها"), ("Sa", "سا"), ("Da", "دا"),
    ("Gha", "قا"), ("La", "لا"), ("Va", "وا"), ("Pa", "پا"), ("Ga", "گا"), ("Me", "مه"), ("Se", "سه"),
    ("Ro", "رو"), ("Ha", "حا"), ("Ta", "طا"), ("Ze", "زه"),
)
IRANIAN_MIDDLES = (
    ("r", "ر"), ("l", "ل"), ("h", "ه"), ("bar", "بار"), ("rav", "راو"), ("dan", "دان"), ("kar", "کار"),
    ("sh", "ش"), ("m", "م"), ("n", "ن"), ("del", "دل"), ("far", "فر"), ("mand", "مند"), ("t", "ت"),
    ("b", "ب"), ("rd", "رد"), ("hm", "هم"), ("sht", "شت"), ("z", "ز"), ("gh", "غ"),
)
IRANIAN_ENDINGS = (
    ("azi", "ازی"), ("ani", "انی"), ("i", "ی"), ("ian", "یان"), ("zadeh", "زاده"), ("pour", "پور"),
    ("nejad", "نژاد"), ("abadi", "آبادی"), ("vand", "وند"), ("ari", "اری"), ("avi", "وی"),
    ("oudi", "ودی"), ("ollahi", "اللهی"), ("ipour", "ی‌پور"), ("ifar", "ی‌فر"),
)
# Other transliterations of Persian names found in sources.
PERSIAN_VARIANTS = (("Mohammad", "Mohammed"), ("Hossein", "Hussein"), ("Ebrahim", "Ibrahim"),
                    ("Saeed", "Said"), ("Hassan", "Hasan"), ("Masoud", "Masud"), ("Mahmoud", "Mahmud"),
                    ("Esmaeil", "Ismail"), ("Yousef", "Yusuf"), ("Mostafa", "Mustafa"), ("Davoud", "Davud"),
                    ("Javad", "Jawad"), ("zadeh", "zade"), ("pour", "pur"), ("nejad", "nezhad"),
                    ("oudi", "udi"), ("Kh", "H"), ("Gh", "Q"))

CHINESE_TITLES = (
    "President of the People's Republic of China", "Vice President of the People's Republic of China",
    "Premier of the State Council", "Vice Premier of the State Council", "State Councilor",
    "Minister of Foreign Affairs", "Vice Minister of Foreign Affairs", "Assistant Minister of Foreign Affairs",
    "Minister of Commerce", "Minister of National Defense", "Minister of Public Security",
    "Chairman of the National Development and Reform Commission",
    "Minister of the International Department of the CPC Central Committee",
    "Chairman of the Standing Committee of the National People's Congress",
    "Chairman of the National Committee of the CPPCC", "Member of the Political Bureau of the CPC Central Committee",
    "Special Envoy of the Chinese Government on the Middle East Issue", "Ambassador to Iran",
    "Minister of Culture and Tourism", "Governor of the People's Bank of China",
)
IRANIAN_TITLES = (
    "President of Iran", "First Vice President of Iran", "Minister of Foreign Affairs",
    "Deputy Foreign Minister for Political Affairs", "Speaker of the Islamic Consultative Assembly",
    "Secretary of the Supreme National Security Council", "Minister of Petroleum",
    "Minister of Economic Affairs and Finance", "Minister of Defence and Armed Forces Logistics",
    "Head of the Strategic Council on Foreign Relations", "Chief Justice of Iran", "Ambassador to China",
    "Minister of Roads and Urban Development", "Governor of the Central Bank of Iran",
    "Minister of Industry, Mine and Trade", "Minister of Culture and Islamic Guidance",
    "Chief of Staff of the President", "Vice President for Economic Affairs", "Minister of Energy",
    "Special Envoy for Afghanistan",
)

# ---------------------------------------------------------------- initiatives

INITIATIVE_PREFIXES = ("Global", "Regional", "Asian", "Eurasian", "Silk Road", "Persian Gulf", "Caspian",
                       "Central Asian", "Trans-Asian", "West Asian", "Indian Ocean", "South–South")
INITIATIVE_DOMAINS = ("Energy", "Security", "Development", "Trade", "Connectivity", "Digital", "Health",
                      "Maritime", "Agricultural", "Civilisation", "Railway", "Finance", "Space", "Water",
                      "Cultural", "Industrial", "Scientific", "Investment", "Aviation", "Education")
INITIATIVE_NOUNS = {
    "initiative": ("Initiative", "Partnership Initiative", "Cooperation Programme", "Dialogue Initiative"),
    "agreement": ("Cooperation Agreement", "Accord", "Treaty", "Memorandum of Understanding", "Framework Agreement"),
    "organisation": ("Organisation", "Forum", "Council", "Bank", "Cooperation Organisation"),
}
INITIATIVE_PURPOSES = (
    "to coordinate {d} policy among its members", "to finance {d} projects across the region",
    "to deepen {d} cooperation between China and Iran", "to build common standards for {d} cooperation",
    "to promote dialogue and joint projects in {d}", "to link national {d} plans along the old Silk Road",
)
SMALL_WORDS = {"and", "of", "on", "the", "for", "in"}

# ---------------------------------------------------------------- readouts

KIND_WEIGHTS = (("meeting", 45), ("talks", 20), ("phone call", 25), ("video call", 10))
PUBLISHERS = {
    "China": (
        ("Ministry of Foreign Affairs of the People's Republic of China", "https://www.fmprc.gov.cn/eng/wjdt_665385/"),
        ("Xinhua News Agency", "https://english.news.cn/"),
        ("Embassy of the People's Republic of China in Iran", "http://ir.china-embassy.gov.cn/eng/"),
        ("Permanent Mission of the People's Republic of China to the UN", "http://un.china-mission.gov.cn/eng/"),
    ),
    "Iran": (
        ("Ministry of Foreign Affairs of the Islamic Republic of Iran", "https://en.mfa.ir/portal/"),
        ("Islamic Republic News Agency", "https://en.irna.ir/"),
        ("Office of the President of the Islamic Republic of Iran", "https://president.ir/en/"),
        ("Tehran Times", "https://www.tehrantimes.com/"),
    ),
}
PUBLISHER_KINDS = {
    "Ministry of Foreign Affairs of the People's Republic of China": "ministry", "Xinhua News Agency": "state news agency",
    "Embassy of the People's Republic of China in Iran": "embassy or mission",
    "Permanent Mission of the People's Republic of China to the UN": "embassy or mission",
    "Ministry of Foreign Affairs of the Islamic Republic of Iran": "ministry",
    "Islamic Republic News Agency": "state news agency",
    "Office of the President of the Islamic Republic of Iran": "ministry", "Tehran Times": "other outlet",
}
HOME_CITIES = {"China": ("Beijing", "Beijing", "Beijing", "Shanghai", "Qingdao", "Xiamen", "Hangzhou"),
               "Iran": ("Tehran", "Tehran", "Tehran", "Isfahan", "Mashhad", "Shiraz", "Tabriz")}
ABROAD = (  # city, country, the occasions that bring both sides there
    ("New York", "United States", ("the General Debate of the United Nations General Assembly",)),
    ("Geneva", "Switzerland", ("the Conference on Disarmament", "a session of the Human Rights Council")),
    ("Vienna", "Austria", ("the General Conference of the International Atomic Energy Agency",)),
    ("Moscow", "Russia", ("a meeting of foreign ministers on Afghanistan",)),
    ("Kazan", "Russia", ("the BRICS Summit",)),
    ("Johannesburg", "South Africa", ("the BRICS Summit", "a meeting of BRICS national security advisers")),
    ("Astana", "Kazakhstan", ("the Summit of the Shanghai Cooperation Organisation",)),
    ("Samarkand", "Uzbekistan", ("the Summit of the Shanghai Cooperation Organisation",)),
    ("Dushanbe", "Tajikistan", ("the Conference on Interaction and Confidence-Building Measures in Asia",)),
    ("Bishkek", "Kyrgyzstan", ("the Summit of the Shanghai Cooperation Organisation",)),
    ("Doha", "Qatar", ("the Doha Forum",)),
    ("Muscat", "Oman", ("consultations on regional security",)),
    ("Jakarta", "Indonesia", ("the Asian–African Summit",)),
    ("Kuala Lumpur", "Malaysia", ("the Summit of the Non-Aligned Movement",)),
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
KIND_VERB = {"meeting": "met with", "talks": "held talks with", "phone call": "had a phone conversation with",
             "video call": "held a video call with"}
KIND_NOUN = {"meeting": "meeting", "talks": "talks", "phone call": "call", "video call": "video call"}
TIME_OF_DAY = ("On the afternoon of", "On the morning of", "On", "On", "On the evening of")

SUBJECTS = ("the two sides", "China and Iran", "the two countries", "both countries", "Beijing and Tehran",
            "the two governments")
MODALS = ("should", "will", "need to", "are ready to", "must continue to", "can")
VERBS = ("deepen", "strengthen", "expand", "advance", "consolidate", "promote", "enhance", "broaden",
         "upgrade", "sustain")
OBJECTS = (
    "practical cooperation in energy, trade and infrastructure", "the comprehensive strategic partnership",
    "communication and coordination on regional and international affairs", "people-to-people and cultural exchanges",
    "mutual political trust", "cooperation within multilateral frameworks", "exchanges between their legislatures",
    "cooperation in science, technology and innovation", "coordination at the United Nations",
    "cooperation on counter-terrorism and security", "connectivity and transport links", "trade and investment ties",
    "exchanges between young people", "cooperation in agriculture and water management",
    "cooperation in health and medicine", "financial and banking cooperation", "cooperation in tourism and education",
)
ADJUNCTS = ("in the years ahead", "on the basis of mutual respect", "in the spirit of equality and mutual benefit",
            "under the new circumstances", "at a higher level", "in a steady and sustained manner",
            "for the benefit of both peoples", "in the face of a changing international landscape")
ISSUES = ("the situation in the Middle East", "the Iranian nuclear issue", "the situation in Afghanistan",
          "the Palestinian question", "maritime security in the Gulf", "energy security",
          "the reform of global governance", "regional counter-terrorism cooperation", "the situation in Syria",
          "unilateral sanctions", "the security of shipping lanes", "food security", "the situation in Yemen",
          "climate change")
FACTS = ("the international situation is undergoing profound and complex changes",
         "bilateral trade has grown steadily in recent years",
         "the two countries share a long history of friendly exchanges along the ancient Silk Road",
         "the two sides have maintained close exchanges at all levels",
         "developing countries face growing challenges to their development",
         "the two countries are both ancient civilisations and important developing countries")
VALUES = ("appreciates", "values", "highly regards", "welcomes")
ROLES = ("constructive role", "important role", "active role", "positive contribution")
AREAS = ("regional and international affairs", "upholding multilateralism", "safeguarding regional peace and stability",
         "promoting dialogue among civilisations", "the stability of international energy markets")
SUPPORTS = ("firm support", "understanding and support", "principled position", "consistent position")
DEFENDS = ("safeguarding", "defending", "upholding")
INTERESTS = ("its sovereignty, security and development interests", "its national independence and territorial integrity",
             "its legitimate rights and interests", "its right to choose its own path of development")
OPPORTUNITIES = ("broad opportunities", "new opportunities", "a solid foundation", "an important platform")
LAUNCHED = {"initiative": "launched", "agreement": "signed", "organisation": "founded"}
OUTCOMES = ("yielded fruitful results", "made steady progress", "brought tangible benefits to both peoples",
            "opened up new space for cooperation", "become an important platform for cooperation")
TOPICS = ("Bilateral Ties", "Regional Developments", "Energy Cooperation", "Trade Cooperation", "Strategic Partnership",
          "Regional Security", "Economic Cooperation", "Multilateral Cooperation")

# Every word the bodies use outside names: no alias may be one of them, or every body would "mention" it.
VOCABULARY = {
    word.casefold()
    for phrases in (SUBJECTS, MODALS, VERBS, OBJECTS, ADJUNCTS, ISSUES, FACTS, VALUES, ROLES, AREAS, SUPPORTS,
                    DEFENDS, INTERESTS, OPPORTUNITIES, OUTCOMES, TOPICS, TIME_OF_DAY, MONTHS,
                    tuple(KIND_VERB.values()), tuple(LAUNCHED.values()))
    for phrase in phrases for word in re.findall(r"\w+", phrase)
} | {"he", "she", "said", "the", "side", "china", "iran", "chinese", "iranian", "president", "minister"}


# ---------------------------------------------------------------- the registries

@dataclass(eq=False)
class _Official:
    name: str
    native: str
    country: str
    aliases: list[str]
    positions: list[tuple[str, date, date | None]]  # newest first; None: still in office
    surname: str  # how the texts call them after the first mention
    weight: float
    slug: str = ""
    first: int = 0  # years active, for picking participants
    last: int = 0

    def title_on(self, day: date) -> str:
        for title, start, end in self.positions:
            if start <= day and (end is None or day <= end):
                return title
        return self.positions[-1][0]


@dataclass(eq=False)
class _Initiative:
    name: str
    short: str
    kind: str
    since: int
    summary: str
    aliases: list[str] = field(default_factory=list)


def _random_day(rng: random.Random, year: int) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def _positions(rng: random.Random, titles: tuple[str, ...]) -> list[tuple[str, date, date | None]]:
    start = _random_day(rng, rng.randint(1988, 2023))
    spans = []
    for _ in range(1 if rng.random() < 0.5 else 2):
        end = start + timedelta(days=rng.randint(2 * 365, 10 * 365))
        spans.append((rng.choice(titles), start, end if end <= LAST_DAY else None))
        if end > LAST_DAY:
            break
        start = end + timedelta(days=rng.randint(1, 300))
        if start > LAST_DAY:
            break
    return spans[::-1]


def _chinese_official(rng: random.Random) -> tuple[str, str, list[str], str]:
    surname, surname_native = rng.choice(CHINESE_SURNAMES)
    syllables = [rng.choice(CHINESE_GIVEN) for _ in range(1 if rng.random() < 0.3 else 2)]
    given = "".join(s for s, _ in syllables).capitalize()
    name = f"{surname} {given}"
    native = surname_native + "".join(c for _, c in syllables)
    candidates = [f"{given} {surname}"]  # Western order
    if len(syllables) == 2:
        candidates.append(f"{surname} {syllables[0][0].capitalize()}-{syllables[1][0]}")
    wade = name
    for old, new in WADE_GILES:
        wade = wade.replace(old, new)
    if wade != name:
        candidates.append(wade)
    return name, native, candidates, name


def _iranian_official(rng: random.Random) -> tuple[str, str, list[str], str]:
    onset, middle, ending = rng.choice(IRANIAN_ONSETS), rng.choice(IRANIAN_MIDDLES), rng.choice(IRANIAN_ENDINGS)
    surname = onset[0] + middle[0] + ending[0]
    surname_native = onset[1] + middle[1] + ending[1]
    given = [rng.choice(IRANIAN_GIVEN)]
    if rng.random() < 0.3:
        second = rng.choice(IRANIAN_GIVEN)
        if second != given[0]:
            given.append(second)
    joined = "-" if len(given) == 2 and rng.random() < 0.4 else " "
    name = joined.join(g for g, _ in given) + " " + surname
    native = " ".join(g for _, g in given) + " " + surname_native
    variant = name
    for old, new in PERSIAN_VARIANTS:
        variant = variant.replace(old, new)
    doubled = re.sub(r"([aeiou])([rlmnzsd])([aeiou])", r"\1\2\2\3", surname, count=1)
    candidates = [surname, variant, name.replace(surname, doubled), "Seyyed " + name]
    return name, native, candidates, surname


def _officials(rng: random.Random) -> list[_Official]:
    taken: dict[str, str] = {}  # every name, alias and slug in use, case-folded
    officials = []
    for country, make, titles in (("China", _chinese_official, CHINESE_TITLES),
                                  ("Iran", _iranian_official, IRANIAN_TITLES)):
        made = 0
        while made < OFFICIALS_PER_COUNTRY:
            name, native, candidates, surname = make(rng)
            slug = slugify(name)
            if name.casefold() in taken or "slug:" + slug in taken:
                continue
            taken[name.casefold()] = name
            taken["slug:" + slug] = name
            aliases = []
            for alias in rng.sample(candidates, min(len(candidates), rng.choice((0, 1, 1, 2, 2)))):
                key = alias.casefold()
                if alias == name or key in taken or key in VOCABULARY or len(alias) < 4:
                    continue
                taken[key] = name
                aliases.append(alias)
            if surname != name and surname not in aliases:
                surname = name  # only a registered alias may stand for them in a text
            positions = _positions(rng, titles)
            official = _Official(name, native, country, aliases, positions, surname,
                                 weight=min(rng.paretovariate(1.2), 25.0), slug=slug)
            official.first = positions[-1][1].year
            official.last = positions[0][2].year if positions[0][2] else LAST_DAY.year
            officials.append(official)
            made += 1
    return officials


def _abbreviation(name: str) -> str:
    words = re.split(r"[\s–-]+", name)
    return "".join(w[0].upper() for w in words if w and w.casefold() not in SMALL_WORDS)


def _initiatives(rng: random.Random) -> list[_Initiative]:
    kinds = ["initiative"] * 12 + ["agreement"] * 10 + ["organisation"] * 8
    taken: dict[str, str] = {}
    made = []
    for kind in kinds:
        while True:
            domain = rng.choice(INITIATIVE_DOMAINS)
            noun = rng.choice(INITIATIVE_NOUNS[kind])
            if kind == "agreement" and rng.random() < 0.5:
                name = f"China–Iran {domain} {noun}"
            else:
                name = f"{rng.choice(INITIATIVE_PREFIXES)} {domain} {noun}"
            short = _abbreviation(name)
            if name.casefold() in taken or short.casefold() in taken or len(short) < 3:
                continue
            break
        since = rng.randint(1990, 2023)
        purpose = rng.choice(INITIATIVE_PURPOSES).format(d=domain.casefold())
        summary = f"{kind.capitalize()} {LAUNCHED[kind]} in {since} {purpose}."
        aliases = []
        american = name.replace("Organisation", "Organization").replace("Civilisation", "Civilization")
        if american != name:
            aliases.append(american)
        for key in (name, short, *aliases):
            taken[key.casefold()] = name
        made.append(_Initiative(name, short, kind, since, summary, aliases))
    return made


_PLAIN = re.compile(r"^[A-Za-z\u0080-\uffff][\w\u0080-\uffff '’,.()–-]*$")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}


def _scalar(text: str) -> str:
    """The text as a YAML scalar: plain where that reads back as the same text, quoted elsewhere."""
    if _PLAIN.match(text) and text.casefold() not in _YAML_WORDS and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def _officials_yaml(officials: list[_Official]) -> str:
    parts = []
    for o in officials:
        lines = [f"- name: {_scalar(o.name)}", f"  native: {_scalar(o.native)}", f"  country: {o.country}"]
        if o.aliases:
            lines.append("  aliases:")
            lines += [f"    - {_scalar(a)}" for a in o.aliases]
        else:
            lines.append("  aliases: []")
        lines.append("  positions:")
        for title, start, end in o.positions:
            lines.append(f"    - title: {_scalar(title)}")
            lines.append(f"      from: {start.isoformat()}")
            if end is not None:
                lines.append(f"      to: {end.isoformat()}")
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


def _initiatives_yaml(initiatives: list[_Initiative]) -> str:
    parts = []
    for i in initiatives:
        lines = [f"- name: {_scalar(i.name)}", f"  short: {_scalar(i.short)}", f"  kind: {i.kind}"]
        if i.aliases:
            lines.append("  aliases:")
            lines += [f"    - {_scalar(a)}" for a in i.aliases]
        else:
            lines.append("  aliases: []")
        lines += [f"  since: {i.since}", f"  summary: {_scalar(i.summary)}"]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


# ---------------------------------------------------------------- readouts

@dataclass(eq=False)
class _Readout:
    day: date
    kind: str
    venue: str
    occasion: str
    participants: list[_Official]  # the publisher's side first
    initiatives: list[_Initiative]
    country: str  # the publisher's country
    publisher: str
    url_base: str


def _styled(title: str, adjective: str) -> str:
    """'Minister of Foreign Affairs' → 'Iranian Minister of Foreign Affairs'; 'President of Iran' as it is."""
    own = ("Iran",) if adjective == "Iranian" else ("China", "Chinese", "CPC", "CPPCC", "People's")
    if any(word in title for word in own):
        return title
    return f"{adjective} {title}"


class _Writer:
    """Titles and bodies for readouts, from the word lists above."""

    def __init__(self, rng: random.Random, officials: list[_Official]):
        self.rng = rng
        self.by_country = {c: [o for o in officials if o.country == c] for c in ("China", "Iran")}

    def ref(self, official: _Official, first: bool = False) -> str:
        """How the text names an official: in full at first, then often by surname."""
        rng = self.rng
        if first:
            if official.aliases and rng.random() < 0.1:
                return rng.choice(official.aliases)  # a source's own spelling
            return official.name
        roll = rng.random()
        if roll < 0.5:
            return official.surname
        if roll < 0.8:
            return official.name
        return "the Chinese side" if official.country == "China" else "the Iranian side"

    def title(self, r: _Readout) -> str:
        rng = self.rng
        own, other = r.participants[0], next(p for p in r.participants if p.country != r.country)
        if r.country == "China":
            role = _styled(other.title_on(r.day), "Iranian") + " " if rng.random() < 0.4 else ""
            if r.kind == "meeting":
                return f"{own.name} Meets with {role}{other.name}"
            if r.kind == "talks":
                return f"{own.name} Holds Talks with {role}{other.name}"
            if r.kind == "phone call":
                return rng.choice((f"{own.name} Speaks with {role}{other.name} on the Phone",
                                   f"{own.name} Has a Phone Call with {role}{other.name}"))
            return f"{own.name} Holds Video Call with {role}{other.name}"
        topic = rng.choice(TOPICS)
        if r.kind == "meeting":
            return rng.choice((f"{own.name} Receives {_styled(other.title_on(r.day), 'Chinese')}",
                               f"{own.name}, {other.name} Discuss {topic} in {r.venue.split(',')[0]}"))
        if r.kind == "talks":
            return f"Iran, China Hold Talks on {topic}"
        if r.kind == "phone call":
            return f"{own.name} Discusses {topic} with {other.name} by Phone"
        return f"Iran, China Stress {topic} in {own.surname}–{other.surname} Video Call"

    def sentence(self, speaker: _Official) -> str:
        rng = self.rng
        s = self.ref(speaker)
        country, country2 = ("China", "Iran") if speaker.country == "China" else ("Iran", "China")
        pick = rng.randrange(8)
        if pick == 0:
            text = f"{s} said that {rng.choice(SUBJECTS)} {rng.choice(MODALS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ADJUNCTS)}."
        elif pick == 1:
            text = (f"{s} stressed that {rng.choice(SUBJECTS)} {rng.choice(MODALS)} {rng.choice(VERBS)} "
                    f"{rng.choice(OBJECTS)}, {rng.choice(VERBS)} {rng.choice(OBJECTS)} and {rng.choice(VERBS)} {rng.choice(OBJECTS)}.")
        elif pick == 2:
            text = (f"{country} {rng.choice(VALUES)} {country2}'s {rng.choice(ROLES)} in {rng.choice(AREAS)}, "
                    f"and is ready to work with {country2} to {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ADJUNCTS)}.")
        elif pick == 3:
            text = (f"Noting that {rng.choice(FACTS)}, {s} said {rng.choice(SUBJECTS)} {rng.choice(MODALS)} "
                    f"{rng.choice(VERBS)} {rng.choice(OBJECTS)}.")
        elif pick == 4:
            text = f"{s} expressed appreciation for {country2}'s {rng.choice(SUPPORTS)} on {rng.choice(ISSUES)}."
        elif pick == 5:
            text = f"{country} firmly supports {country2} in {rng.choice(DEFENDS)} {rng.choice(INTERESTS)}, {s} said."
        elif pick == 6:
            text = (f"The two sides also exchanged views on {rng.choice(ISSUES)}, {rng.choice(ISSUES)} "
                    f"and other international and regional issues of common concern.")
        else:
            text = (f"{s} added that {rng.choice(SUBJECTS)} {rng.choice(MODALS)} {rng.choice(VERBS)} "
                    f"{rng.choice(OBJECTS)} and jointly address {rng.choice(ISSUES)}.")
        return text[0].upper() + text[1:]

    def initiative_sentence(self, speaker: _Official, initiative: _Initiative, first: bool) -> str:
        rng = self.rng
        s = self.ref(speaker)
        country, country2 = ("China", "Iran") if speaker.country == "China" else ("Iran", "China")
        named = f"the {initiative.name} ({initiative.short})" if first else f"the {initiative.short}"
        pick = rng.randrange(4)
        if pick == 0:
            text = f"{s} said that {country} is ready to work with {country2} to advance cooperation under {named}."
        elif pick == 1:
            text = f"{s} welcomed {country2}'s support for {named} and called for its steady implementation."
        elif pick == 2:
            text = f"Both sides agreed that {named} offers {rng.choice(OPPORTUNITIES)} for {rng.choice(AREAS)}."
        else:
            text = (f"{s} noted that {named} has {rng.choice(OUTCOMES)} since it was "
                    f"{LAUNCHED[initiative.kind]} in {initiative.since}.")
        return text[0].upper() + text[1:]

    def lead(self, r: _Readout) -> str:
        rng = self.rng
        a, b = r.participants[0], next(p for p in r.participants if p.country != r.country)
        day = f"{MONTHS[r.day.month - 1]} {r.day.day}, {r.day.year}"
        where = f" in {r.venue.split(',')[0]}" if r.venue else ""
        occasion = f" on the sidelines of {r.occasion}" if r.occasion else ""
        a_title = _styled(a.title_on(r.day), "Chinese" if a.country == "China" else "Iranian")
        b_title = _styled(b.title_on(r.day), "Chinese" if b.country == "China" else "Iranian")
        text = (f"{rng.choice(TIME_OF_DAY)} {day}, {a_title} {self.ref(a, first=True)} "
                f"{KIND_VERB[r.kind]} {b_title} {self.ref(b, first=True)}{where}{occasion}.")
        others = [p for p in r.participants if p is not a and p is not b]
        if others:
            names = " and ".join(f"{p.title_on(r.day)} {p.name}" for p in others)
            text += f" {names} also took part in the {KIND_NOUN[r.kind]}."
        return text

    def body(self, r: _Readout) -> tuple[str, _Official | None]:
        """The text, and the official it names who did not take part, if any."""
        rng = self.rng
        mentioned = None
        target = rng.randint(440, 560)
        paragraphs = [self.lead(r)]
        words = paragraphs[0].count(" ") + 1
        pending = list(r.initiatives)
        named: list[_Initiative] = []
        speakers = r.participants
        turn = 0
        if rng.random() < 0.25:  # someone not present: greetings passed on, or an earlier consensus recalled
            speaker = speakers[0]
            absent = rng.choice(self.by_country[speaker.country])
            if absent not in r.participants:
                mentioned = absent
                greeting = (f"{self.ref(speaker)} conveyed the cordial greetings "
                            f"of {absent.name}, and recalled the important consensus reached between the leaders of the two countries.")
                paragraphs.append(greeting[0].upper() + greeting[1:])
                words += greeting.count(" ") + 1
        while words < target or pending:
            speaker = speakers[turn % len(speakers)]
            turn += 1
            sentences = []
            for _ in range(rng.randint(3, 5)):
                if pending and rng.random() < 0.5:
                    initiative = pending.pop(0)
                    named.append(initiative)
                    sentences.append(self.initiative_sentence(speaker, initiative, first=True))
                elif named and rng.random() < 0.15:
                    sentences.append(self.initiative_sentence(speaker, rng.choice(named), first=False))
                else:
                    sentences.append(self.sentence(speaker))
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            words += paragraph.count(" ") + 1
        return "\n\n".join(paragraphs) + "\n", mentioned


def _publishers_yaml() -> str:
    lines = []
    for country, publishers in PUBLISHERS.items():
        for name, url in publishers:
            host = url.split("/")[2].removeprefix("www.").removeprefix("english.").removeprefix("en.")
            lines += [f"- name: {_scalar(name)}", f"  native: {_scalar(name)}", f"  country: {country}",
                      f"  kind: {PUBLISHER_KINDS[name]}", "  hosts:", f"    - {host}", ""]
    return "\n".join(lines)


def _front_matter(r: _Readout, slug: str, title: str, published: date | None, url: str, notes: str) -> str:
    lines = ["---", f"id: {slug}", f"title: {json.dumps(title, ensure_ascii=False)}", f"date: {r.day.isoformat()}",
             f"kind: {r.kind}"]
    if r.venue:
        lines.append(f"venue: {_scalar(r.venue)}")
    if r.occasion:
        lines.append(f"occasion: {_scalar(r.occasion)}")
    lines.append("officials:")
    lines += [f"  - {_scalar(o.name)}" for o in r.participants]
    if r.initiatives:
        lines.append("initiatives:")
        lines += [f"  - {_scalar(i.short if k % 3 == 2 else i.name)}" for k, i in enumerate(r.initiatives)]
    lines += ["source:", f"  publisher: {_scalar(r.publisher)}"]
    if url:
        lines.append(f"  url: {url}")
    if published:
        lines.append(f"  published: {published.isoformat()}")
    lines.append("  language: en")
    added = max(r.day, ARCHIVE_OPENED) + timedelta(days=r.day.toordinal() % 8)
    if url:
        lines.append(f"  captured: {added.isoformat()}")
    lines.append(f"added: {added.isoformat()}")
    if notes:
        lines.append(f"notes: {json.dumps(notes, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def _pick(rng: random.Random, pool: list[_Official], weights: list[float], exclude: list[_Official]) -> _Official:
    for _ in range(20):
        chosen = rng.choices(pool, cum_weights=weights)[0]
        if chosen not in exclude:
            return chosen
    return next(o for o in pool if o not in exclude)


def write_synthetic_archive(root: Path, n: int, seed: int = 1) -> None:
    """Write root/archive: the registries (places as the real one) and n readouts, all from random.Random(seed)."""
    rng = random.Random(seed)
    officials = _officials(rng)
    initiatives = _initiatives(rng)
    archive = root / "archive"
    (archive / "readouts").mkdir(parents=True, exist_ok=True)
    (archive / "officials.yml").write_bytes(_officials_yaml(officials).encode("utf-8"))
    (archive / "initiatives.yml").write_bytes(_initiatives_yaml(initiatives).encode("utf-8"))
    (archive / "publishers.yml").write_bytes(_publishers_yaml().encode("utf-8"))
    shutil.copyfile(repository_root() / "archive" / "formulations.yml", archive / "formulations.yml")
    shutil.copyfile(Path(__file__).resolve().parent.parent / "archive" / "places.yml", archive / "places.yml")

    # Who can take part in a given year, and how likely: cumulative weights, built once.
    pools: dict[tuple[int, str], tuple[list[_Official], list[float]]] = {}
    for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
        for country in ("China", "Iran"):
            pool = [o for o in officials if o.country == country and o.first <= year <= o.last]
            if len(pool) < 4:
                pool = [o for o in officials if o.country == country]
            cumulative, total = [], 0.0
            for o in pool:
                total += o.weight
                cumulative.append(total)
            pools[(year, country)] = (pool, cumulative)
    raised_by_year = {year: [i for i in initiatives if i.since <= year] or initiatives
                      for year in range(FIRST_DAY.year, LAST_DAY.year + 1)}

    writer = _Writer(rng, officials)
    seconds = set(rng.sample(range(1, n), min(n - 1, round(n * SECOND_ACCOUNT_SHARE)))) if n > 1 else set()
    kinds = [k for k, _ in KIND_WEIGHTS]
    kind_weights = [w for _, w in KIND_WEIGHTS]
    days = (LAST_DAY - FIRST_DAY).days + 1
    events: dict[tuple, int] = {}  # (date, participant slugs) → readouts of that event so far
    firsts: list[_Readout] = []  # readouts that no second account refers to yet
    slugs: dict[str, None] = {}
    years_made: dict[int, None] = {}

    for index in range(n):
        if index in seconds and firsts:
            original = firsts.pop(rng.randrange(len(firsts)))
            country = "Iran" if original.country == "China" else "China"
            own = [p for p in original.participants if p.country == country]
            rest = [p for p in original.participants if p.country != country]
            publisher, url_base = rng.choice(PUBLISHERS[country])
            raised = rng.sample(original.initiatives, len(original.initiatives))[: rng.randint(0, len(original.initiatives))]
            r = _Readout(original.day, original.kind, original.venue, original.occasion, own + rest, raised,
                         country, publisher, url_base)
            notes = "Another account of the same " + KIND_NOUN[r.kind] + " is also in the archive."
        else:
            while True:
                day = FIRST_DAY + timedelta(days=rng.randrange(days))
                pool, weights = pools[(day.year, "China")]
                china = [_pick(rng, pool, weights, [])]
                pool, weights = pools[(day.year, "Iran")]
                iran = [_pick(rng, pool, weights, [])]
                for _ in range(rng.choices((0, 1, 2), (60, 28, 12))[0]):
                    side = rng.choice(("China", "Iran"))
                    pool, weights = pools[(day.year, side)]
                    (china if side == "China" else iran).append(_pick(rng, pool, weights, china + iran))
                key = (day, tuple(sorted(o.slug for o in china + iran)))
                if key not in events:
                    break
            kind = rng.choices(kinds, kind_weights)[0]
            if kind == "video call" and day.year < 2010:
                kind = "phone call"
            venue = occasion = ""
            if kind in ("meeting", "talks"):
                roll = rng.random()
                if roll < 0.8:
                    host = "China" if roll < 0.45 else "Iran"
                    venue = f"{rng.choice(HOME_CITIES[host])}, {host}"
                else:
                    city, place, occasions = rng.choice(ABROAD)
                    venue = f"{city}, {place}"
                    if rng.random() < 0.7:
                        occasion = rng.choice(occasions)
            country = rng.choice(("China", "Iran"))
            publisher, url_base = rng.choice(PUBLISHERS[country])
            pool = raised_by_year[day.year]
            raised = rng.sample(pool, min(len(pool), rng.choices((0, 1, 2, 3, 4), (20, 30, 25, 15, 10))[0]))
            participants = china + iran if country == "China" else iran + china
            r = _Readout(day, kind, venue, occasion, participants, raised, country, publisher, url_base)
            notes = NO_DATE if rng.random() < 0.04 else ""
            events[key] = 1
            firsts.append(r)

        title = writer.title(r)
        words = slugify(title, max_words=8)
        slug = base = f"{r.day.isoformat()}-{words}"
        suffix = 2
        while slug in slugs:
            slug = f"{base}-{suffix}"
            suffix += 1
        slugs[slug] = None
        published = None if notes == NO_DATE else r.day + timedelta(days=rng.choice((0, 0, 1, 1, 2, 3)))
        url = f"{r.url_base}{r.day:%Y%m}/t{r.day:%Y%m%d}_{rng.randrange(10**7, 10**8)}.html" if rng.random() < 0.85 else ""
        body, absent = writer.body(r)
        if absent is not None:  # as a curator would: the check warns about a name the front matter leaves out
            notes = f"{notes} {absent.name} is mentioned but did not take part.".strip()
        text = _front_matter(r, slug, title, published, url, notes) + body
        folder = archive / "readouts" / str(r.day.year)
        if r.day.year not in years_made:
            folder.mkdir(parents=True, exist_ok=True)
            years_made[r.day.year] = None
        (folder / f"{slug}.md").write_bytes(text.encode("utf-8"))


def repository_root() -> Path:
    import generator

    return Path(generator.__file__).resolve().parent.parent


def make_bench_project(root: Path, n: int, seed: int = 1) -> Path:
    """A project folder with the repository's site set-up around a synthetic archive of n readouts."""
    copy_site_setup(root)
    write_synthetic_archive(root, n, seed)
    return root


def copy_site_setup(root: Path) -> Path:
    """A project folder with the repository's site set-up and no archive: mkdocs.yml, the
    templates, CONTRIBUTING.md, the hand-written pages of docs/ and a link to the generator."""
    repo = repository_root()
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(repo / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copy(repo / "CONTRIBUTING.md", root / "CONTRIBUTING.md")  # the source of the generated contribute page
    shutil.copytree(repo / "templates", root / "templates")
    (root / "docs").mkdir(exist_ok=True)
    for source in sorted((repo / "docs").iterdir()):  # the hand-written pages and assets, not build output
        if source.name in GENERATED or source.name.startswith("."):
            continue
        if source.is_dir():
            shutil.copytree(source, root / "docs" / source.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, root / "docs" / source.name)
    # mkdocs.yml names its hook by a path relative to itself (generator/build/hook.py).
    hook_link = root / "generator"
    if not hook_link.exists():
        try:
            hook_link.symlink_to(repo / "generator", target_is_directory=True)
        except OSError:
            shutil.copytree(repo / "generator", hook_link, ignore=shutil.ignore_patterns("__pycache__"))
    return root
