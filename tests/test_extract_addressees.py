"""Addressee rules on sentences written for them (no corpus), with the project's vocabularies: list items that
look like appositions, pronouns of a person, statements of intention, back references ("the above-mentioned
entities")."""
from __future__ import annotations

import pytest
from handmade import resolution

from unkg.ingest.extract import extract, load
from unkg.ingest.extract.explain import explain
from unkg.ingest.model import Resolution


@pytest.fixture(scope="module")
def vocab():
    return load()


def make(texts: list[str], body: str = "General Assembly", language: str = "en") -> Resolution:
    return resolution(texts, symbol="A/RES/79/999", session="79", body=body, language=language)


def provisions(vocab, texts: list[str], **kw):
    return [pr for p in extract(make(texts, **kw), vocab).operative for pr in p.provisions]


def local(cs) -> list[str]:
    return [c.id.rsplit("/", 1)[-1] for c in cs]


def test_an_item_between_commas_in_a_list_of_states_is_no_apposition(vocab):
    pr = provisions(vocab, ["Invites Mali, the African Union, Niger and Chad to hold consultations;"])[0]
    assert local(pr.addressees) == ["mli", "african-union", "ner", "tcd"]
    pr = provisions(vocab, ["Calls upon Israel, the occupying Power, to lift the closures;"])[0]
    assert local(pr.addressees) == ["isr"]


def test_him_is_the_office_holder_not_the_nearest_body(vocab):
    prs = provisions(vocab, ["Welcomes the steps taken by the Secretary-General to improve the safety of peacekeeping "
                             "operations, supports a review of the rules for peacekeeping operations, and calls on "
                             "him to report on them;"])
    assert local(prs[-1].addressees) == ["secretary-general"]
    assert prs[-1].addressees[0].method == "pronoun"
    prs = provisions(vocab, ["Welcomes the cooperation of the Human Rights Council with the Special Rapporteur on "
                             "the right to food, and requests her to continue it;"])
    assert local(prs[-1].addressees) == ["special-rapporteur-on-the-right-to-food"]
    prs = provisions(vocab, ["Welcomes the report of the Human Rights Council, and requests it to continue;"])
    assert local(prs[-1].addressees) == ["human-rights-council"]


@pytest.mark.parametrize("text, verb, bound", [
    ("Expresses its intention to consider the question at its next session;", "express-intention", False),
    ("Reaffirms its determination to eliminate the practice;", "express-intention", False),
    ("Pledges to ensure that no one is left behind;", "commit", True),
    ("Commits to strengthening access to justice;", "commit", True),
])
def test_a_stated_intention_binds_no_one_an_undertaking_binds_the_body(vocab, text, verb, bound):
    pr = provisions(vocab, [text])[0]
    assert pr.verb == verb
    assert local(pr.addressees) == (["general-assembly"] if bound else [])


def test_the_above_mentioned_entities_are_the_actors_named_before(vocab):
    res = extract(make(["Expresses its appreciation for the work of the Government of Chile and of Member States, "
                        "regional organizations, non-governmental organizations and the private sector in rebuilding "
                        "schools, and encourages Member States and the above-mentioned entities to continue their "
                        "support;"]), vocab)
    pr = res.operative[0].provisions[-1]
    assert local(pr.addressees) == ["member-states", "regional-organizations", "non-governmental-organizations",
                                    "private-sector"]
    assert {c.method for c in pr.addressees[1:]} == {"back-reference"}
    assert "back-reference" in explain(res)
    pr = provisions(vocab, ["Welcomes the work of the World Health Organization and of Member States, and invites the "
                            "aforementioned actors to cooperate;"])[-1]
    assert local(pr.addressees) == ["world-health-organization", "member-states"]


@pytest.mark.parametrize("lang, text", [
    ("fr", "Remercie le Gouvernement chilien, les organisations régionales et le secteur privé de leur aide, et engage "
           "les États Membres et les entités susmentionnées à continuer d’aider le Gouvernement chilien ;"),
    ("es", "Agradece al Gobierno de Chile, las organizaciones regionales y el sector privado su ayuda, y alienta a los "
           "Estados Miembros y las entidades mencionadas a que sigan prestando apoyo;"),
])
def test_back_references_in_french_and_spanish(vocab, lang, text):
    pr = provisions(vocab, [text], language=lang)[-1]
    assert local(pr.addressees) == ["member-states", "regional-organizations", "private-sector"]


def test_a_pronoun_takes_the_object_of_the_clause_before_not_the_names_in_its_complement(vocab):
    pr = provisions(vocab, ["Commends the States parties to the treaties of Tlatelolco and Pelindaba, as well as of "
                            "Central Asia and Mongolia, for their work, and invites them to share experience;"])[-1]
    assert local(pr.addressees) == ["states-parties"]
    pr = provisions(vocab, ["Welcomes the efforts of Mongolia and Chile, and encourages them to continue;"])[-1]
    assert local(pr.addressees) == ["mng", "chl"]


def test_a_gerund_adjunct_between_commas_names_no_addressee(vocab):
    pr = provisions(vocab, ["Invites States and the World Health Organization, in reporting to the "
                            "Secretary-General, to focus on new developments;"])[0]
    assert local(pr.addressees) == ["states", "world-health-organization"]
    pr = provisions(vocab, ["Urges States, in particular developing countries, to act;"])[0]
    assert local(pr.addressees) == ["states", "developing-countries"]


def test_an_adjective_before_and_other_goes_with_the_noun(vocab):
    pr = provisions(vocab, ["Calls upon States, as well as regional and other organizations, to assist the "
                            "Territory;"])[0]
    assert local(pr.addressees) == ["states", "regional-organizations"]
    assert pr.addressees[1].method == "distributed"


def test_all_countries_are_all_states(vocab):
    pr = provisions(vocab, ["Encourages all countries to improve their statistics;"])[0]
    assert local(pr.addressees) == ["all-states"]


def test_the_organization_after_an_organization_named_in_the_paragraph_is_that_organization(vocab):
    pr = provisions(vocab, ["Commends the World Health Organization for its work with the United Nations system, and "
                            "invites the Organization to continue it;"])[-1]
    assert local(pr.addressees) == ["world-health-organization"]
    assert pr.addressees[0].method == "short-name"
    pr = provisions(vocab, ["Welcomes the work of the International Atomic Energy Agency, and requests the Agency to "
                            "report;"])[-1]
    assert local(pr.addressees) == ["international-atomic-energy-agency"]
    # the noun inside a name's complement ("Parties to the Convention") makes no actor of "the Convention"
    pr = provisions(vocab, ["Welcomes the decision of the Parties to the Convention, and invites the Convention "
                            "secretariat to report;"])[-1]
    assert "states-parties" not in local(pr.addressees)


def test_partners_in_association_with_are_no_addressees(vocab):
    pr = provisions(vocab, ["Encourages States, in association with regional organizations and academic "
                            "institutions, to convene meetings;"])[0]
    assert local(pr.addressees) == ["states"]


def test_an_actor_inside_a_chain_of_complements_only_qualifies(vocab):
    pr = provisions(vocab, ["Calls upon the administering Power of each Territory on the agenda of the Special "
                            "Committee to cooperate;"])[0]
    assert local(pr.addressees) == ["administering-powers"]
    pr = provisions(vocab, ["Calls upon the specialized agencies of the United Nations system to act;"])[0]
    assert local(pr.addressees) == ["funds-programmes-and-specialized-agencies", "united-nations-system"]
    pr = provisions(vocab, ["Calls upon the Government of Haiti to act;"])[0]
    assert local(pr.addressees) == ["hti"]


def test_all_concerned_are_relevant_stakeholders_unless_they_qualify_a_name(vocab):
    pr = provisions(vocab, ["Urges all concerned to show restraint;"])[0]
    assert local(pr.addressees) == ["relevant-stakeholders"]
    pr = provisions(vocab, ["Encourages all concerned United Nations system entities to act;"])[0]
    assert local(pr.addressees) == ["united-nations-system"]
    pr = provisions(vocab, ["Invites the private sector and all concerned individuals to contribute;"])[0]
    assert local(pr.addressees) == ["private-sector"]
    pr = provisions(vocab, ["Demande à tous les intéressés de porter une attention renouvelée à cet objectif ;"],
                    language="fr")[0]
    assert local(pr.addressees) == ["relevant-stakeholders"]


@pytest.mark.parametrize("text, want", [
    ("Calls for the full implementation of the United Nations Convention against Corruption;", []),
    ("Calls upon States parties to the United Nations Convention against Corruption to cooperate;", ["states-parties"]),
    ("Reminds States of their obligations under Security Council resolutions to prevent terrorism;", ["states"]),
    ("Encourages the convening of a United Nations high-level conference on water;", []),
    # the head is a body of the named one, or the name is the first thing the verb addresses
    ("Calls upon all relevant United Nations departments and offices to cooperate;", ["united-nations-system"]),
    ("Requests the Secretary-General prepare a report on the matter;", ["secretary-general"]),
])
def test_a_name_that_modifies_a_noun_names_whose_the_thing_is(vocab, text, want):
    pr = provisions(vocab, [text])[0]
    assert local(pr.addressees) == want


def test_a_participle_set_off_by_commas_is_no_addressee_phrase(vocab):
    pr = provisions(vocab, ["Invites the World Meteorological Organization, mindful of the provisions of Economic "
                            "and Social Council resolution 1980/67, to facilitate the observance of the Day;"])[0]
    assert local(pr.addressees) == ["world-meteorological-organization"]
    pr = provisions(vocab, ["Requests the Secretary-General, also considering the views of the Human Rights Council, "
                            "to report;"])[0]
    assert local(pr.addressees) == ["secretary-general"]


@pytest.mark.parametrize("language, text, want", [
    ("fr", "Engage les États parties à la Convention des Nations Unies contre la corruption à coopérer ;",
     ["states-parties"]),
    ("fr", "Invite l'Organisation météorologique mondiale, compte tenu de la résolution 1980/67 du Conseil économique "
           "et social, à faciliter la célébration de la Journée ;", ["world-meteorological-organization"]),
    ("es", "Invita a la Organización Meteorológica Mundial, teniendo presentes las disposiciones de la resolución "
           "1980/67 del Consejo Económico y Social, a que facilite la celebración del Día;",
     ["world-meteorological-organization"]),
    ("es", "Invita a la secretaría de la Convención Marco de las Naciones Unidas sobre el Cambio Climático a que "
           "informe;", []),
])
def test_a_name_after_de_that_completes_an_instrument_or_a_resolution_is_no_addressee(vocab, language, text, want):
    pr = provisions(vocab, [text], language=language)[0]
    assert local(pr.addressees) == want


@pytest.mark.parametrize("text, want", [
    ("Calls upon States, with the support, where appropriate, of regional organizations and civil society, to adopt "
     "national plans;", ["states"]),
    ("Urges all States, in conjunction with the Office of the United Nations High Commissioner for Refugees, to "
     "cooperate;", ["all-states"]),
    ("Encourages Governments, with support from the United Nations system upon request, to collect data;",
     ["governments"]),
])
def test_partners_named_with_support_or_in_conjunction_are_no_addressees(vocab, text, want):
    assert local(provisions(vocab, [text])[0].addressees) == want


def test_states_not_yet_parties_are_states_and_all_relevant_states_are_all_states(vocab):
    pr = provisions(vocab, ["Calls upon States not yet parties to the Treaty to accede to it;"])[0]
    assert local(pr.addressees) == ["states"]
    pr = provisions(vocab, ["Urges all the relevant States and regional organizations to cooperate;"])[0]
    assert local(pr.addressees) == ["all-states", "regional-organizations"]
    pr = provisions(vocab, ["Encourages all interested States to contribute;"])[0]
    assert local(pr.addressees) == ["all-states"]


@pytest.mark.parametrize("text, want", [
    ("Invites the international financial and banking institutions to lend;", ["international-financial-institutions"]),
    ("Urges States and relevant international and national organizations to act;", ["states", "international-organizations"]),
])
def test_modifiers_that_share_a_noun_the_vocabularies_lack_with_the_second_are_distributed(vocab, text, want):
    pr = provisions(vocab, [text])[0]
    assert local(pr.addressees) == want
    assert pr.addressees[-1].method == "distributed"


def test_a_plural_actor_after_a_state_between_commas_is_a_list_item(vocab):
    pr = provisions(vocab, ["Calls upon Mali, Member States, private entities and regional organizations to support "
                            "the transition;"])[0]
    assert local(pr.addressees) == ["mli", "member-states", "regional-organizations"]


@pytest.mark.parametrize("text, want", [
    ("Invites voluntary contributions to the United Nations Interim Security Force for Abyei in cash;", []),
    ("Reiterates its call in this regard to Member States to contribute;", ["member-states"]),
    ("Appeals once again to all States to contribute;", ["all-states"]),
    ("Appeals to States and organizations not currently contributing to the Office of the United Nations High "
     "Commissioner for Refugees to consider doing so;", ["states"]),
    ("Requests the Secretary-General, in view of the mandate of the Human Rights Council, to report;",
     ["secretary-general"]),
    ("Encourages the administering Power, with the cooperation of the African Union, to act;", ["administering-powers"]),
])
def test_recipients_frames_and_negated_participles_are_no_addressees(vocab, text, want):
    assert local(provisions(vocab, [text])[0].addressees) == want


def test_the_partners_of_a_joint_act_are_no_addressees(vocab):
    pr = provisions(vocab, ["Encourages close collaboration with Member States and civil society;"])[0]
    assert local(pr.addressees) == []
    pr = provisions(vocab, ["Urges stronger collaboration between States and the private sector;"])[0]
    assert local(pr.addressees) == ["states", "private-sector"]

