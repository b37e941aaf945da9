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


def test_every_invisible_formatting_character_is_refused_in_one_line_fields():
    import sys
    import unicodedata

    from generator.core.text import describe_character, stray_character

    invisible = [chr(c) for c in range(sys.maxunicode + 1)
                 if unicodedata.category(chr(c)) in ("Cf", "Zl", "Zp", "Cc") and chr(c) not in "\n\u200c\u200d"]
    assert [c for c in invisible if stray_character(f"Ebrahim {c}Raisi") != 8] == []
    assert stray_character("Mohammad\u200cJavad Zarif, 王毅, محمدجواد ظریف") == -1  # joiners are how Persian is written
    assert stray_character("a\tb", "multiline") == -1 and stray_character("a\tb") == 1
    assert stray_character("Persian text\u200f with marks\u00ad", "body") == -1
    assert stray_character("Text \u202eoverridden", "body") == 5
    assert describe_character("\u202e") == "U+202E RIGHT-TO-LEFT OVERRIDE"
    assert describe_character("\r") == "U+000D CARRIAGE RETURN"
