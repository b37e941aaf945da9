from generator.core.text import escape_md, has_html, plain, slugify, summarise


def test_slugify_never_leaves_its_folder():
    assert slugify("China–Iran Comprehensive Cooperation Plan") == "china-iran-comprehensive-cooperation-plan"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("习近平") == "untitled"


def test_escape_md_neutralises_markup():
    assert escape_md("<script>") == "&lt;script&gt;"
    assert escape_md("[x](javascript:y)") == r"\[x\](javascript:y)"
    assert escape_md("- a") == r"\- a" and escape_md("1. a") == r"1\. a" and escape_md(": a") == "&#58; a"
    assert escape_md("Coop. (SCO) - 2023") == "Coop. (SCO) - 2023"
    assert escape_md("*a* | _b_") == r"\*a\* \| \_b\_"


def test_html_detection_and_titles():
    assert has_html("<b>x</b>") and has_html("&lt;") and not has_html("Trade & growth")
    assert "<" not in plain("</title><script>")


def test_summary_is_the_first_sentences():
    assert summarise("One. Two.\n\nThree.") == "One. Two."
    assert summarise("A " * 200).endswith("…")
