"""Who published a readout, from the page's address, its navigation, its dateline or its photo credits;
and the language of its text."""

from __future__ import annotations

import re

# Publishers recognisable from a page's address, its navigation or its credits.
PUBLISHER_HOSTS = {
    "fmprc.gov.cn": "Ministry of Foreign Affairs of the People's Republic of China",
    "mfa.gov.cn": "Ministry of Foreign Affairs of the People's Republic of China",
    "un.china-mission.gov.cn": "Permanent Mission of the People's Republic of China to the UN",
    "china-mission.gov.cn": "Permanent Mission of the People's Republic of China to the UN",
    "idcpc.org.cn": "International Department of the CPC Central Committee",
    "gov.cn": "The State Council of the People's Republic of China",
    "xinhuanet.com": "Xinhua News Agency", "news.cn": "Xinhua News Agency",
    "cgtn.com": "CGTN", "chinadaily.com.cn": "China Daily", "globaltimes.cn": "Global Times",
    "irna.ir": "Islamic Republic News Agency (IRNA)", "mfa.ir": "Ministry of Foreign Affairs of the Islamic Republic of Iran",
    "mfa.gov.ir": "Ministry of Foreign Affairs of the Islamic Republic of Iran",
    "president.ir": "Office of the President of the Islamic Republic of Iran",
    "tehrantimes.com": "Tehran Times", "presstv.ir": "Press TV", "mehrnews.com": "Mehr News Agency",
    "tasnimnews.com": "Tasnim News Agency", "isna.ir": "Iranian Students' News Agency (ISNA)",
    "ifpnews.com": "IFP News",
}
AGENCIES = {
    "xinhua": "Xinhua News Agency", "irna": "Islamic Republic News Agency (IRNA)", "mna": "Mehr News Agency",
    "mehr": "Mehr News Agency", "tasnim": "Tasnim News Agency", "isna": "Iranian Students' News Agency (ISNA)",
    "ifp": "IFP News", "cgtn": "CGTN",
}
NAVIGATION_PUBLISHERS = (
    (re.compile(r"China\s*&\s*UN\b|Permanent Mission of (?:the People's Republic of )?China", re.I),
     "Permanent Mission of the People's Republic of China to the UN"),
    (re.compile(r"Ministry of Foreign Affairs,? (?:of )?the People's Republic of China", re.I),
     "Ministry of Foreign Affairs of the People's Republic of China"),
    (re.compile(r"Ministry of Foreign Affairs,? (?:of )?the Islamic Republic of Iran", re.I),
     "Ministry of Foreign Affairs of the Islamic Republic of Iran"),
    (re.compile(r"International Department,? Central Committee of CPC|International Department of the CPC", re.I),
     "International Department of the CPC Central Committee"),
)


def publisher(url: str, header: list[str], agency: str, credits: list[str]) -> tuple[str, str]:
    """The publisher, and how it was recognised: from the address, the page's header lines
    (navigation and headline), the dateline's agency or the photo credits."""
    host = re.sub(r"^https?://(?:www\.|english\.|en\.)?", "", url).split("/")[0].split(":")[0].casefold()
    for suffix, name in sorted(PUBLISHER_HOSTS.items(), key=lambda item: -len(item[0])):
        if host == suffix or host.endswith("." + suffix):
            return name, "address"
    for line in header:
        for pattern, name in NAVIGATION_PUBLISHERS:
            if pattern.search(line):
                return name, "navigation"
    if agency and agency.casefold() in AGENCIES:
        return AGENCIES[agency.casefold()], "dateline"
    for credit in credits:
        for key, name in AGENCIES.items():
            if re.search(rf"\b{key}\b", credit, re.I):
                return name, "photo credit"
    return "", ""


def language(text: str) -> str:
    han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
    arabic = sum(1 for c in text if "\u0600" <= c <= "\u06ff")
    latin = sum(1 for c in text if c.isascii() and c.isalpha())
    if han > latin and han >= arabic:
        return "zh"
    if arabic > latin:
        return "fa"
    return "en"
