"""Extraction with the project's vocabularies on hand-made paragraphs (no corpus): head verbs of findings and
declarations, short names of the two High Commissioners, generic words that are no concept, French and
Spanish constructions, coordinations that share a head. Each test states what a careful reader finds.
"""
from __future__ import annotations

import pytest
from handmade import resolution

from unkg.ingest.extract import extract, load
from unkg.ingest.model import Resolution


@pytest.fixture(scope="module")
def vocab():
    return load()


def make(texts: list[str], language: str = "en", body: str = "General Assembly") -> Resolution:
    return resolution(texts, body=body, language=language)


def labels(cs) -> list[str]:
    return [c.label for c in cs]


def local(cs) -> list[str]:
    return [c.id.rsplit("/", 1)[-1] for c in cs]


@pytest.mark.parametrize("lang, text", [
    ("en", "Determines that the measures taken by the occupying Power are null and void;"),
    ("es", "Determina que todas las medidas adoptadas son nulas y sin valor;"),
    ("fr", "Constate une fois de plus que le maintien de l'occupation fait obstacle à la paix ;"),
])
def test_determines_is_a_finding_that_addresses_no_one(vocab, lang, text):
    (p,) = extract(make([text], lang), vocab).operative[0].provisions
    assert p.verb == "determine" and p.modality != "decision"
    assert p.addressees == []


@pytest.mark.parametrize("lang, text", [
    ("en", "Declares its firm opposition to acts of foreign military intervention;"),
    ("fr", "Déclare qu'un système commercial multilatéral universel favorisera le développement rural ;"),
])
def test_declares_is_declaratory(vocab, lang, text):
    (p,) = extract(make([text], lang), vocab).operative[0].provisions
    assert p.verb == "declare" and p.modality != "decision"
    assert p.addressees == []


def test_decides_still_addresses_the_adopting_body(vocab):
    (p,) = extract(make(["Decides to remain seized of the matter;"]), vocab).operative[0].provisions
    assert local(p.addressees) == ["general-assembly"]


REFUGEES = {
    "en": ["Commends the work of the Office of the United Nations High Commissioner for Refugees;",
           "Encourages States and the Office of the High Commissioner to address mental health;",
           "Requests the High Commissioner to report to the General Assembly at its eightieth session;"],
    "fr": ["Salue le travail du Haut-Commissariat des Nations Unies pour les réfugiés ;",
           "Encourage les États et le Haut-Commissariat à s'occuper de la santé mentale ;",
           "Prie le Haut-Commissaire de lui faire rapport à sa quatre-vingtième session ;"],
    "es": ["Encomia la labor del ACNUR y del Alto Comisionado de las Naciones Unidas para los Refugiados;",
           "Alienta a los Estados y a la Oficina del Alto Comisionado a que atiendan la salud mental;",
           "Solicita al Alto Comisionado que la informe en su octogésimo período de sesiones;"],
}


@pytest.mark.parametrize("lang", ["en", "fr", "es"])
def test_high_commissioner_of_a_refugee_resolution_is_unhcr(vocab, lang):
    res = extract(make(REFUGEES[lang], lang), vocab)
    unhcr = "office-of-the-united-nations-high-commissioner-for-refugees"
    assert local(res.operative[1].provisions[0].addressees) == ["states", unhcr]
    assert local(res.operative[2].provisions[0].addressees) == [unhcr]


def test_high_commissioner_of_a_human_rights_resolution_is_ohchr(vocab):
    res = extract(make(["Welcomes the report of the United Nations High Commissioner for Human Rights;",
                        "Requests the Office of the High Commissioner to assist States;",
                        "Invites the High Commissioner to report to the Council;"]), vocab)
    assert local(res.operative[1].provisions[0].addressees) == [
        "office-of-the-united-nations-high-commissioner-for-human-rights"]
    assert local(res.operative[2].provisions[0].addressees) == ["united-nations-high-commissioner-for-human-rights"]


def test_civilian_as_an_adjective_is_no_group(vocab):
    res = extract(make(["Calls upon all parties to protect civilians and civilian objects and to respect the "
                        "civilian character of refugee camps;"]), vocab)
    (p,) = res.operative[0].provisions
    assert [c.text for c in p.beneficiaries if c.label == "civilians"] == ["civilians"]
    fr = extract(make(["Demande aux États de préserver le caractère civil des camps ;"], "fr"), vocab)
    assert "civilians" not in labels(fr.operative[0].provisions[0].beneficiaries)


def test_gender_equality_and_accessibility_are_no_rights(vocab):
    (p,) = extract(make(["Urges States to promote gender equality and accessibility of information;"]),
                   vocab).operative[0].provisions
    assert p.rights == []
    (q,) = extract(make(["Urges States to respect the right to accessibility;"]), vocab).operative[0].provisions
    assert labels(q.rights) == ["right to accessibility"]


def test_coordination_sharing_a_head_on_the_right(vocab):
    (p,) = extract(make(["Condemns attacks against human rights defenders, including women, environmental and "
                         "Indigenous human rights defenders;"]), vocab).operative[0].provisions
    got = labels(p.beneficiaries)
    assert "women human rights defenders" in got and "Indigenous human rights defenders" in got
    assert "women" not in got  # "women" here is a kind of defender, not the group women


def test_a_group_before_a_list_stays_itself(vocab):
    (p,) = extract(make(["Calls upon States to protect women and girls, persons with disabilities and older "
                         "persons;"]), vocab).operative[0].provisions
    assert labels(p.beneficiaries) == ["women", "girls", "persons with disabilities", "older persons"]


@pytest.mark.parametrize("lang, text, who", [
    ("fr", "Prie le Secrétaire général et son président d'engager les États Membres à observer la Trêve ;",
     ["Secretary-General", "President of the General Assembly"]),
    ("fr", "Invite à cet égard sa présidence et le Secrétaire général à tenir compte de la stabilité ;",
     ["President of the General Assembly", "Secretary-General"]),
    ("es", "Invita, a este respecto, a su Presidencia y al Secretario General a que tengan en cuenta la estabilidad;",
     ["President of the General Assembly", "Secretary-General"]),
    ("en", "Requests its President to convene a high-level meeting;", ["President of the General Assembly"]),
])
def test_own_president_is_the_president_of_the_adopting_body(vocab, lang, text, who):
    (p,) = extract(make([text], lang), vocab).operative[0].provisions
    assert labels(p.addressees) == who


def test_own_president_of_the_council(vocab):
    (p,) = extract(make(["Prie son président de nommer deux cofacilitateurs ;"], "fr", "Human Rights Council"),
                   vocab).operative[0].provisions
    assert local(p.addressees) == ["president-of-the-human-rights-council"]


def test_french_participles_after_tout_en_open_provisions(vocab):
    res = extract(make(["Prend note du rapport, tout en reconnaissant les efforts accomplis, tout en constatant "
                        "avec préoccupation les retards, et en soulignant la nécessité d'agir ;"], "fr"), vocab)
    got = [(p.verb, p.verb_text) for p in res.operative[0].provisions]
    assert got == [("take-note", "Prend note"), ("recognize", "reconnaissant"), ("recognize", "constatant"),
                   ("stress", "soulignant")]
    # a participle without "en" is no provision: "les mesures concernant les femmes"
    res = extract(make(["Prend note des mesures, notamment celles concernant les femmes ;"], "fr"), vocab)
    assert len(res.operative[0].provisions) == 1


def test_french_noun_first_coordination(vocab):
    (p,) = extract(make(["Invite les États Membres, les autres organisations internationales et régionales et les "
                         "organisations internationales, régionales et sous-régionales à agir ;"], "fr"),
                   vocab).operative[0].provisions
    got = labels(p.addressees)
    assert got[:3] == ["Member States", "international organizations", "regional organizations"]


def test_french_role_apposition_without_article(vocab):
    (p,) = extract(make(["Demande à Israël, Puissance occupante, de s'acquitter de ses obligations ;"], "fr"),
                   vocab).operative[0].provisions
    assert labels(p.addressees) == ["Israel"]
    (q,) = extract(make(["Demande aux États Membres et aux parties à des conflits armés de garantir l'accès ;"],
                        "fr"), vocab).operative[0].provisions
    assert labels(q.addressees) == ["Member States", "parties to armed conflict"]


def test_a_condition_inside_the_addressee_phrase_opens_no_complement(vocab):
    (p,) = extract(make(["Encourage les organismes des Nations Unies, selon qu'il conviendra, et les autres acteurs "
                         "concernés à continuer d'aider les pays ;"], "fr"), vocab).operative[0].provisions
    assert labels(p.addressees) == ["United Nations system", "relevant stakeholders"]


def test_organizations_in_lower_case_are_not_the_organization(vocab):
    (p,) = extract(make(["Invites those organizations and national committees to cooperate;"]),
                   vocab).operative[0].provisions
    assert p.addressees == []
    (q,) = extract(make(["Requests the Organization to report;"]), vocab).operative[0].provisions
    assert labels(q.addressees) == ["United Nations system"]


def test_spanish_instancias_and_parties_concerned_are_stakeholders(vocab):
    (p,) = extract(make(["Insta a los Estados Miembros y a otras instancias a que eliminen las brechas digitales;"],
                        "es"), vocab).operative[0].provisions
    assert labels(p.addressees) == ["Member States", "relevant stakeholders"]
    (q,) = extract(make(["Calls upon all the parties concerned and the international community to exert efforts;"]),
                   vocab).operative[0].provisions
    assert labels(q.addressees) == ["relevant stakeholders", "international community"]


@pytest.mark.parametrize("lang, text, who", [
    ("en", "Encourages the Secretary-General, together with the United Nations security management system "
           "organizations, to continue to improve coordination;", ["Secretary-General"]),
    ("en", "Encourages Member States, supported by the United Nations, to develop national laws;", ["Member States"]),
    ("es", "Alienta al Secretario General, junto con las organizaciones del sistema de las Naciones Unidas, a que "
           "siga mejorando la coordinación;", ["Secretary-General"]),
])
def test_partners_are_not_addressees(vocab, lang, text, who):
    (p,) = extract(make([text], lang), vocab).operative[0].provisions
    assert labels(p.addressees) == who


def test_french_commitments_bind_the_adopting_body(vocab):
    for text in ("Réaffirme qu'elle s'engage à œuvrer sans relâche ;", "Exprime sa volonté de sensibiliser l'opinion ;"):
        (p,) = extract(make([text], "fr"), vocab).operative[0].provisions
        assert (p.verb, labels(p.addressees)) == ("commit", ["General Assembly"])


@pytest.mark.parametrize("lang, text, states", [
    # the government of a named State is that State; an article before the name ("of the Sudan") changes nothing
    ("en", "Calls upon the Government of Haiti to protect journalists;", ["hti"]),
    ("en", "Urges the Government of the Democratic People's Republic of Korea to respect human rights;", ["prk"]),
    ("en", "Calls upon the Government of the Sudan and the Government of South Sudan to cooperate;", ["sdn", "ssd"]),
    ("fr", "Demande au Gouvernement de la République arabe syrienne de coopérer avec la commission ;", ["syr"]),
    ("es", "Exhorta al Gobierno de la República Árabe Siria a que coopere con la comisión;", ["syr"]),
    # the UN's own French and Spanish names, as running text writes them (ontology/tools/state_names.tsv)
    ("fr", "Demande instamment à la République islamique d’Iran de coopérer pleinement ;", ["irn"]),
    ("fr", "Engage les États-Unis d’Amérique et la Fédération de Russie à poursuivre leurs négociations ;", ["usa", "rus"]),
    ("fr", "Prie le Gouvernement du Soudan du Sud de protéger les civils ;", ["ssd"]),
    ("es", "Exhorta al Estado Plurinacional de Bolivia y a la República Bolivariana de Venezuela a que cooperen;",
     ["bol", "ven"]),
    ("es", "Insta a la República Popular Democrática de Corea a que respete los derechos humanos;", ["prk"]),
    # "de" before a name opens no complement ("de" + infinitive would)
    ("es", "Exhorta al Gobierno de Sudán del Sur a que proteja a los civiles;", ["ssd"]),
    # a government named by its adjective is the State too (ontology/tools/state_adjectives.tsv)
    ("en", "Urges the Malian authorities to hold elections;", ["mli"]),
    ("en", "Calls upon the South Sudanese authorities and the Sudanese authorities to cooperate;", ["ssd", "sdn"]),
    ("fr", "Demande au Gouvernement sud-soudanais de protéger les civils ;", ["ssd"]),
    ("fr", "Exhorte les autorités bélarussiennes à libérer les personnes détenues ;", ["blr"]),
    ("es", "Insta a las autoridades rusas a que pongan en libertad a los detenidos;", ["rus"]),
])
def test_states_addressed_by_name_or_government(vocab, lang, text, states):
    (p,) = extract(make([text], lang), vocab).operative[0].provisions
    assert local(p.addressees) == states


def test_high_commissioner_of_a_council_text_naming_refugees_once_is_for_human_rights(vocab):
    res = extract(make(["Welcomes the work of the Office of the United Nations High Commissioner for Human Rights;",
                        "Calls upon States to ensure access to the Office of the United Nations High Commissioner "
                        "for Refugees and the Office of the United Nations High Commissioner for Human Rights;",
                        "Requests the High Commissioner to submit a report to the Council;"],
                       body="Human Rights Council"), vocab)
    assert local(res.operative[2].provisions[0].addressees) == ["united-nations-high-commissioner-for-human-rights"]


def test_the_noun_of_a_body_named_in_full_is_that_body(vocab):
    res = extract(make(["Welcomes the work of the International Residual Mechanism for Criminal Tribunals;",
                        "Requests the Mechanism to report to the Council;",
                        "Decides to establish an open-ended intergovernmental working group on the human rights of "
                        "older persons;",
                        "Requests the working group to submit a report to the Council;"],
                       body="Human Rights Council"), vocab)
    assert local(res.operative[1].provisions[0].addressees) == [
        "international-residual-mechanism-for-criminal-tribunals"]
    assert local(res.operative[3].provisions[0].addressees) == [
        "open-ended-intergovernmental-working-group-on-the-human-rights-of-older-persons"]
