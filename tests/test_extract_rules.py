"""Role rules of extraction on sentences written for them (no corpus), with the project's vocabularies: the
country of "the Government", lists that go on past an unknown item, subjects of "decides that", "and upon",
pronouns, titles, "the shareholders of", modifiers, policy nouns; and how each fact says it was found
(`method`), in the JSON, in the graph and in `unkg parse --explain`."""
from __future__ import annotations

import pytest
from handmade import resolution
from rdflib import URIRef

from unkg.ingest.extract import extract, load
from unkg.ingest.extract.explain import explain
from unkg.ingest.model import Resolution

ONTO = "https://w3id.org/unkg/ontology#"
METHODS = "https://w3id.org/unkg/vocab/methods/"


@pytest.fixture(scope="module")
def vocab():
    return load()


def make(texts: list[str], title: str = "test", language: str = "en") -> Resolution:
    return resolution(texts, symbol="A/HRC/RES/54/999", body="Human Rights Council", session="54", language=language,
                      title=title)


def local(cs) -> list[str]:
    return [c.id.rsplit("/", 1)[-1] for c in cs]


def provisions(vocab, texts: list[str], **kw):
    return [pr for p in extract(make(texts, **kw), vocab).operative for pr in p.provisions]


@pytest.mark.parametrize("title, text, lang, state", [
    ("Situation of human rights in Burundi", "Urges the Government to release all human rights defenders;", "en", "bdi"),
    ("Assistance to Somalia in the field of human rights", "Calls upon the authorities to protect journalists;", "en",
     "som"),
    ("Situation des droits de l'homme au Burundi", "Engage le Gouvernement à libérer les défenseurs des droits de "
     "l'homme;", "fr", "bdi"),
])
def test_the_government_of_a_one_country_resolution_is_that_country(vocab, title, text, lang, state):
    pr = provisions(vocab, [text], title=title, language=lang)[0]
    assert local(pr.addressees) == [state]
    assert pr.addressees[0].method == "country"


def test_governments_stay_governments_without_one_country(vocab):
    pr = provisions(vocab, ["Urges the Government to release all human rights defenders;"],
                    title="Human rights defenders")[0]
    assert local(pr.addressees) == ["governments"]
    pr = provisions(vocab, ["Urges Governments to protect journalists;"], title="Situation of human rights in Burundi")[0]
    assert local(pr.addressees) == ["governments"]


def test_an_unknown_actor_does_not_empty_the_list(vocab):
    pr = provisions(vocab, ["Urges the Open Society Network of Friends, States and civil society to promote the "
                            "right to education;"])[0]
    assert local(pr.addressees) == ["states", "civil-society"]
    assert pr.unmapped == ["Open Society Network of Friends"]
    text = explain(extract(make(["Urges the Open Society Network of Friends, States and civil society to act;"]),
                           vocab))
    assert "unknown actor 'Open Society Network of Friends'" in text


def test_a_list_of_rights_goes_on_past_an_unknown_right(vocab):
    pr = provisions(vocab, ["Calls upon States to respect the right to education, the right to quiet enjoyment "
                            "and the right to health;"])[0]
    assert local(pr.rights) == ["right-to-education", "right-to-health"]


@pytest.mark.parametrize("text", [
    "Recommends that States, national human rights institutions and civil society, including grass-roots "
    "collectives of many kinds, ensure the participation of women;",
    "Decides that States, national human rights institutions and civil society should ensure the participation "
    "of women;",
    "Recommends that States, national human rights institutions and civil society actors ensure the participation "
    "of women;",
])
def test_subjects_of_that_clauses_are_addressees(vocab, text):
    pr = provisions(vocab, [text])[0]
    assert local(pr.addressees) == ["states", "national-human-rights-institutions", "civil-society"]
    assert local(pr.beneficiaries) == ["women"]


def test_decides_without_subjects_binds_the_adopting_body(vocab):
    pr = provisions(vocab, ["Decides to continue its consideration of the question;"])[0]
    assert local(pr.addressees) == ["human-rights-council"] and pr.addressees[0].method == "adopting-body"


def test_and_upon_adds_addressees_to_the_same_verb(vocab):
    pr = provisions(vocab, ["Calls upon States to protect women, and upon business enterprises to respect "
                            "human rights;"])[0]
    assert local(pr.addressees) == ["states", "business-enterprises"]


def test_a_shared_modifier_distributes(vocab):
    pr = provisions(vocab, ["Invites international and regional organizations to support the Council;"])[0]
    assert sorted(local(pr.addressees)) == ["international-organizations", "regional-organizations"]
    assert {c.method for c in pr.addressees} == {"vocabulary", "distributed"}


def test_pronouns_take_the_actors_of_the_clause_they_refer_to(vocab):
    prs = provisions(vocab, ["Welcomes the cooperation between the Working Group on Enforced or Involuntary "
                             "Disappearances and the treaty bodies, and encourages them to continue it;"])
    assert local(prs[1].addressees) == ["working-group-on-enforced-or-involuntary-disappearances", "treaty-bodies"]
    assert {c.method for c in prs[1].addressees} == {"pronoun"}
    prs = provisions(vocab, ["Requests the Secretary-General to provide assistance;",
                             "Encourages him to report to the Council;"])
    assert local(prs[1].addressees) == ["secretary-general"]


def test_words_inside_a_title_are_no_actors_or_groups(vocab):
    prs = provisions(vocab, ["Welcomes the International Day of Persons with Disabilities and the World Programme "
                             "of Action for Youth;"])
    assert prs[0].beneficiaries == []
    assert any("title" in why for _, _, why in prs[0].notes)


def test_shareholders_are_addressed_not_the_enterprises(vocab):
    pr = provisions(vocab, ["Calls upon the shareholders of business enterprises to respect human rights;"])[0]
    assert pr.addressees == [] and pr.unmapped == ["shareholders of business enterprises"]


def test_observers_of_a_body_are_addressed_not_the_body(vocab):
    pr = provisions(vocab, ["Invites the Member States and the observers of the General Assembly to attend the "
                            "opening of the festival;"])[0]
    assert local(pr.addressees) == ["member-states"]
    assert pr.unmapped == ["observers of the General Assembly"]


@pytest.mark.parametrize("text, lang, want", [
    ("Urges the States not parties to the Protocol to sign it without delay;", "en", ["states"]),
    ("Invites the Secretary-General, as Chair of the United Nations System Chief Executives Board for "
     "Coordination, to brief the Council;", "en", ["secretary-general"]),
    ("Invites the Secretary-General, in his capacity as Chair of the Board, to brief the Council;", "en",
     ["secretary-general"]),
    ("Invite le Secrétaire général, en sa qualité de Président du Conseil des chefs de secrétariat, à informer "
     "le Conseil ;", "fr", ["secretary-general"]),
])
def test_negated_parties_and_offices_held_are_not_addressees(vocab, text, lang, want):
    pr = provisions(vocab, [text], language=lang)[0]
    assert local(pr.addressees) == want and pr.unmapped == []


@pytest.mark.parametrize("text", [
    "Encourages Governments and all other actors to fund the shelters;",
    "Encourages Governments and other interested parties to fund the shelters;",
    "Encourages Governments and relevant organizations and actors to fund the shelters;",
    "Encourages Governments and all concerned parties to fund the shelters;",
    "Encourages Governments and other relevant parties to fund the shelters;",
])
def test_other_actors_and_interested_parties_are_stakeholders(vocab, text):
    pr = provisions(vocab, [text])[0]
    assert local(pr.addressees) == ["governments", "relevant-stakeholders"] and pr.unmapped == []


@pytest.mark.parametrize("text, want", [
    ("Invites the parties to the Minamata Convention and the World Health Organization to share data;",
     ["states-parties", "world-health-organization"]),
    ("Invites the parties to the dispute and the World Health Organization to share data;",
     ["parties-to-armed-conflict", "world-health-organization"]),
])
def test_parties_to_a_named_instrument_are_its_states_parties(vocab, text, want):
    assert local(provisions(vocab, [text])[0].addressees) == want


def test_two_ways_of_working_before_with_name_partners(vocab):
    pr = provisions(vocab, ["Requests the Secretary-General, in close consultation and cooperation with Member States "
                            "and civil society, to draft the plan;"])[0]
    assert local(pr.addressees) == ["secretary-general"]


def test_international_agencies_and_financing_institutions(vocab):
    pr = provisions(vocab, ["Urges international and regional agencies and international financing institutions to "
                            "fund the shelters;"])[0]
    assert local(pr.addressees) == ["international-organizations", "regional-organizations",
                                    "international-financial-institutions"] and pr.unmapped == []


def test_a_longer_unknown_name_is_not_the_short_actor_inside_it(vocab):
    pr = provisions(vocab, ["Calls upon social media messaging services to combat hate speech;"])[0]
    assert pr.addressees == []
    assert pr.unmapped == ["social media messaging services"]


@pytest.mark.parametrize("text, rights", [
    ("Calls upon States to ensure the right to the enjoyment of the highest attainable standard of physical and "
     "mental health for all;", ["right-to-health"]),
    ("Urges States to guarantee the freedom to seek, receive and impart information;",
     ["right-of-access-to-information"]),
    ("Calls upon States to ensure equal protection of the law;", ["right-to-equality-before-the-law"]),
    ("Calls upon States to provide effective remedy and reparation to victims;", ["right-to-an-effective-remedy"]),
    ("Calls upon States to adopt social security measures and to improve birth registration;", []),
    ("Calls upon States to ensure the right to social security and to birth registration;",
     ["right-to-social-security", "right-to-birth-registration"]),
])
def test_rights_by_their_formulas_and_policy_nouns_by_their_context(vocab, text, rights):
    assert local(provisions(vocab, [text])[0].rights) == rights


@pytest.mark.parametrize("text, groups", [
    ("Calls upon States to ensure the safety of journalists and human rights defenders;",
     ["journalists", "human-rights-defenders"]),
    ("Calls upon civil society and human rights defenders to contribute to the work of the Council;", []),
    ("Invites civil society and youth organizations to take part in the forum;", []),
    ("Urges States to take into account migrant status and to promote adolescent health;", []),
    ("Encourages States to ensure the participation of women and youth in public life;", ["women", "youth"]),
])
def test_groups_are_beneficiaries_when_protected_not_when_asked_or_modifiers(vocab, text, groups):
    assert local(provisions(vocab, [text])[0].beneficiaries) == groups


def test_methods_in_json_and_graph_and_explain(vocab):
    from unkg.ingest.graph import build

    res = extract(make(["Urges the Government to protect journalists;"],
                       title="Situation of human rights in Burundi"), vocab)
    doc = res.to_json()
    pr = doc["paragraphs"][0]["provisions"][0]
    assert pr["addressees"][0]["method"] == "country" and pr["beneficiaries"][0]["method"] == "vocabulary"
    assert "notes" not in pr and pr["unmapped"] == []
    _, g = build(res)
    methods = {str(o) for o in g.objects(None, URIRef(ONTO + "extractionMethod"))}
    assert methods == {METHODS + "country", METHODS + "vocabulary"}
    text = explain(res)
    assert "+ addressee Burundi <- 'Government' (country:" in text


@pytest.mark.parametrize("text, who", [
    ("Invites members of civil society, academia and the private sector to contribute;",
     ["civil-society", "academia", "private-sector"]),
    ("Encourages delegations, during the debate on the report of the Human Rights Council, to be brief;",
     ["member-states"]),
    ("Encourages political leaders, during the debate on the report of the Human Rights Council, to be brief;", []),
    ("Urges the granting of full, unrestricted and safe access to all humanitarian organizations;", []),
    ("Invites political leaders, public officials and civil society to refrain from hate speech;", ["civil-society"]),
])
def test_unknown_conjuncts_are_names_not_clauses(vocab, text, who):
    assert local(provisions(vocab, [text])[0].addressees) == who


@pytest.mark.parametrize("text", [
    "Decides that weapons and military equipment supplied for training shall not be subject to the measures;",
    "Decides that States that have paid their contributions shall be credited with their shares;",
])
def test_decides_that_without_actors_asked_to_act_binds_the_adopting_body(vocab, text):
    pr = provisions(vocab, [text])[0]
    assert local(pr.addressees) == ["human-rights-council"]


@pytest.mark.parametrize("text, title, state", [
    ("Urges the Libyan authorities to release all detainees;", "test", "lby"),
    ("Calls upon the Afghan authorities to respect the rights of women;", "test", "afg"),
    ("Urges the Nigerian authorities to act;", "test", "nga"),
    ("Calls upon the Congolese authorities to act;", "test", "governments"),
    ("Calls upon the Congolese authorities to act;", "Situation of human rights in the Democratic Republic of the "
     "Congo", "cod"),
    ("Calls upon the competent authorities to act;", "test", "governments"),
])
def test_authorities_named_by_an_adjective_of_nationality(vocab, text, title, state):
    assert local(provisions(vocab, [text], title=title)[0].addressees) == [state]


@pytest.mark.parametrize("lang, text", [
    ("fr", "Exhorte les autorités libyennes à libérer les détenus;"),
    ("es", "Insta a las autoridades libias a liberar a los detenidos;"),
])
def test_adjectives_of_nationality_after_the_noun(vocab, lang, text):
    assert local(provisions(vocab, [text], language=lang)[0].addressees) == ["lby"]


def test_a_generic_word_is_no_short_name_of_a_state(vocab):
    prs = provisions(vocab, ["Calls upon Israel to respect the rights of the State of Palestine;",
                             "Urges the State concerned to cooperate;"])
    assert local(prs[1].addressees) == ["states"]


@pytest.mark.parametrize("lang, text, who", [
    ("fr", "Décide que les États Membres qui se sont acquittés de leurs obligations seront crédités de leur part;",
     "human-rights-council"),
    ("fr", "Décide que les États veilleront à la protection des femmes;", "states"),
    ("es", "Decide que los Estados Miembros que hayan cumplido sus obligaciones serán acreditados;",
     "human-rights-council"),
    ("es", "Decide que los Estados velarán por la protección de las mujeres;", "states"),
])
def test_decides_that_in_french_and_spanish(vocab, lang, text, who):
    assert local(provisions(vocab, [text], language=lang)[0].addressees) == [who]


def test_the_government_after_its_full_name_is_still_the_country(vocab):
    prs = provisions(vocab, ["Demande au Gouvernement de la République islamique d'Iran de coopérer;",
                             "Engage le Gouvernement à libérer les détenus;"], language="fr",
                     title="Situation des droits de l'homme en République islamique d'Iran")
    assert local(prs[1].addressees) == ["irn"] and prs[1].addressees[0].method == "country"


@pytest.mark.parametrize("text, groups", [
    ("Calls upon States to provide care for older persons and persons with disabilities;",
     ["older-persons", "persons-with-disabilities"]),
    ("Calls upon States to support indigenous women and women in vulnerable situations;",
     ["indigenous-peoples", "women", "persons-in-vulnerable-situations"]),
])
def test_a_conjunct_that_is_a_group_of_its_own_does_not_share_the_head(vocab, text, groups):
    assert local(provisions(vocab, [text])[0].beneficiaries) == groups


def test_a_qualifier_after_a_group_names_its_group_too(vocab):
    pr = provisions(vocab, ["Urges States to protect older women, women and girls with disabilities and children "
                            "living with HIV;"])[0]
    assert local(pr.beneficiaries) == ["older-persons", "women", "girls", "persons-with-disabilities", "children",
                                       "people-living-with-hiv"]
    assert [c.method for c in pr.beneficiaries if c.text.startswith(("with", "living"))] == ["qualifier"] * 2


def test_a_title_goes_on_past_an_article(vocab):
    pr = provisions(vocab, ["Recalls the International Year for a Culture of Solidarity with the Refugees of the "
                            "World;"])[0]
    assert pr.beneficiaries == [] and any("title" in why for _, _, why in pr.notes)


@pytest.mark.parametrize("text, groups", [
    ("Calls upon States to assist internally displaced, refugee and migrant children;",
     ["internally-displaced-persons", "refugees", "migrants"]),
    ("Urges States to support women living in remote and rural communities and women in rural and remote areas;",
     ["rural-women"]),
    ("Encourages States to extend social protection to those working in the informal economy, especially those "
     "who are vulnerable;", ["workers", "persons-in-vulnerable-situations"]),
])
def test_groups_by_shared_heads_and_their_usual_phrases(vocab, text, groups):
    assert local(provisions(vocab, [text])[0].beneficiaries) == groups


@pytest.mark.parametrize("text, groups, why", [
    ("Commends civil society organizations and young people for their efforts to promote tolerance;", [],
     "praised for acting"),
    ("Commends States for their efforts to protect journalists;", ["journalists"], None),
    ("Requests the Secretary-General to prepare a report in consultation with Member States, regional "
     "organizations and persons with disabilities;", [], "a partner named with actors"),
    ("Requests the Secretary-General to prepare a report in consultation with persons with disabilities and their "
     "representative organizations;", ["persons-with-disabilities"], None),
    ("Decides to hold a panel discussion with the participation of States, United Nations entities and other "
     "stakeholders, including youth, in order to review progress;", [], "a partner named with actors"),
])
def test_groups_praised_or_named_among_partners_are_no_beneficiaries(vocab, text, groups, why):
    pr = provisions(vocab, [text])[0]
    assert local(pr.beneficiaries) == groups
    assert (why in [w for _, _, w in pr.notes]) if why else not pr.notes


@pytest.mark.parametrize("text, groups", [
    ("Calls upon States to accede to the treaties relating to the protection of refugees and to the conventions on "
     "the rights of migrant workers;", []),
    ("Calls upon States to accede to the relevant treaties and to protect refugees;", ["refugees"]),
])
def test_groups_in_the_description_of_instruments_are_no_beneficiaries(vocab, text, groups):
    assert local(provisions(vocab, [text])[0].beneficiaries) == groups


def test_accused_persons_and_the_poor_of_criminal_justice_wording(vocab):
    pr = provisions(vocab, ["Urges States to guarantee legal aid to accused persons, in particular poor and "
                            "economically vulnerable persons;"])[0]
    assert local(pr.beneficiaries) == ["accused-persons", "people-living-in-poverty"]


def test_a_pronoun_after_the_verb_stands_for_the_groups_of_the_clause_before(vocab):
    prs = provisions(vocab, ["Notes that older persons and persons with disabilities face barriers, and encourages "
                             "States to assist them;"])
    assert local(prs[1].beneficiaries) == ["older-persons", "persons-with-disabilities"]
    assert {c.method for c in prs[1].beneficiaries} == {"pronoun"}
    prs = provisions(vocab, ["Recognizes the work of journalists, and expresses concern at the attacks they suffer;"])
    assert local(prs[1].beneficiaries) == ["journalists"]
    # a clause before that names actors: "them" is those actors, not the groups
    prs = provisions(vocab, ["Welcomes the efforts of States to protect migrants, and encourages them to continue;"])
    assert prs[1].beneficiaries == []


def test_a_one_word_verb_label_before_of_is_a_noun(vocab):
    prs = provisions(vocab, ["Encourages States to study the drivers and values of communities living in harmony "
                             "with nature;"])
    assert [pr.verb for pr in prs] == ["encourage"]
