"""The two accounts of the call of 29 July 2022, aligned many to many as a reader of both would: the
Chinese mission's ¶3 condenses Xi Jinping's words that the Iranian outlet spreads over seven paragraphs,
both accounts give Raisi's support for the One China principle (Iranian ¶11, Chinese ¶4), and the
Chinese account has no counterpart of Raisi's charge about the Cold War or of his demand on the
nuclear talks."""

import html
import re

from generator.pages.compare import counterparts, left_out

from .conftest import CHINESE_CALL, IRANIAN_CALL

IRANIAN, CHINESE = 1, 2  # the accounts' order on the event page
PAIRS = {  # Chinese paragraph → the Iranian paragraphs that say the same thing
    2: {1, 2},  # Xi: the strategic perspective and the partnership; solidarity in a complicated situation
    3: {3, 7, 8, 9, 15, 16, 19},  # Xi: core interests, the cooperation plan, practical cooperation,
    #                              non-interference, GDI and GSI, the Middle East, the SCO
    4: {11, 12},  # Raisi: the One China principle; opposing unilateralism and interference (the Iranian
    #               text names the United States, the Chinese does not)
}
NO_COUNTERPART = {  # Iranian paragraphs with none in the Chinese account, by speaker
    "Ebrahim Raisi": [4, 10, 13, 14, 17, 18, 20],  # ¶14 the Cold War charge, ¶20 the demand on the nuclear talks
    "Both sides": [5],  # "The two presidents discussed ... the 25-year ... program"
    "no speaker named": [6, 21, 22],  # the outlet's own background
}


def _event(real_archive):
    event = next(e for e in real_archive.events if e.slug == "2022-07-29-xi-jinping-ebrahim-raisi")
    assert [r.id for r in event.accounts] == [IRANIAN_CALL, CHINESE_CALL]
    return event


def test_the_accounts_of_the_call_are_aligned_many_to_many(real_archive):
    alike = counterparts(_event(real_archive))
    found = {number: {theirs for _, theirs in alike[(CHINESE, number)]} for account, number in alike if account == CHINESE}
    assert found == PAIRS
    for chinese, iranian in PAIRS.items():  # each link goes both ways
        assert all((CHINESE, chinese) in alike[(IRANIAN, n)] for n in iranian)


def test_what_each_account_leaves_out_is_said_in_words(real_archive):
    text = html.unescape(re.sub(r"<[^>]+>", "", str(left_out(_event(real_archive)))))
    iranian = next(line for line in text.split(".") if line.startswith("In the Iranian outlet's account"))
    assert "no counterpart found in the Chinese mission's account" in iranian
    for who, numbers in NO_COUNTERPART.items():
        assert f"{who}: " + ", ".join(f"¶{n}" for n in numbers) in iranian
    assert "Xi Jinping" not in iranian  # every paragraph of Xi's has its counterpart
    assert "In the Chinese mission's account, no counterpart found in the Iranian outlet's account: no speaker named: ¶1" in text


def test_the_event_page_names_the_parties_and_links_every_counterpart(built_real_site):
    page = (built_real_site / "site/events/2022-07-29-xi-jinping-ebrahim-raisi/index.html").read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Phone call of 29 July 2022 between Xi Jinping and Ebrahim Raisi", page)
    chinese_3 = page.split('id="a2-p3"')[1].split("</div>")[0]
    assert re.findall(r'class="event-paragraph__alike" href="#a1-p(\d+)"', chinese_3) == ["3", "7", "8", "9", "15", "16", "19"]
    iranian_11 = page.split('id="a1-p11"')[1].split("</div>")[0]
    assert re.findall(r'class="event-paragraph__alike" href="#a2-p(\d+)"', iranian_11) == ["4"]
    left_out_section = page.split('id="what-each-account-leaves-out"')[1].split("<h2 ")[0]
    assert 'href="#a1-p20"' in left_out_section and 'href="#a1-p14"' in left_out_section
