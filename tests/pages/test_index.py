from generator.pages.index import index_archive
from generator.archive.check import check_archive


def test_indexes_hold_what_each_page_lists(project):
    archive, _ = check_archive(project)
    index = index_archive(archive)
    assert [r.date.isoformat() for r in index.by_official["wang-yi"]] == ["2021-03-27", "2021-03-27", "2020-10-09"]
    assert [r.slug for r in index.by_initiative["belt-and-road-initiative"]] == ["2021-03-27-wang-yi-holds-talks-with-zarif"]
    assert list(index.by_year) == [2021, 2020]
    assert list(index.by_venue) == ["Iran"]
    [(tehran, readouts)] = index.by_venue["Iran"]
    assert (tehran.slug, tehran.name, len(readouts)) == ("tehran-iran", "Tehran, Iran", 2)
    assert index.venue_of[readouts[0].url_path] is tehran
    assert [(o.slug, n) for o, n in index.counterparts["wang-yi"]] == [("mohammad-javad-zarif", 3)]
    assert [r.slug for r in index.mentioning["hassan-rouhani"]] == ["2021-03-27-wang-yi-holds-talks-with-zarif"]
    event = archive.events[0]
    assert len(event.readouts) == 2 and index.event_of[event.readouts[1].url_path] is event
    older, newer = index.neighbours["readouts/2020/2020-10-09-wang-yi-speaks-with-zarif-by-phone"]
    assert older is None and newer.date.isoformat() == "2021-03-27"
