from tests.golden import GOLDEN, generated_pages


def test_generated_pages_match_the_golden_files(tmp_path):
    pages = generated_pages(tmp_path)
    expected = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
                for p in GOLDEN.rglob("*") if p.is_file()}
    assert sorted(pages) == sorted(expected), "pages added or gone: run `make golden` and review the diff"
    for path, content in pages.items():
        assert content == expected[path], f"{path} changed: run `make golden` and review the diff"
