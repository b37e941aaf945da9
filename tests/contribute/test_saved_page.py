"""Drafting from a web page as a browser saves it: each field the page holds, and nothing the page
should not give (its furniture, scripts, addresses that are not http(s))."""

from __future__ import annotations

import codecs
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator.__main__ import EXIT_OK, EXIT_PROBLEMS, main
from generator.contribute.draft import DraftError, write_draft
from generator.contribute.from_page import draft_saved_page
from generator.contribute.saved_page import PageError, looks_like_html, read_saved_page
from generator.publish.site_check import check_site

from tests.conftest import REPO, make_project

PAGES = REPO / "tests" / "fixtures" / "pages"
TODAY = date(2024, 6, 1)
MINISTRY = "Ministry of Foreign Affairs of the People's Republic of China"

EXPECTED = {  # what each page gives; None where the page does not hold the value
    "ministry-en.html": dict(
        title="Wang Yi Meets with Secretary of Iran's Supreme National Security Council Ali-Akbar Ahmadian",
        date=date(2024, 3, 12), kind="meeting", venue="Beijing, China", officials=["Wang Yi", "Ali-Akbar Ahmadian"],
        publisher=MINISTRY, url="https://www.fmprc.gov.cn/eng/xw/zyxw/202403/t20240312_11260001.html",
        published=date(2024, 3, 12), language="en", captured=None),
    "ministry-zh.html": dict(
        title="王毅会见伊朗最高国家安全委员会秘书艾哈迈迪安", date=date(2024, 3, 12), kind="meeting",
        venue="Beijing, China", officials=["Wang Yi", "Ali-Akbar Ahmadian"], publisher=MINISTRY,
        url="https://www.mfa.gov.cn/wjbzhd/202403/t20240312_11260002.shtml", published=date(2024, 3, 12),
        language="zh", captured=None),
    "agency-en.html": dict(
        title="Chinese premier holds talks with Iranian first vice president", date=date(2024, 3, 12), kind="talks",
        venue="Beijing, China", officials=["Li Qiang", "Mohammad Mokhber"], publisher="Xinhua News Agency",
        url="https://english.news.cn/20240313/1a2b3c4d5e6f/c.html", published=date(2024, 3, 13), language="en",
        captured=date(2024, 3, 13)),
    "embassy-en.html": dict(
        title="Xi Jinping Speaks with Iranian President Ebrahim Raisi on the Phone", date=date(2024, 2, 5),
        kind="phone call", venue=None, officials=["Xi Jinping", "Ebrahim Raisi"],
        publisher="Permanent Mission of the People's Republic of China to the UN",
        url="http://un.china-mission.gov.cn/eng/zgyw/202402/t20240205_555.htm", published=date(2024, 2, 5),
        language="en", captured=None),
    "agency-fa.html": dict(
        title="دیدار وانگ یی با علی‌اکبر احمدیان در تهران", date=date(2024, 3, 12), kind="meeting",
        venue="Tehran, Iran", officials=["Wang Yi", "Ali-Akbar Ahmadian"],
        publisher="Islamic Republic News Agency (IRNA)", url="https://www.irna.ir/news/85412345/",
        published=date(2024, 3, 12), language="fa", captured=None),
}
FURNITURE = ("Share", "Print", "Related", "Copyright", "Tracking", "late", "Click here", "Most Read", "Editor",
             "首页", "分享", "相关新闻", "版权", "کد خبر", "لینک کوتاه", "تمامی حقوق", "Font size")


@pytest.fixture(scope="module")
def real(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("saved") / "project", REPO / "archive")


def _front(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_page_gives_every_field_it_holds(real, name):
    draft = draft_saved_page((PAGES / name).read_bytes(), name, real, today=TODAY)
    front, wanted = _front(draft.text), EXPECTED[name]
    source = front["source"]
    found = dict(title=front["title"], date=front["date"], kind=front["kind"], venue=front.get("venue"),
                 officials=front["officials"], publisher=source["publisher"], url=source.get("url"),
                 published=source.get("published"), language=source["language"],
                 captured=source["captured"] if source["captured"] != TODAY else None)
    assert found == wanted
    if wanted["captured"] is None:  # today, marked for the contributor to confirm
        assert "  captured: 2024-06-01  # today: confirm the day the page was saved" in draft.text
    assert draft.undetermined == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_drafted_page_passes_the_check(real, name, tmp_path):
    project = make_project(tmp_path / "project", REPO / "archive")
    draft = draft_saved_page((PAGES / name).read_bytes(), name, project, today=TODAY)
    path = write_draft(draft, project)
    _, problems = check_site(project, [path])
    assert [p.text() for p in problems if p.severity == "error"] == []


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_text_is_the_article_without_furniture_or_script(real, name):
    draft = draft_saved_page((PAGES / name).read_bytes(), name, real, today=TODAY)
    body = draft.text.split("\n---\n", 1)[1]
    assert len([p for p in body.split("\n\n") if p.strip()]) in (3, 4)
    for word in FURNITURE + ("alert", "javascript", "data:", "<", "onclick", "document."):
        assert word not in body, word


def test_photo_captions_and_credits_are_a_note_not_text(real):
    draft = draft_saved_page((PAGES / "agency-en.html").read_bytes(), "agency-en.html", real, today=TODAY)
    front, body = _front(draft.text), draft.text.split("\n---\n", 1)[1]
    assert "Great Hall" not in body and "Zhang Ling" not in body
    assert "Left out of the text, the page's photo caption or credit: Chinese Premier Li Qiang holds talks" in front["notes"]
    assert front["inferred"] == {"date": "From \"on Tuesday\" in the text, counted from the dateline."}


def test_what_the_page_does_not_hold_is_left_empty_with_a_comment(real):
    page = (b"<html><head><title>Talks</title></head><body><article><p>Wang Yi met with Ahmadian in Beijing on "
            b"Friday to discuss cooperation between the two countries.</p></article></body></html>")
    draft = draft_saved_page(page, "bare.html", real, today=TODAY)
    assert "source.url" in draft.undetermined and "source.publisher" in draft.undetermined
    assert "  url:  # the page's address, https://... (use --url)" in draft.text
    assert "  published:  # the day the page was published" in draft.text


@pytest.mark.parametrize("html, message", [
    (b"<html><body><p>" + b"<" * 200_001 + b"</p></body></html>", "more than 200,000 '<' signs"),
    (b"<html><body>" + b"<div>" * 60_000 + b"</body></html>", "more than 50,000 tags"),
    (b"<html><body><p" + b" a" * 1_001 + b">text</p></body></html>", "more than 1,000 attributes"),
    (b'<html><head><meta charset="utf-7"></head><body><p>+ADw-script+AD4-</p></body></html>', "utf-7"),
    (b'<html><head><meta charset="klingon-8"></head><body><p>x</p></body></html>', "unknown character set 'klingon-8'"),
    (b'<html><head><meta charset="utf-8"></head><body><p>\xff\xfe caf\xe9</p></body></html>', "byte 50 is not utf-8"),
    (b"<html><body><nav><a href='/'>Home</a></nav><script>var text = 'a long paragraph of text';</script></body></html>",
     "no article text found"),
    (b"<html>" + b" " * (8 * 1024 * 1024) + b"</html>", "over 8 MB"),
])
def test_hostile_pages_give_a_clear_error(html, message):
    with pytest.raises(PageError, match=message.replace("(", r"\(")):
        read_saved_page(html, "page.html")


def test_deep_nesting_scripts_and_odd_encodings_give_a_clean_draft():
    deep = b"<html><body>" + b"<div><span>" * 5_000 + b"<p>" + b"word " * 40 + b"</p>" + b"</span></div>" * 5_000
    assert read_saved_page(deep, "deep.html").paragraphs == [("word " * 40).strip()]
    hostile = ("<html><head><link rel=canonical href='javascript:alert(1)'><meta property='og:url' "
               "content='data:text/html,x'></head><body onload='x()'><style>p{}</style><p onmouseover='x()'>"
               "Wang Yi met Ahmadian &lt;script&gt;alert(1)&lt;/script&gt; [link](javascript:x) in Beijing today, "
               "as both sides said.</p><script>document.write('<p>injected</p>')</script></body></html>")
    page = read_saved_page(codecs.BOM_UTF16_LE + hostile.encode("utf-16-le"), "utf16.html")
    assert page.url == ""  # neither address is http(s)
    assert page.paragraphs == ["Wang Yi met Ahmadian &lt;script>alert(1)&lt;/script> \\[link\\](javascript:x) "
                               "in Beijing today, as both sides said."]
    gbk = "<html><head><meta charset=gbk></head><body><p>王毅会见艾哈迈迪安。双方就共同关心的问题交换了意见，并同意加强合作。</p></body></html>"
    assert read_saved_page(gbk.encode("gbk"), "gbk.html").paragraphs[0].startswith("王毅会见")


def test_a_saved_page_is_told_from_pasted_text():
    assert looks_like_html(b"", "Page.HTM") and looks_like_html(b"\xef\xbb\xbf\n<!DOCTYPE html><html>", "page")
    assert looks_like_html(b"<!-- saved from url=(0020)https://x.org/ -->\n<html>", "x")
    assert not looks_like_html(b"Wang Yi Meets with Ahmadian\n\nBEIJING, July 24 --", "raw.txt")


def test_the_command_drafts_from_a_saved_page_and_from_text(real, capsys, tmp_path):
    target = tmp_path / "draft.md"
    assert main(["--root", str(real), "new", "--from", str(PAGES / "embassy-en.html"), "--output", str(target)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith(f"wrote {target.as_posix()}\n") and "could not determine" not in out
    assert "  url: http://un.china-mission.gov.cn/eng/zgyw/202402/t20240205_555.htm\n" in target.read_text(encoding="utf-8")
    raw = REPO / "tests" / "fixtures" / "raw" / "seeds" / "002_f2f16d151fcc7faf.txt"  # the plain-text route stays
    assert main(["--root", str(real), "new", "--from", str(raw), "--output", "-"]) == EXIT_OK
    assert "kind: phone call" in capsys.readouterr().out
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"<html><head><meta charset=utf-7></head></html>")
    assert main(["--root", str(real), "new", "--from", str(bad)]) == EXIT_PROBLEMS
    assert "declares the character set utf-7, which is not read" in capsys.readouterr().err
    with pytest.raises(DraftError, match="no article text"):
        draft_saved_page(b"<html><body></body></html>", "empty.html", real)
