from pathlib import Path

from generator.archive.load import MAX_READOUT_BYTES, BadValue, load_readout, parse_yaml, RawDocument


def _load(tmp_path: Path, content: bytes | str):
    path = tmp_path / "r.md"
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return load_readout(path, tmp_path)


def test_front_matter_values_keep_their_lines(tmp_path):
    doc, problems = _load(tmp_path, "---\ntitle: A\ndate: 2022-07-29\nofficials:\n  - X\n  - Y\nsource:\n  publisher: P\n---\nBody text.\n")
    assert problems == []
    assert doc.where("title") == (2, 1)
    assert doc.where("officials", 1) == (6, 5)
    assert doc.where("source", "publisher") == (8, 3)
    assert doc.body == "Body text.\n"
    assert doc.body_line == 10


def test_impossible_date_is_kept_as_a_bad_value(tmp_path):
    doc, problems = _load(tmp_path, "---\ndate: 2023-02-30\n---\nx\n")
    assert problems == []
    assert isinstance(doc.data["date"], BadValue)


def test_aliases_and_tags_are_refused(tmp_path):
    bomb = "---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\nx\n"
    _, problems = _load(tmp_path, bomb)
    assert [p.line for p in problems] == [2] and "aliases" in problems[0].message  # the anchor's line
    _, problems = _load(tmp_path, "---\ntitle: !!python/object/apply:os.system ['true']\n---\nx\n")
    assert "tag" in problems[0].message and problems[0].line == 2


def test_unreadable_files_say_why(tmp_path):
    assert "UTF-8" in _load(tmp_path, b"---\ntitle: \xff\n---\n")[1][0].message
    assert "empty" in _load(tmp_path, "")[1][0].message
    assert "front matter" in _load(tmp_path, "Just text\n")[1][0].message
    assert "over the limit" in _load(tmp_path, "---\n" + "x" * MAX_READOUT_BYTES)[1][0].message


def test_yaml_syntax_error_points_at_the_file_line(tmp_path):
    _, problems = _load(tmp_path, "---\ntitle: A\ndate: [2022\n---\nx\n")
    assert problems[0].line >= 3 and problems[0].message.startswith("invalid YAML")


def test_duplicate_keys_are_refused():
    doc = RawDocument(Path("x"), "x")
    problems = parse_yaml(doc, "title: A\ntitle: B\n")
    assert "twice" in problems[0].message and problems[0].line == 2


def test_line_endings_are_one_kind_and_lines_keep_their_numbers(tmp_path):
    lf, _ = _load(tmp_path, "---\ntitle: A\ndate: 2022-07-29\n---\nFirst.\n\nSecond.\n")
    for ending in ("\r\n", "\r"):
        doc, problems = _load(tmp_path, "---\ntitle: A\ndate: 2022-07-29\n---\nFirst.\n\nSecond.\n".replace("\n", ending))
        assert problems == [] and doc.body == lf.body == "First.\n\nSecond.\n"
        assert doc.where("date") == (3, 1) and doc.body_line == lf.body_line == 5
