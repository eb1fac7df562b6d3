"""Tests for the speculative-claim detector: sentences, cues, context rules, notes, data files, the seed."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import pytest

import export.annotate.claims as claims_module
from export.annotate import annotate_article, find_claims
from export.annotate.claims import load_lexicon
from export.annotate.cues import Hit
from export.annotate.lexicon import apostrophes
from export.annotate.sentences import split_sentences
from export.errors import InputError
from export.model import Article, Comment, CommentThread, Heading, Paragraph, Section, VideoReport

SEED = Path(__file__).parent.parent / "seeds" / "000_4421cee95cb58524.txt"
DATA = Path(claims_module.__file__).parent


def _seed_lines() -> list[str]:
    return [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def _seed_body() -> list[str]:
    lines = _seed_lines()
    start = next(i for i, line in enumerate(lines) if line.startswith("By his military withdrawal"))
    end = next(
        i for i, line in enumerate(lines) if line.startswith("Gareth Porter, an investigative historian")
    )
    return lines[start:end]


def _seed_paragraph(fragment: str) -> str:
    return next(line for line in _seed_lines() if fragment in line)


def _claim_at(fragment: str, text: str | None = None):
    """The claim whose sentence holds ``fragment`` (in the seed paragraph holding it, unless given)."""
    text = text or _seed_paragraph(fragment)
    position = text.index(fragment)
    return next((c for c in find_claims(text) if c.start <= position < c.end), None)


def _kinds(text: str, level: str = "default") -> list[str]:
    return [claim.kind for claim in find_claims(text, level)]


# --- sentences -----------------------------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. policy changed. Then it changed back.", ["U.S. policy changed.", "Then it changed back."]),
        ("He studied U.S. policy. It failed.", ["He studied U.S. policy.", "It failed."]),
        ("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
        (
            "Fmr. Chief of Staff Larry Wilkerson spoke. He left.",
            ["Fmr. Chief of Staff Larry Wilkerson spoke.", "He left."],
        ),
        ("Elijah J. Magnier wrote it. Others agreed.", ["Elijah J. Magnier wrote it.", "Others agreed."]),
        (
            "Mr. Smith met Dr. Jones and Pres. Obama, e.g. in June.",
            ["Mr. Smith met Dr. Jones and Pres. Obama, e.g. in June."],
        ),
        ("He said “it is over.” Then he left.", ["He said “it is over.”", "Then he left."]),
        ("“Is it over?” she asked. Nobody knew.", ["“Is it over?” she asked.", "Nobody knew."]),
        (
            "The deal – which was secret — held. It was signed.",
            ["The deal – which was secret — held.", "It was signed."],
        ),
        ("Wait... Then it ended! Did it?", ["Wait...", "Then it ended!", "Did it?"]),
        ("David,\nHow are you.", ["David,", "How are you."]),
        ("Dennis Trainor Jr.’s blog is new.", ["Dennis Trainor Jr.’s blog is new."]),
        ("A headline without a full stop", ["A headline without a full stop"]),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_sentence_offsets_are_trimmed_and_in_order() -> None:
    text = "  One here.   Two there!\n\n Three?  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["One here.", "Two there!", "Three?"]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))


# --- one kind each ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The talks may well collapse.", "possibility"),
        ("The talks may be over.", "possibility"),
        ("The deal could be signed next week.", "possibility"),
        ("Perhaps the rebels withdrew.", "possibility"),
        ("The rebels apparently withdrew.", "evidential"),
        ("It seems the deal is off.", "evidential"),
        ("The army reportedly shelled the town.", "evidential"),
        ("He appeared to be the leader.", "evidential"),
        ("Analysts believe that the deal is dead.", "belief"),
        ("They fear that the deal is dead.", "belief"),
        ("He is suspected of taking bribes.", "belief"),
        ("Officials said privately that the talks may collapse.", "sourcing"),
        ("Diplomatic sources told Reuters the deal was dead.", "sourcing"),
        ("According to sources, the deal is dead.", "sourcing"),
        ("She said she had learned from her sources that the deal was dead.", "sourcing"),
        ("The talks stalled, according to people familiar with the matter.", "sourcing"),
        ("The museum is said to be the oldest in Europe.", "evidential"),
        ("She will likely speak on Monday.", "prediction"),
        ("They likely won't agree.", "prediction"),
        ("The deal is likely to be signed.", "prediction"),
        ("Prices can be expected to rise.", "prediction"),
        ("The incumbent is set to win the vote in June.", "prediction"),
        ("If the rebels agree, the talks would resume.", "conditional"),
        ("Unless the rebels agree, the talks would collapse.", "conditional"),
        ("If convicted, he could face decades in jail.", "conditional"),
        ("APPARENTLY, the deal is off.", "evidential"),
    ],
)
def test_each_kind(text: str, kind: str) -> None:
    assert _kinds(text) == [kind]


# --- contexts that are not speculative --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The minister said the deal was signed.",  # a named source on a fact
        "According to the minister, the deal was signed.",
        "According to a report by the BBC, the deal was signed.",
        "The will of the people prevailed.",  # will as a noun
        "Free will is an illusion.",
        "Goodwill was lost.",
        "Will Smith spoke to reporters.",
        "Russia's military might was on display.",
        "In May the talks resumed.",  # the month
        "Theresa May resigned.",
        "You can reach him at the office.",  # ability and permission
        "You may reach him at the office.",
        "If you do that, you'll regret it.",
        "It's possible to share a page without being tracked.",  # feasibility, not likelihood
        "He can be contacted at the office.",
        "He could be reached at his office.",
        "He left early so that he could catch the train.",  # purpose
        "He saved money, so he could buy a house.",
        "They campaigned in order to show that they could win.",
        "He could not attend the meeting.",  # past ability
        "He did everything he could to stop the war.",
        "Is this the end of the war?",  # questions
        "Could this be the end of the war?",
        "Will the ceasefire hold?",
        "Contrary to speculation that the talks would collapse, they resumed.",  # rejected speculation
        "She dismissed speculation that she might resign.",
        "If this is his own opinion, well and good.",  # a condition with no modal consequence
        "He asked if she would attend.",  # if = whether
        "They fled for fear of reprisals.",
        "His sources of income are unclear.",
        "He said he would resign.",  # a bare would is weak
        "The president was briefed on the attack.",  # briefed, but not a source
        "He was charged with insider trading.",
        "Applicants must have a valid passport.",  # deontic must
        "Women are more likely to develop the disease.",  # a generic comparison
        "Weather forecasts show rain.",
        "He insists on paying.",
        "Arsenal claimed a 3-1 win over Spurs.",
        "An insider's guide to Paris.",
        "The album is set to be released on Friday.",
        "He thinks about it often.",
        "The phone looks like a premium device.",
    ],
)
def test_not_speculative(text: str) -> None:
    assert find_claims(text) == []


def test_rules_cancel_only_their_cue() -> None:
    assert _kinds("Theresa May may resign.") == ["possibility"]
    assert _kinds("The will of the people will prevail.", "all") == ["prediction"]


def test_curly_and_straight_apostrophes() -> None:
    for text in (
        "The minister's sources said the deal was close.",
        "The minister’s sources said the deal was close.",
    ):
        assert _kinds(text) == ["sourcing"]
    assert _kinds("They likely won’t agree.") == ["prediction"]


def test_levels() -> None:
    assert _kinds("He said he would resign.", "all") == ["conditional"]
    assert _kinds("The talks may collapse.", "strict") == []
    assert _kinds("The army reportedly shelled the town.", "strict") == ["evidential"]
    with pytest.raises(ValueError, match="unknown level"):
        find_claims("The talks may collapse.", "loose")


# --- the definition's distinctions (../shared/design/claims-definition.md) ----------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Prices will likely rise next year.", "prediction"),  # a forecast
        ("Most economists predict that growth will slow.", "prediction"),
        ("The company is expected to report a loss.", "prediction"),
        ("The ceasefire could be key to lasting peace.", "prediction"),
    ],
)
def test_a_forecast_is_a_prediction(text: str, kind: str) -> None:
    assert _kinds(text) == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "The committee will meet on Thursday.",  # scheduled
        "His first match will be on Saturday.",
        "Shareholders will receive 0.82 shares for each share they own.",  # contractual
        "The law will take effect in May.",  # announced
        "The house will be turned into a police station.",
        "The car is set to go on sale in January.",
        "In the novel, she will leave him in the last chapter.",  # narrative future
        "You will learn how to bake bread.",  # instructions
        "This tag will let you group posts.",
    ],
)
def test_a_scheduled_announced_or_narrative_future_is_not_marked_by_default(text: str) -> None:
    assert find_claims(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "He could not attend the meeting.",  # ability
        "You may cancel at any time.",  # permission
        "The party could, for once, claim the high ground.",  # opportunity
        "Prices may vary.",  # generic statements
        "Symptoms may include fever and cough.",
        "The word could be read two ways.",
        "You may need antibiotics.",  # advice
        "You might want to try the soup.",
        "The bonds were put on review for possible downgrade.",  # inside a noun phrase
        "Drink as much water as you possibly can.",
        "I couldn't believe it.",
        "There is no doubt that the plan worked.",  # a negated hedge that asserts
    ],
)
def test_possibility_is_epistemic_only(text: str) -> None:
    assert find_claims(text) == []


@pytest.mark.parametrize(
    ("text", "marked"),
    [
        ("The talks may collapse.", False),  # a bare modal with a verb of doing: level all
        ("They may feel guilty afterwards.", False),
        ("The talks may be over.", True),  # a state
        ("It could collapse.", True),  # a situation as subject
        ("The talks could still collapse.", True),  # an adverb that leaves no other reading
        ("It may have been a mistake.", True),
        ("Studies suggest that exercise could prevent it.", True),  # the hedge of a finding
        ("Assad could assume the role of chief of state.", True),  # a named actor's possible move
    ],
)
def test_a_bare_modal_is_marked_by_default_only_in_an_epistemic_context(text: str, marked: bool) -> None:
    assert bool(find_claims(text)) is marked
    assert _kinds(text, "all") == ["possibility"]


def test_anonymous_sources_unnamed_groups_and_named_sources() -> None:
    for text in (
        "Two people briefed on the talks said a deal was close.",
        "An insider told the paper the chief would resign.",
        "A source familiar with the matter said the deal was off.",
        "A person with knowledge of the matter said it was over.",
        "The official spoke on condition of anonymity.",
    ):
        assert _kinds(text) == ["sourcing"], text
    for text in ("Officials said the bridge was closed.", "Diplomats said the talks had stalled."):
        assert _kinds(text) == [] and _kinds(text, "all") == ["sourcing"], text
    for text in ("The ministry said the bridge was closed.", "Apple said in a statement that sales rose."):
        assert _kinds(text, "all") == [], text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Iran believes Putin would accept.", "belief"),
        ("They fear it may happen.", "belief"),
        ("Analysts expect a rate cut in March.", "belief"),
        ("The Fed does not expect to act until 2021.", "belief"),
        ("He is suspected of fraud.", "belief"),
        ("Prosecutors accused him of fraud.", "belief"),
        ("Activists are alleging abuse at the camp.", "belief"),
        ("He is not thought to be in danger.", "evidential"),
    ],
)
def test_beliefs_expectations_suspicions_accusations_and_allegations(text: str, kind: str) -> None:
    assert _kinds(text) == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Many residents accuse the council of neglect.", "belief"),
        ("He said he did not expect a wider campaign.", "belief"),
        ("She didn't expect the court to rule before May.", "belief"),
        ("The company is on track to double its sales.", "prediction"),
        ("Experts foresee a shortage of nurses.", "prediction"),
        ("It was reported that thousands had fled.", "sourcing"),
        ("Rumors abound that the studio might sell.", "sourcing"),
        ("They fear the talks will fail.", "belief"),
        ("The attack raised concerns that the army would step in.", "belief"),
        ("It is doubtful that the bridge will hold.", "possibility"),
        ("As far as I can tell, it plays only discs.", "evidential"),
        ("The story goes that an officer saw a game.", "evidential"),
        ("There is no word yet whether the cuts will be released.", "evidential"),
        ("If convicted, he could face jail.", "conditional"),  # one defendant: not a rule of law
    ],
)
def test_inflections_of_beliefs_forecasts_and_reports_are_marked(text: str, kind: str) -> None:
    assert _kinds(text) == [kind]


# The classes of issue 12's precision pass: each is not a claim by default (and some not at all).
@pytest.mark.parametrize(
    ("text", "at_all"),
    [
        ("Edge cases must have applicable code.", False),  # obligation, not an inference
        ("The packages may have differences in configuration.", True),  # possession, not a perfect
        ("An image editor might have plugins that filter images.", True),
        ("This means any value may be empty.", True),  # a generic subject, wherever it stands
        ("The man could be heard saying it was late.", False),  # perception
        ("In perhaps their biggest game, the team lost.", True),  # a hedge on a phrase
        ("It will take six months, maybe a year.", True),
        ("The plan is bold, perhaps even reckless.", True),
        ("I fear the Emacs situation.", True),  # a fear with no proposition
        ("It is one of the schools of thought that shaped the century.", False),  # a noun
        ('Whenever a programmer thinks, "Skins, what a cool idea", trouble starts.', False),  # quoted
        ("They want us to believe the figures.", False),  # not a belief held
        ("They would have us believe the figures.", False),
        ("We didn't expect much change from the speakers.", False),  # the writer's own surprise
        ("They might not suit every fan, but many of us like them.", True),  # a concession
        ("Anyone giving false details could be issued with a fine.", False),  # a legal consequence
        ("Employees could face a £50 fine if they fail to report it.", False),
        ("He insisted on paying for the meal.", False),  # insist on: no proposition
        ("If you turn cookies off, some features may not work.", True),  # a condition put to the reader
        ("The card was originally expected to launch on October 15.", False),  # superseded
        ("However odd it seemed, the plan worked.", False),  # concessive
        ("The minister is set to visit Paris on Thursday.", False),  # a schedule
        ("Ford is set to unveil the car tomorrow.", False),
    ],
)
def test_precision_classes_are_not_marked_by_default(text: str, at_all: bool) -> None:
    assert _kinds(text) == []
    assert bool(_kinds(text, "all")) is at_all


@pytest.mark.parametrize(
    "text",
    [
        "The lines may have since been idled.",  # a perfect with an adverb between
        "Our scraping of dimes may have cost us dollars.",  # a participle like its verb
        "The fire may have begun in the kitchen.",  # an irregular participle
        "The winger may have to swallow more punishment.",
        "A deal could soon be reached.",  # an adverb that leaves no other reading
        "A strike could be called next week.",  # "a" may name one case: not a generic subject
        "It was possibly a murder.",  # a hedge on the predicate is a hedge on the proposition
    ],
)
def test_a_perfect_or_an_epistemic_adverb_is_still_a_possibility(text: str) -> None:
    assert _kinds(text) == ["possibility"]


@pytest.mark.parametrize(
    "text",
    [
        "The Tories are set to win the election next year.",
        "Alibaba is set to raise $12.9bn from its listing.",
    ],
)
def test_set_to_without_a_date_or_of_winning_is_still_a_forecast(text: str) -> None:
    assert _kinds(text) == ["prediction"]


def test_a_pronoun_is_not_a_forecaster() -> None:
    # "analysts expect" is a belief by default (never strict: levels_en.tsv); "they expect" is anyone's
    # (level all), so the hedge leads
    assert _kinds("Analysts expect a rate cut in March.") == ["belief"]
    assert _kinds("They expect to meet people there.", "strict") == []
    assert _kinds("Apparently they expect you to install it first.") == ["evidential"]


def test_a_condition_needs_a_speculative_consequence() -> None:
    assert _kinds("If the opposition agrees, the talks would resume.") == ["conditional"]
    assert _kinds("The deal could eventually raise $12bn if an option is exercised.") == ["conditional"]
    # A condition after a bare "would" adds no weight of its own: level all.
    assert _kinds("The talks would resume if the rebels agree.") == []
    assert _kinds("The talks would resume if the rebels agree.", "all") == ["conditional"]
    for text in (
        "If you want, call me.",  # no modal consequence
        "The names were withheld until relatives could be told.",  # "until" of time
        "She asked whether the talks would resume.",  # embedded questions
        "He asked if she would attend.",
    ):
        assert _kinds(text, "all") == [], text


# --- which kind a sentence takes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Sources say the talks may collapse.", "sourcing"),  # sourcing first
        ("The deal, which sources say is close, could be signed.", "sourcing"),  # wherever it is
        ("They fear the talks may fail.", "belief"),  # then belief, in the same clause
        ("The talks may apparently fail.", "evidential"),
        ("That could happen because the plan appears to favour Assad.", "possibility"),  # the main clause
        ("Unless the rebels agree, the talks could collapse.", "conditional"),  # a modal consequence
    ],
)
def test_kind_priority(text: str, kind: str) -> None:
    assert _kinds(text) == [kind]


# --- notes -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "note"),
    [
        (
            "Officials said privately that the talks may collapse.",
            "Attributed to unnamed sources (“Officials”): reported second-hand, not confirmed in the "
            "article.",
        ),
        (
            "Iranian officials strongly hinted privately that a deal was near.",
            "Attributed to unnamed sources: Iranian officials (“hinted privately”), reported second-hand and "
            "not confirmed in the article.",
        ),
        (
            "Iran believes Putin would accept.",
            "A belief (“believes”) held by Iran, not a fact the article establishes.",
        ),
        (
            "The Iranians are afraid that the deal is dead.",
            "A belief (“afraid that”) held by the Iranians, not a fact the article establishes.",
        ),
        (
            "He is believed to be in Damascus.",  # passive: the writer hedges, "he" holds nothing
            "Hedged (“is believed to”): an inference or an impression, not something the article shows to "
            "be so.",
        ),
        (
            "If the rebels agree, the talks would resume.",
            "A conditional claim (“If”, “would”): it holds only if its condition is met, which the article "
            "does not establish.",
        ),
    ],
)
def test_notes(text: str, note: str) -> None:
    assert [claim.note for claim in find_claims(text)] == [note]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("I think the deal is dead.", "I think"),
        ("I had always thought that it was unfair.", "thought that"),
        ("I really feel that the band peaked in 1984.", "feel that"),
    ],
)
def test_the_writers_own_opinion_is_noted_at_level_all(text: str, cue: str) -> None:
    assert find_claims(text) == []
    [claim] = find_claims(text, "all")
    assert claim.note == f"A belief (“{cue}”) held by the writer, not a fact the article establishes."


def test_seed_notes() -> None:
    sources = _claim_at("Magnier’s sources told him that when Putin")
    assert sources.note == (
        "Attributed to unnamed sources (“Magnier’s sources”): reported second-hand, "
        "not confirmed in the article."
    )
    believed = _claim_at("They believed that it came")
    assert believed.note == (
        "A belief (“believed”) held by the people the article reports on, not a fact the article establishes."
    )
    assert _claim_at("Magnier’s Iranian sources also made it clear").note.startswith(
        "Attributed to unnamed sources (“Magnier’s Iranian sources”)"
    )


def test_notes_are_plain_and_short() -> None:
    texts = [*_seed_body(), "A" + " very" * 100 + " long-winded official said privately that it may end."]
    for claim in (claim for text in texts for claim in find_claims(text, "all")):
        assert 9 <= len(claim.note) <= 300
        assert "“" in claim.note and "”" in claim.note
        assert "{" not in claim.note


# --- the seed article -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fragment", "kinds"),
    [
        ("evidently left the leadership", {"evidential"}),
        ("has thus apparently been shut down", {"evidential"}),
        ("Magnier’s sources told him that when Putin had informed Iran", {"sourcing"}),
        ("They believed that it came at least a month too soon", {"belief"}),
        ("the Russians can be expected to be active", {"prediction"}),
        ("They fear something similar may happen on Syria.", {"belief", "possibility"}),
        ("Iranian officials strongly hinted privately in Vienna that they believed", {"sourcing"}),
        ("Magnier’s sources told him that Iran believes Putin would accept", {"sourcing"}),
        ("Assad could assume the role of chief of state", {"possibility"}),
        ("Such a compromise could be seen as", {"possibility"}),
        ("the negotiations could still fail.", {"possibility"}),
        ("That could happen because", {"possibility"}),
        ("says the ceasefire could be key to lasting peace in Syria", {"prediction"}),
    ],
)
def test_seed_flagged(fragment: str, kinds: set[str]) -> None:
    claim = _claim_at(fragment)
    assert claim is not None, fragment
    assert claim.kind in kinds


@pytest.mark.parametrize(
    "fragment",
    [
        "He can be contacted at",
        "so he could have some “leverage” in the negotiations",
        "Contrary to the speculation of many pundits",
        "Putin was able to convert his new-found leverage",
        "far more effective than anyone had expected",
    ],
)
def test_seed_not_flagged(fragment: str) -> None:
    assert _claim_at(fragment) is None


@pytest.mark.parametrize(
    ("fragment", "kind"),
    [
        ("Kerry had appeared to be the primary driver", "evidential"),  # a past impression: weak
        ("According to a report last week by Elijah J Magnier", "sourcing"),  # "high officials": a group
    ],
)
def test_seed_flagged_only_at_level_all(fragment: str, kind: str) -> None:
    text = _seed_paragraph(fragment)
    position = text.index(fragment)
    assert not any(c.start <= position < c.end for c in find_claims(text))
    assert [c.kind for c in find_claims(text, "all") if c.start <= position < c.end] == [kind]


def test_seed_headline_question() -> None:
    assert find_claims("Will the Syrian Ceasefire End the US-Russia Proxy War?") == []


def test_seed_offsets_and_order() -> None:
    for text in _seed_body():
        sentences = {text[start:end] for start, end in split_sentences(text)}
        found = find_claims(text, "all")
        for claim in found:
            assert text[claim.start : claim.end] in sentences
            assert text[claim.start : claim.end] == text[claim.start : claim.end].strip()
        assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_offsets_survive_case_folding_that_changes_length() -> None:
    text = "İstanbul fell. Officials said privately that it may fall again."
    [claim] = find_claims(text)
    assert text[claim.start : claim.end] == "Officials said privately that it may fall again."


def test_unnamed_officials_with_their_verb_far_apart_are_quoted_short() -> None:
    text = _seed_paragraph("According to a report last week by Elijah J Magnier")
    [claim] = find_claims(text, "all")
    assert claim.note == (
        "Attributed to unnamed sources (“high officials”): reported second-hand, "
        "not confirmed in the article."
    )
    text = "Officials in the ministry of defence and the army said the talks had failed."
    assert find_claims(text) == [] and find_claims(text, "all")[0].kind == "sourcing"


# --- the data files ---------------------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    for name in ("cues_en.tsv", "kinds_en.tsv", "rules_en.tsv", "words_en.tsv"):
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def test_a_new_cue_needs_no_code(data_copy: Path) -> None:
    text = "The rumour mill has it that he resigned."
    assert find_claims(text) == []
    _append(data_copy / "cues_en.tsv", "rumour mill\tsourcing\t0.9")
    [claim] = find_claims(text, lexicon=load_lexicon(cues=data_copy / "cues_en.tsv"))
    assert (claim.kind, claim.cues) == ("sourcing", ["rumour mill"])


def test_weights_rules_and_priority_are_data(data_copy: Path) -> None:
    cues = data_copy / "cues_en.tsv"
    cues.write_text(
        cues.read_text(encoding="utf-8").replace("could be\tpossibility\t0.7", "could be\tpossibility\t0.2")
    )
    assert find_claims("The talks could be over.", lexicon=load_lexicon(cues=cues)) == []

    _append(data_copy / "rules_en.tsv", "idiom\tmay\tany\tbe that as it may\\b")
    rules = load_lexicon(rules=data_copy / "rules_en.tsv")
    assert find_claims("Be that as it may, the talks resumed.", lexicon=rules) == []

    kinds = data_copy / "kinds_en.tsv"
    lines = kinds.read_text(encoding="utf-8").splitlines()
    kinds.write_text("\n".join(sorted(lines, key=lambda line: not line.startswith("possibility"))) + "\n")
    [claim] = find_claims("They fear the talks may be over.", lexicon=load_lexicon(kinds=kinds))
    assert claim.kind == "possibility"


@pytest.mark.parametrize(
    ("name", "line", "problem"),
    [
        ("cues_en.tsv", "perchance\tguess\t0.5", "unknown kind"),
        ("cues_en.tsv", "perchance\tpossibility\thigh", "weight"),
        ("rules_en.tsv", "bad\tperchance\tany\tx", "not in the cue lexicon"),
        ("rules_en.tsv", "bad\t*\tany\t(", "line"),
        ("words_en.tsv", "perchance\tadverb", "unknown role"),
    ],
)
def test_bad_data_is_reported(data_copy: Path, name: str, line: str, problem: str) -> None:
    _append(data_copy / name, line)
    with pytest.raises(InputError, match=problem):
        load_lexicon(**{name.split("_")[0]: data_copy / name})


# --- annotate_article -------------------------------------------------------------------------------------


def _article() -> Article:
    reply = Comment(blocks=[Paragraph("It may well fail.")])
    comment = Comment(blocks=[Paragraph("Perhaps.")], replies=[reply])
    return Article(
        title="Will it hold?",
        standfirst=Paragraph("The truce apparently holds."),
        sections=[
            Section(blocks=[Heading("Talks"), Paragraph("Sources say it may end."), Paragraph("It ended.")])
        ],
        bio=[Paragraph("He can be contacted at home."), Paragraph("He may well write again.")],
        videos=[VideoReport(title="Talk", description=[Paragraph("He says it could be key.")])],
        thread=CommentThread(comments=[comment]),
    )


def test_annotate_article() -> None:
    article = _article()
    assert annotate_article(article) is article
    assert [c.kind for c in article.standfirst.claims] == ["evidential"]
    body = article.body_paragraphs()
    assert [c.kind for c in body[0].claims] == ["sourcing"] and body[1].claims == []
    assert [len(p.claims) for p in article.bio] == [0, 1]
    assert [c.kind for c in article.videos[0].description[0].claims] == ["possibility"]
    assert all(not p.claims for c in article.thread.all_comments() for p in c.paragraphs)


def test_annotate_article_comments_and_level() -> None:
    article = annotate_article(_article(), level="strict", in_comments=True)
    assert all(not p.claims for c in article.thread.all_comments() for p in c.paragraphs)
    article = annotate_article(_article(), in_comments=True)
    kinds = [claim.kind for c in article.thread.all_comments() for p in c.paragraphs for claim in p.claims]
    assert kinds == ["possibility", "possibility"]


def test_rule_needles_are_in_every_match() -> None:
    """Each shipped rule's matches on the labelled sentences contain one needle of each of its sets."""
    rows = (DATA.parent.parent / "tests" / "data" / "claims_en.tsv").read_text(encoding="utf-8").splitlines()
    sentences = [row.split("\t")[-1] for row in rows if row and not row.startswith("#")]
    for rule in load_lexicon().rules:
        for sentence in sentences:
            for match in rule.pattern.finditer(sentence if rule.exact_case else sentence.lower()):
                found = all(any(needle in match.group() for needle in needles) for needles in rule.needles)
                assert found, (rule.name, sentence)


def test_a_claim_carries_its_cue_words_offsets_in_the_paragraph_without_a_cues_gap() -> None:
    sentence = "Officials close to the talks said the deal may well fail."
    hits = [
        Hit(sentence.index("may"), sentence.index("may") + 3, "may", "possibility", 0.6),
        Hit(0, sentence.index("said") + 4, "officials ** said", "sourcing", 0.6),
        Hit(sentence.index("may"), sentence.index("well") + 4, "may well", "possibility", 0.6),
    ]
    spans = claims_module._cue_spans(hits, sentence, 11)
    assert [("It rained. " + sentence)[start:end] for start, end in spans] == [
        "Officials",
        "said",
        "may well",
    ]
    text = "It rained. " + sentence
    (claim,) = find_claims(text)
    assert claim.cue_spans and all(claim.start <= start < end <= claim.end for start, end in claim.cue_spans)


@pytest.mark.parametrize(
    "sentence",
    [
        "This may be an empty string.",
        "The field could be null when the post has no author.",
        "It may throw a TypeError if the key is missing.",
        "The list might contain integers or floats.",
    ],
)
def test_technical_prose_about_values_and_errors_is_not_speculative(sentence: str) -> None:
    assert find_claims(sentence) == []


def test_a_possibility_beside_words_of_technical_prose_is_still_marked() -> None:
    assert [claim.kind for claim in find_claims("The attack may be an act of terror.")] == ["possibility"]


@pytest.mark.parametrize("extra", ["", "İstanbul."])
def test_a_long_text_is_lower_cased_in_windows_as_it_would_be_whole(extra: str) -> None:
    # Final sigma looks at its neighbours: windows of whole sentences must agree with the whole.
    words = ["ΟΔΟΣ.", "Σ", "ΑΣ’Σ.", "it’s", "‘May’.", "ʼOK", "\n\nΣ.", "ΣΑ."]
    text = " ".join(words[i % len(words)] for i in range(claims_module._PIECE)) + " " + extra
    whole = apostrophes(claims_module._lower(text))
    windows = list(claims_module._windows(text))
    assert len(windows) > 1
    for offset, window, lowered, _ in windows:
        assert lowered == whole[offset : offset + len(window)]
    assert ("ς" in whole) == (not extra)  # lowered whole: final sigma; character by character: none


def test_a_long_paragraph_has_the_claims_of_its_parts() -> None:
    part = (
        "The minister may resign next week, officials said. It is raining. Critics believe the plan "
        "will probably fail! “Perhaps,” she wrote, “it’s a sign.” Sales rose 3% in May."
    )
    copies = 2 * claims_module._PIECE // len(part)
    found = find_claims(" ".join([part] * copies))
    one = find_claims(part)
    assert one and len(found) == copies * len(one)
    step = len(part) + 1
    for index, claim in enumerate(found):
        shift = index // len(one) * step
        expected = one[index % len(one)]
        assert (claim.start - shift, claim.end - shift, claim.kind, claim.cues, claim.note) == (
            expected.start,
            expected.end,
            expected.kind,
            expected.cues,
            expected.note,
        )
        assert [(s - shift, e - shift) for s, e in claim.cue_spans] == expected.cue_spans


# The classes written on fresh2-train (issue 12): not claims by default, some not at all.
@pytest.mark.parametrize(
    ("text", "at_all"),
    [
        ("No one wants to speak to him, All Might had replied brightly.", False),  # a name
        ("They should show at the top, even though they could be several posts back.", True),
        ("It shows up in the list, and it could be stale.", True),  # "show" of appearing
        ("He is wrong about us if he thinks that you are weak.", False),  # a supposed belief
        ("Unless they believe the offer is real, nobody moves.", False),
        ("It should just flow like you would normally expect.", False),  # generic second person
        ("As one might expect, the room was full.", False),
        ("The text is white (maybe).", True),  # a bracketed hedge on a phrase
        ("The rule holds, although it may change one day.", True),  # a concessive clause
        ("They let a potential resource go to waste.", False),  # inside a noun phrase
        ("We found things not possible with print.", False),  # a negated possibility asserts
        ("They reported questions and fears about the web.", False),  # "fears" as a noun
        ("I frankly cringe when I hear it.", False),  # perception, not hearsay
        ("I hear you, Ann.", False),
    ],
)
def test_fresh2_classes_are_not_marked_by_default(text: str, at_all: bool) -> None:
    assert _kinds(text) == []
    assert bool(_kinds(text, "all")) is at_all


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Studies show the drug could cut deaths.", "possibility"),  # "show" of evidence keeps the finding
        ("If investors believe the bank will cut rates, bonds could rally.", "conditional"),
        ("Markets rose and fears that the talks will fail eased.", "belief"),  # a feared event
        ("A deal could soon be reached, although talks resume on Monday.", "possibility"),
    ],
)
def test_what_the_fresh2_classes_leave_marked(text: str, kind: str) -> None:
    assert _kinds(text) == [kind]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Journalism was seen as a career with words.", "evidential"),
        ("She had the feeling that he was watching.", "belief"),
        ("He was of the firm opinion that he could only make it worse.", "belief"),
        ("We feel strongly the vaccine is an added layer of protection.", "belief"),
        ("I hear the new manager does take bribes.", "sourcing"),
        ("I've heard the deal is off.", "sourcing"),
    ],
)
def test_fresh2_forms_beside_their_families_are_found_at_level_all(text: str, kind: str) -> None:
    assert _kinds(text) == []
    assert _kinds(text, "all") == [kind]


# Root readings of could/may/might told by the clause's structure (issue 12): the context that raised the
# bare modal does not make it epistemic, so it moves to level all; the epistemic twin stays at default.
@pytest.mark.parametrize(
    ("root", "epistemic"),
    [
        # ability or permission spelt out; negated, an epistemic modal over a negated ability
        ("The tenants may also be able to buy the flat.", "The singer might not be able to perform."),
        ("Staff could still be allowed to enter.", "The deal could still collapse."),
        # a personal subject with a verb of doing; with be or an adverb of time it is epistemic
        ("They could also sell the house to a neighbour.", "They could still win the seat."),
        ("We may also share your details with partners.", "We may have been wrong about the cause."),
        # existential "may sometimes": a generic statement
        ("This dose might sometimes cause a rash.", "This dose might cause the rash he had."),
        ("This could involve someone who knows they are ill.", "This could ruin someone who knows them."),
        # instructions: an imperative clause beside the modal
        ("It may need longer, keep it somewhere warm.", "It may need longer, the engineers said."),
        ("Note that a plugin might also have access.", "A plugin might also have leaked the keys."),
        # a procedure in the passive with its means
        ("A caption may be inserted using the figure element.", "The law may be changed within a year."),
        # a gerund's object is no situation as subject
        ("Reading it could lead to a crash.", "It could lead to a crash."),
        # a conjecture granted before "but"
        ("Maybe he knows the city, but he is still lost.", "Maybe he knows the city."),
    ],
)
def test_root_readings_move_to_level_all(root: str, epistemic: str) -> None:
    assert _kinds(root) == []
    assert _kinds(root, "all") == ["possibility"]
    assert _kinds(epistemic) == ["possibility"]


@pytest.mark.parametrize(
    "text",
    [
        "I figured I might as well bite the bullet.",  # an idiom of advisability
        "You cannot possibly know the answer.",  # an impossibility asserted
        "It was all Izuku could do not to wince.",  # past ability, whatever the subject
    ],
)
def test_root_idioms_are_not_claims(text: str) -> None:
    assert _kinds(text, "all") == []


@pytest.mark.parametrize(
    ("np_hedge", "clause_hedge"),
    [
        ("He took a possibly fatal dose.", "He was possibly the victim of a stabbing."),
        ("Maybe she was just being lured.", "Maybe the company knew about the flaw."),
    ],
)
def test_hedges_of_a_phrase_or_of_narration_move_to_level_all(np_hedge: str, clause_hedge: str) -> None:
    assert _kinds(np_hedge) == []
    assert _kinds(np_hedge, "all") == ["possibility"]
    assert _kinds(clause_hedge) == ["possibility"]


@pytest.mark.parametrize(
    ("phrase", "proposition"),
    [
        # "suggest" of a proposal, and of a finding
        ("His family suggested that she might continue acting.", "Tests suggested that she might be ill."),
        # a hedge on a phrase at the sentence's end, and on a clause
        ("The thief took a bag from the man, possibly shoes.", "The thief possibly took a bag from the man."),
    ],
)
def test_proposals_and_end_phrase_hedges_move_to_level_all(phrase: str, proposition: str) -> None:
    assert _kinds(phrase) == []
    assert _kinds(phrase, "all") == ["possibility"]
    assert _kinds(proposition) == ["possibility"]


def test_a_personal_subject_with_a_stative_verb_keeps_its_epistemic_modal() -> None:
    assert _kinds("He could also need surgery on the knee.") == ["possibility"]
    assert _kinds("He could also sell the flat to a neighbour.") == []


def test_a_reference_to_the_reader_is_no_instruction() -> None:
    assert _kinds("Critics say the plan may be off, see the report.") == ["possibility"]
    assert _kinds("The plan may be off, read more on our site.") == ["possibility"]
