"""The rule classes written on the fresh articles' training half: each by self-contained sentences."""

from __future__ import annotations

import pytest

from export.annotate import find_claims


def _kinds(text: str, level: str = "default") -> list[str]:
    return [claim.kind for claim in find_claims(text, level)]


@pytest.mark.parametrize(
    "text",
    [
        "After the year-month branch has reached end-of-life, the branch may be deleted from the repository.",
        "Anyone giving false information could be issued with a fixed penalty notice of £1,000.",
        "Accounts that break the rules may be disabled without warning.",
        '"Open the door," the man could be heard saying.',
        "For example, an image editor might have plugins that can perform filters on the image.",
        "These packages are built by the maintainers and may have differences in configuration.",
    ],
)
def test_generic_legal_and_documentation_modals_are_not_claims(text: str) -> None:
    assert _kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Our scraping of dimes may have cost us dollars in consumer loyalty.",
        "The virus may have spread through the market.",
        "The talks may have already collapsed.",
        "He might have known about the plan.",
    ],
)
def test_may_have_with_a_participle_is_still_a_possibility(text: str) -> None:
    assert _kinds(text) == ["possibility"]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("In perhaps their biggest game of the season, the Sixers hosted Boston.", "perhaps"),
        ("I am not putting it on my machines for another six months, maybe a year.", "maybe"),
        ("There is room for new libraries, perhaps even taking advantage of recent research.", "perhaps"),
        ("The feature makes it shorter, or perhaps even clearer, to write.", "perhaps"),
    ],
)
def test_perhaps_inside_a_noun_phrase_is_noted_at_level_all_only(text: str, hedge: str) -> None:
    assert _kinds(text) == []
    assert [claim.cues for claim in find_claims(text, "all")] == [[hedge]]


def test_perhaps_over_a_clause_is_still_a_possibility() -> None:
    assert _kinds("Perhaps the talks have already failed.") == ["possibility"]


@pytest.mark.parametrize(
    "text",
    [
        "It is one of several schools of thought that sought to join Marx and Freud.",
        'Harry said the palace is in "fear" of its media coverage.',
        "They want us to believe the models are right.",
        "No one believed a story the boy told about the lake.",
        "You used the word to describe something real, however outlandish it seemed.",
    ],
)
def test_nouns_credence_and_concessions_are_not_beliefs_or_hedges(text: str) -> None:
    assert _kinds(text) == []


def test_the_writers_own_fear_is_noted_at_level_all_only() -> None:
    text = "The only thing that stops me is that I fear the Emacs situation."
    assert _kinds(text) == []
    assert _kinds(text, "all") == ["belief"]
    assert _kinds("Officials fear the dam could break.") == ["belief"]


@pytest.mark.parametrize(
    "text",
    [
        "There are cases where you don't need much JavaScript, and may be able to do better.",
        "Edge cases must have applicable code, even when the happy path is unknown.",
        "The RTX 3070 was originally expected to launch on October 15 but was pushed back.",
        "They might not be for every Star Wars fan, but many of us care about them.",
        "We'll update the page if we find any deals (or more likely at this point, bundles).",
    ],
)
def test_ability_obligation_a_past_plan_and_concessions_are_not_claims(text: str) -> None:
    assert _kinds(text) == []


def test_a_named_actor_who_might_not_be_able_to_is_a_possibility() -> None:
    assert _kinds("Taylor Swift might not be able to perform all of her hits.") == ["possibility"]
    assert _kinds("The suspect must have known the code.") == ["evidential"]


@pytest.mark.parametrize(
    "text",
    [
        "But the pay-off for science will be immense.",
        "Together the new dishes will improve the telescope's resolution by 100 times.",
        "The longer range of the new vehicles will make them more popular.",
        "Not everyone will succeed.",
        "Artificial intelligence is on track to alter the future of healthcare.",
        "Further strikes across British universities are on the cards later this year.",
        "With these tools in hospitals, expect to see dramatic changes in patient outcomes.",
    ],
)
def test_a_forecast_of_evaluation_or_change_is_a_prediction(text: str) -> None:
    assert _kinds(text) == ["prediction"]


@pytest.mark.parametrize(
    "text",
    [
        "We will continue that policy for as long as we are here.",
        "These are principles that will help guide the next phases of the standard.",
        "The deputy premier will remain acting premier of the territory.",
        "The house will be turned into a police station.",
    ],
)
def test_a_promise_a_description_or_a_plan_with_will_is_not(text: str) -> None:
    assert _kinds(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Whatever the final outcome, the events could signal a change for the former colony.",
        "Repeat observations could allow scientists to learn about the source.",
        "The attack could heighten tensions in a divided nation.",
        "With better planning, hospitals could see more patients daily.",
        "In time the standard may add more support for files.",
    ],
)
def test_a_hedged_outcome_is_a_possibility(text: str) -> None:
    assert _kinds(text) == ["possibility"]


@pytest.mark.parametrize(
    "text",
    [
        "You could get a discount if you order early.",
        "From the roof he could see the river.",
        "We might add a photo later.",
    ],
)
def test_an_option_or_a_perception_is_not_a_hedged_outcome(text: str) -> None:
    assert _kinds(text) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("In the early 1900s, it was reported that over 100,000 people went to the games.", "sourcing"),
        ("According to a fan site, rumors abound that the studio will re-release the films.", "sourcing"),
        ("I've heard anecdotally that many organizations will not take this type of hair.", "sourcing"),
        ("The story goes that an officer saw people riding horses in a tea plantation.", "evidential"),
        ("It can't, as far as I can tell, play anything but actual discs.", "evidential"),
        ("There's no word yet whether the films will be released in theaters.", "evidential"),
        ("It's doubtful that the road will ever support the truck traffic.", "possibility"),
    ],
)
def test_second_hand_and_hedged_phrases(text: str, kind: str) -> None:
    assert _kinds(text) == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "This means any value may be what it says or nothing.",
        "This could involve someone who goes to a pub where they expect to meet people.",
        "If you turn cookies off, some features may not function properly.",
        'Whenever a programmer thinks, "Hey, skins, what a cool idea", the result is slow.',
    ],
)
def test_generic_subjects_definitions_conditions_put_to_the_reader_and_quoted_thoughts(text: str) -> None:
    assert _kinds(text) == []


def test_a_modal_consequence_of_a_condition_in_the_story_is_still_conditional() -> None:
    assert _kinds("If the talks fail, the government could fall.") == ["conditional"]


@pytest.mark.parametrize(
    "text",
    [
        "He asked about concerns his predecessor might have had, but the lawyer objected.",
        "The request names any cookies your browser might have collected.",
        "I believe that the doubt this might have cast is very troubling.",
    ],
)
def test_a_perfect_modal_in_an_object_relative_clause_is_context(text: str) -> None:
    assert _kinds(text) == []


def test_a_perfect_modal_with_its_object_after_it_is_a_possibility() -> None:
    assert _kinds("The browser might have collected the user's history.") == ["possibility"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The events could signal a change for the former colony.", "possibility"),
        ("But the pay-off for science will be immense.", "prediction"),
        ("It isn't clear which function evolved first.", "evidential"),
        ("His mother was said to have been disapproving of the idea.", "evidential"),
        ("Studies show that drinking more water could be linked to less hunger.", "possibility"),
    ],
)
def test_strict_keeps_the_clear_cases(text: str, kind: str) -> None:
    assert _kinds(text, "strict") == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "VW says it could add a rear bench instead.",  # an option, not an outcome
        "My family suggested that she might continue acting.",  # a proposal, not a finding
        "Dereferencing it could lead to undefined behavior.",
    ],
)
def test_strict_leaves_out_what_is_not_sure(text: str) -> None:
    assert _kinds(text, "strict") == []


@pytest.mark.parametrize(
    "text",
    [
        '"That would be very damaging to them," she said.',
        "The disavowal would force the administration to reconsider its approach.",
        "Both agencies said the crash would have no impact on the station.",
        "The United States would be caught in the middle.",
    ],
)
def test_a_would_of_consequence_is_a_prediction(text: str) -> None:
    assert _kinds(text) == ["prediction"]


def test_a_would_of_preference_or_hypothesis_is_not_a_prediction() -> None:
    assert _kinds("I would be shocked if it sold.") != ["prediction"]
    assert _kinds("He would prefer to stay.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Many Tunisians accuse the Islamists of having been slow to respond.",
        "The attack raised concerns that the government would crack down.",
        '"There is worry the government will use the attack," he said.',
        "Officials are worried about the number of militants returning home.",
    ],
)
def test_accusations_concerns_and_worries_are_beliefs(text: str) -> None:
    assert _kinds(text) == ["belief"]


def test_an_accusation_names_who_holds_it() -> None:
    (claim,) = find_claims("Many Tunisians accuse the Islamists of having been slow to respond.")
    assert "held by many Tunisians" in claim.note


@pytest.mark.parametrize(
    "text",
    [
        "If a deal is reached and does not pass muster, he is likely to work against it.",
        "If the studio indeed re-releases the films, then this will be the first time in decades.",
    ],
)
def test_a_forecast_after_its_condition_is_conditional(text: str) -> None:
    assert _kinds(text) == ["conditional"]


def test_a_forecast_before_a_condition_stays_a_prediction() -> None:
    assert _kinds("He is likely to resign if the vote fails.") == ["prediction"]
    assert _kinds("If you want, call the office.") == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('But the pair insisted they "never left" the family.', "belief"),
        ("Time heals all things, hopefully.", "prediction"),
        ("I am not sure if this delicate cake can handle all that heat.", "evidential"),
        ("It feels like his biggest plays come when the team is in a lull.", "evidential"),
        ("Star Wars turns 40 this year, so there's no telling what's in store.", "prediction"),
        ("The premier was detained in Miami on drug-related charges.", "belief"),
        ("Others reported supervisors unfairly demanding credit for research.", "sourcing"),
        ("If the rumors are true, this is big news for fans.", "sourcing"),
        ("That's going to put limits on how far they can go together.", "prediction"),
    ],
)
def test_weak_markers_are_noted_at_level_all_only(text: str, kind: str) -> None:
    assert _kinds(text) == []
    assert _kinds(text, "all") == [kind]


def test_a_negated_likelihood_of_a_future_is_a_prediction() -> None:
    assert _kinds("I know that's not likely to happen any time soon.") == ["prediction"]


@pytest.mark.parametrize(
    "text",
    [
        "Maybe no one believed a story you told as a child.",
        "A plugin might also have access to system APIs.",
    ],
)
def test_the_reader_addressed_and_possession_after_an_adverb_are_not_possibilities(text: str) -> None:
    assert _kinds(text) == []


def test_maybe_about_the_story_is_still_a_possibility() -> None:
    assert _kinds("Maybe the talks have already failed.") == ["possibility"]


def test_a_model_that_predicts_forecasts_nothing() -> None:
    assert (
        _kinds("We use a machine learning model which predicts likely commercial intent of accounts.") == []
    )
    assert _kinds("The central bank predicts that inflation will fall.") == ["prediction"]


def test_a_past_expectation_in_the_story_is_a_belief_and_the_writers_surprise_is_not() -> None:
    assert _kinds("He said he did not expect a wider government campaign.") == ["belief"]
    assert _kinds("We didn't expect much change, but after trying them we were wowed.") == []
