"""The real archive, checked once: the claims it derives are pinned on its five readouts."""

from pathlib import Path

import pytest

from generator.archive.check import check_archive
from generator.pages.index import index_archive

REPO = Path(__file__).resolve().parents[2]
CHINESE_CALL = "2022-07-29-xi-jinping-speaks-with-iranian-president-ebrahim-raisi"
IRANIAN_CALL = "2022-07-29-china-ready-for-mutual-coop-to-advance-strategic-partnership"
WANG_AHMADIAN = "2023-07-24-wang-yi-meets-with-ahmadian"
LI_MOKHBER = "2023-10-26-li-qiang-meets-with-mohammad-mokhber"
LIU_KHARRAZI = "2023-12-06-liu-jianchao-meets-with-kamal-kharrazi"


@pytest.fixture(scope="session")
def real_archive():
    archive, problems = check_archive(REPO)
    assert archive is not None, problems
    return archive


@pytest.fixture(scope="session")
def real_index(real_archive):
    return index_archive(real_archive)


def readout(archive, readout_id):
    return next(r for r in archive.readouts if r.id == readout_id)
