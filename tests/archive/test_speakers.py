"""Who said what: the attribution rules, where they fire and where they must not."""

import pytest

from generator.archive.speakers import Attributor
from generator.core.model import BOTH_SIDES, Official

XI = Official("xi-jinping", "Xi Jinping", "习近平", "China", ("Xi",))
RAISI = Official("ebrahim-raisi", "Ebrahim Raisi", "ابراهیم رئیسی", "Iran", ("Raisi",))
LI = Official("li-qiang", "Li Qiang", "李强", "China")
MOKHBER = Official("mohammad-mokhber", "Mohammad Mokhber", "محمد مخبر", "Iran")
WANG = Official("wang-yi", "Wang Yi", "王毅", "China")


@pytest.mark.parametrize("text, speaker", [
    ("Xi Jinping stressed, the two sides should continue to support each other.", XI),
    ("Raisi said, Iran and China jointly celebrated the anniversary.", RAISI),
    ("Chinese President Xi Jinping said Beijing views its relations with Iran strategically.", XI),
    ("For his part, Mokhber said that China is a comprehensive strategic partner of Iran.", MOKHBER),
    ("China stands ready to practise true multilateralism, Chinese Premier Li Qiang said here Thursday.", LI),
    ("Since then relations made steady progress, said Li, noting that the two presidents met twice.", LI),
    ("Iran and China should uphold non-interference, according to Xi.", XI),
    ("The Chinese president stressed that the two sides should support each other.", XI),
    ("The Iranian president later pointed to the negotiations to revive the deal.", RAISI),
    ("In addition, Xi said the Chinese side has always supported Middle East countries.", XI),
    ("The two presidents discussed initiatives for the development of collaborations.", BOTH_SIDES),
    ("Both sides also exchanged views on the situation in the Middle East.", BOTH_SIDES),
    ("The two sides should implement the comprehensive cooperation plan, Li said.", LI),
])
def test_the_rules_find_the_speaker(text, speaker):
    people = (XI, RAISI) if speaker in (XI, RAISI) or speaker == BOTH_SIDES else (LI, MOKHBER)
    assert Attributor(people).speaker(text) == speaker


@pytest.mark.parametrize("text", [
    "On the afternoon of July 29, 2022, President Xi Jinping had a phone conversation with Raisi.",  # no speech
    "Tehran and Beijing signed a cooperation agreement in early 2021.",
    "The meeting between Xi and Raisi further solidified the commitment of both countries.",
    "The two sides should continue to firmly support each other.",  # inside someone's words, not the two sides
    "Xi and Raisi said the talks went well.",  # two people: the rules cannot tell
    "Wang Yi said China supports Iran.",  # not a participant of this call
    "Xi Jinping said so, Raisi said.",  # pointed at two people
])
def test_the_rules_do_not_fire(text):
    assert Attributor((XI, RAISI)).speaker(text, previous=XI) is None


@pytest.mark.parametrize("text", [
    "He also said the two countries should promote practical cooperation.",
    "“China and Iran have strengthened solidarity,” he said in a phone conversation with Raisi.",
    "China will continue to support Iran in safeguarding its sovereignty, he stressed.",
])
def test_he_said_keeps_the_previous_speaker(text):
    assert Attributor((XI, RAISI)).speaker(text, previous=XI) == XI


@pytest.mark.parametrize("previous", [None, BOTH_SIDES])
def test_he_said_does_not_follow_nobody_or_both_sides(previous):
    assert Attributor((XI, RAISI)).speaker("He added that the talks were useful.", previous) is None


def test_he_said_does_not_follow_when_another_participant_is_named_first():
    text = "Thanking Raisi for the invitation, he said the visit would be fruitful."
    assert Attributor((XI, RAISI)).speaker(text, previous=XI) is None


def test_a_shared_surname_is_nobody_s():
    li_other = Official("li-keqiang", "Li Keqiang", "李克强", "China")
    attributor = Attributor((LI, li_other, MOKHBER))
    assert attributor.speaker("Li said China is ready.") is None
    assert attributor.speaker("Li Qiang said China is ready.") == LI
