"""The words a synthetic archive is made of: names, titles, places, phrases and the archive's time span.

Data only; `benchmarks.synthetic` draws from it with one seeded random generator.
"""

from __future__ import annotations

import re
from datetime import date

FIRST_DAY = date(1996, 1, 1)
LAST_DAY = date(2025, 12, 31)
ARCHIVE_OPENED = date(2024, 1, 1)  # readouts of earlier meetings entered the archive from then on
OFFICIALS_PER_COUNTRY = 100
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
