"""French (and Spanish) list grammar of the addressee phrase, on sentences written for these tests (no corpus):
"ainsi que" / "así como" carry the list on, "d'autres X" is a further addressee and no complement, and
modifiers shared by coordinated adjectives give one addressee per adjective."""
from __future__ import annotations

import pytest

from unkg.ingest.extract import extract, load
from unkg.ingest.model import OPERATIVE, Paragraph, Resolution, Source, assemble


@pytest.fixture(scope="module")
def vocab():
    return load()


def provisions(vocab, texts: list[str], language: str):
    paras = [Paragraph(OPERATIVE, 0, str(n), t.split()[0], t) for n, t in enumerate(texts, 1)]
    res = Resolution("A/RES/78/999", "General Assembly", "78", None, language, "test", Source("x", "0" * 64, "text"),
                     paragraphs=paras)
    res.text = assemble(paras)
    return [pr for p in extract(res, vocab).operative for pr in p.provisions]


def local(cs) -> list[str]:
    return [c.id.rsplit("/", 1)[-1] for c in cs]


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Invite tous les États Membres, les organismes des Nations Unies et les organisations internationales et "
     "régionales, ainsi que la société civile, y compris les organisations non gouvernementales, à promouvoir la "
     "tolérance;", ["member-states", "united-nations-system", "international-organizations", "regional-organizations",
                    "civil-society", "non-governmental-organizations"]),
    ("fr", "Engage les États Membres ainsi que les organisations régionales à coopérer;",
     ["member-states", "regional-organizations"]),
    ("fr", "Demande aux États Membres, ainsi qu'aux organisations non gouvernementales, de coopérer;",
     ["member-states", "non-governmental-organizations"]),
    ("fr", "Demande aux États Membres, ainsi qu’aux organisations non gouvernementales, de coopérer;",
     ["member-states", "non-governmental-organizations"]),
    ("es", "Exhorta a los Estados Miembros, así como a las organizaciones regionales, a cooperar;",
     ["member-states", "regional-organizations"]),
])
def test_ainsi_que_carries_the_list_on(vocab, lang, text, expected):
    pr = provisions(vocab, [text], language=lang)[0]
    assert local(pr.addressees) == expected


def test_que_after_other_words_still_opens_a_clause(vocab):
    pr = provisions(vocab, ["Demande que les États Membres protègent les journalistes;"], language="fr")[0]
    assert "civil-society" not in local(pr.addressees)
    pr = provisions(vocab, ["Demande aux États Membres ainsi que de veiller à la protection des journalistes;"],
                    language="fr")[0]
    assert local(pr.addressees) == ["member-states"]


def test_d_autres_is_a_further_addressee_not_a_complement(vocab):
    pr = provisions(vocab, ["Engage le Secrétaire général et d'autres organismes des Nations Unies à continuer de "
                            "coopérer;"], language="fr")[0]
    assert local(pr.addressees) == ["secretary-general", "united-nations-system"]
    pr = provisions(vocab, ["Engage les États Membres à continuer d'autres activités;"], language="fr")[0]
    assert local(pr.addressees) == ["member-states"]


@pytest.mark.parametrize("lang, text", [
    ("fr", "Invite les organisations internationales et régionales à soutenir les efforts;"),
    ("fr", "Invite les organismes régionaux et internationaux compétents à soutenir les efforts;"),
    ("fr", "Demande aux autres institutions internationales, régionales et sous-régionales compétentes de soutenir "
     "les efforts;"),
])
def test_shared_modifiers_distribute(vocab, lang, text):
    pr = provisions(vocab, [text], language=lang)[0]
    assert {"international-organizations", "regional-organizations"} <= set(local(pr.addressees))


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Engage les États Membres et les organisations régionales, agissant dans le cadre de leur mandat, et les "
     "autres parties prenantes à continuer de prendre des mesures;",
     ["member-states", "regional-organizations", "relevant-stakeholders"]),
    ("fr", "Prie le Secrétaire général, agissant en consultation avec les États Membres, de présenter un rapport;",
     ["secretary-general"]),
    ("es", "Exhorta a los Estados Miembros y a las entidades de las Naciones Unidas, actuando en el marco de sus "
     "mandatos, y a otros interesados pertinentes a seguir adoptando medidas;",
     ["member-states", "united-nations-system", "relevant-stakeholders"]),
])
def test_acting_within_mandates_runs_to_the_comma_only(vocab, lang, text, expected):
    pr = provisions(vocab, [text], language=lang)[0]
    assert local(pr.addressees) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Demande aux autres intervenants humanitaires de coopérer;", ["humanitarian-organizations"]),
    ("fr", "Exhorte tous les États et les autres acteurs humanitaires à coopérer;", ["all-states",
                                                                                  "humanitarian-organizations"]),
    ("es", "Exhorta a los Estados y a los otros agentes humanitarios a cooperar;", ["states",
                                                                                    "humanitarian-organizations"]),
])
def test_a_longer_name_after_filler_words_wins(vocab, lang, text, expected):
    """"autres intervenants" names stakeholders, but "intervenants humanitaires" goes on past it."""
    pr = provisions(vocab, [text], language=lang)[0]
    assert local(pr.addressees) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Invite le Secrétaire général à coopérer avec les États et prie ce dernier de présenter un rapport;",
     ["secretary-general"]),
    ("fr", "Prend note du rapport du Secrétaire général et demande à celui-ci de présenter un rapport;",
     ["secretary-general"]),
    ("fr", "Invite les États Membres à coopérer et encourage ceux-ci à agir;", ["member-states"]),
    ("fr", "Félicite les États Membres qui ont ratifié la Convention et engage tous les autres à le faire;",
     ["member-states"]),
    ("fr", "Remercie les organisations non gouvernementales qui ont contribué et prie instamment toutes les autres, "
           "en particulier les plus grandes, d'en faire autant;", ["non-governmental-organizations"]),
    ("fr", "Salue le travail des institutions financières internationales et exhorte à cet égard celles-ci à "
           "réformer leurs pratiques;", ["international-financial-institutions"]),
    ("fr", "Prend note du rapport du Secrétaire général et prie, à cet égard, ce dernier de le diffuser;",
     ["secretary-general"]),
    ("es", "Invita al Secretario General a cooperar y pide a este último que presente un informe;",
     ["secretary-general"]),
    ("es", "Invita a los Estados Miembros a cooperar y exhorta a estos a que actúen;", ["member-states"]),
    ("es", "Toma nota del informe y exhorta a estos Estados a que actúen;", ["states"]),
])
def test_demonstratives_stand_for_the_actor_named_before(vocab, lang, text, expected):
    prs = provisions(vocab, [text], language=lang)
    assert len(prs) == 2
    assert local(prs[1].addressees) == expected


TREATY = "Welcomes the entry into force of the Paris Agreement and calls upon the Parties to the Paris Agreement to " \
         "implement it;"


@pytest.mark.parametrize("lang, texts, expected", [
    ("en", [TREATY, "Urges parties that have not yet done so to communicate their contributions;"], "states-parties"),
    ("fr", ["Se félicite de l'entrée en vigueur de l'Accord de Paris et engage les Parties à l'Accord de Paris à "
            "l'appliquer;", "Engage les parties à communiquer leurs contributions;"], "states-parties"),
    ("es", ["Acoge con beneplácito la entrada en vigor del Acuerdo de París y exhorta a las Partes en el Acuerdo de "
            "París a que lo apliquen;", "Alienta a las partes a que comuniquen sus contribuciones;"], "states-parties"),
    # no treaty named: the parties of a conflict, as before
    ("en", ["Welcomes the ceasefire;", "Urges all parties to respect the ceasefire;"], "parties-to-armed-conflict"),
    ("fr", ["Se félicite du cessez-le-feu;", "Engage les parties à respecter le cessez-le-feu;"],
     "parties-to-armed-conflict"),
    # a treaty and a conflict both named: bare "parties" stay ambiguous, read as before
    ("en", [TREATY, "Urges all parties to armed conflict to protect civilians;", "Urges all parties to respect it;"],
     "parties-to-armed-conflict"),
])
def test_bare_parties_are_a_treaty_s_where_the_resolution_names_one(vocab, lang, texts, expected):
    pr = provisions(vocab, texts, language=lang)[-1]
    assert local(pr.addressees) == [expected]


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Exhorte les États et, selon qu'il convient, les organisations régionales à coopérer;",
     ["states", "regional-organizations"]),
    ("fr", "Engage les États Membres, s'il y a lieu, et les organisations régionales à coopérer;",
     ["member-states", "regional-organizations"]),
])
def test_french_conditions_hold_no_complement(vocab, lang, text, expected):
    pr = provisions(vocab, [text], language=lang)[0]
    assert local(pr.addressees) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Recalls its resolution 77/1, in which it invited Member States to celebrate the Day;", ["member-states"]),
    ("fr", "Rappelle sa résolution 77/1, dans laquelle elle a invité les États Membres à célébrer la Journée;",
     ["member-states"]),
    ("fr", "Rappelle qu'elle a demandé au Secrétaire général de présenter un rapport;", ["secretary-general"]),
    ("es", "Recuerda su resolución 77/1, incluida su invitación a los Estados Miembros a que celebren el Día;",
     ["member-states"]),
    ("es", "Reitera su exhortación a todos los Estados para que cooperen;", ["all-states"]),
    ("es", "Recuerda que solicitó al Secretario General que presentara un informe;", ["secretary-general"]),
])
def test_requests_recalled_inside_a_declaration(vocab, lang, text, expected):
    pr = provisions(vocab, [text], language=lang)[0]
    assert local(pr.addressees) == expected


@pytest.mark.parametrize("lang, text, verb", [
    ("fr", "Rappelle à cet égard sa résolution 77/1;", "recall"),
    ("fr", "Rappelle aux États Membres leurs obligations;", "remind"),
    ("es", "Recuerda a este respecto su resolución 77/1;", "recall"),
    ("es", "Recuerda a los Estados sus obligaciones;", "remind"),
])
def test_a_verb_s_preposition_that_opens_an_adverbial_stays_with_it(vocab, lang, text, verb):
    pr = provisions(vocab, [text], language=lang)[0]
    assert pr.verb == verb
    assert pr.unmapped == []


@pytest.mark.parametrize("lang, text, expected", [
    ("en", "Recalls the invitation to the Secretary-General to convene a meeting;", ["secretary-general"]),
    ("en", "Also notes that the Committee calls upon the host country to review its processes;", []),
    ("fr", "Renouvelle l'invitation faite aux États Membres de participer au dialogue;", ["member-states"]),
    ("es", "Reitera la invitación hecha a los Estados Miembros a que participen en el diálogo;", ["member-states"]),
    ("es", "Reitera el llamamiento urgente a los Estados a que cooperen;", ["states"]),
])
def test_requests_named_by_a_noun(vocab, lang, text, expected):
    pr = provisions(vocab, [text], language=lang)[0]
    assert local(pr.addressees) == expected


def test_a_preposition_ending_a_name_s_head_is_no_short_name(vocab):
    """The label "toutes les parties à des conflits armés" gives the short name "parties", never "à": read in
    "l'a", it named parties to a conflict and kept treaty parties from being read as such."""
    prs = provisions(vocab, ["Engage les Parties à la Convention à agir;", "Note que le Comité l'a examiné;",
                             "Invite les Parties à coopérer;"], language="fr")
    assert local(prs[-1].addressees) == ["states-parties"]


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Demande à tous les États concernés de respecter les principes;", ["all-states"]),
    ("fr", "Exhorte tous les États dotés d'armes nucléaires à réduire leurs arsenaux;", ["nuclear-weapon-states"]),
    ("es", "Insta a todos los Estados poseedores de armas nucleares a que reduzcan sus arsenales;",
     ["nuclear-weapon-states"]),
    ("es", "Invita a las partes interesadas pertinentes a que prosigan sus esfuerzos;", ["relevant-stakeholders"]),
])
def test_filler_words_that_make_a_concept_keep_it(vocab, lang, text, expected):
    """"tous les États" are all States whatever follows; a longer name after them that says more still wins."""
    pr = provisions(vocab, [text], language=lang)[0]
    assert local(pr.addressees) == expected


@pytest.mark.parametrize("lang, text, verb, expected", [
    ("fr", "Réaffirme également son engagement de continuer à promouvoir la science;", "commit", ["general-assembly"]),
    ("fr", "Appelle en outre l'attention des États sur l'importance de la question;", "draw-attention", []),
    ("es", "Reafirma también su compromiso de seguir promoviendo la ciencia;", "commit", ["general-assembly"]),
])
def test_a_modifier_inside_a_verb_phrase(vocab, lang, text, verb, expected):
    pr = provisions(vocab, [text], language=lang)[0]
    assert (pr.verb, local(pr.addressees)) == (verb, expected)


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Engage les délégations, pendant le débat sur le rapport de la Commission du droit international, à "
     "continuer de suivre le programme;", ["member-states"]),
    ("es", "Alienta a las delegaciones, durante el debate sobre el informe de la Comisión de Derecho Internacional, a "
     "que sigan el programa;", ["member-states"]),
    ("es", "Reafirma su solicitud de que el Secretario General siga publicando la obra;", ["secretary-general"]),
])
def test_adjuncts_and_that_clauses_in_the_addressee_slot(vocab, lang, text, expected):
    pr = provisions(vocab, [text], language=lang)[0]
    assert local(pr.addressees) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Recommande que, dans le cadre des efforts qu'ils déploient, les États et la société civile agissent;",
     ["states", "civil-society"]),
    ("fr", "Exige une fois de plus qu'en application des résolutions du Conseil de sécurité, Israël se retire;",
     ["isr"]),
    ("fr", "Décide que les États, en particulier les pays développés, doivent agir;", ["states", "developed-countries"]),
])
def test_an_adjunct_before_the_subjects_of_a_that_clause(vocab, lang, text, expected):
    pr = provisions(vocab, [text], language=lang)[0]
    assert local(pr.addressees) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Engage les États Membres à coopérer et recommande qu'ils s'emploient aux côtés de la société civile;",
     ["member-states"]),
    ("fr", "Prend note des accords et demande instamment qu'ils soient pleinement appliqués;", []),
    ("es", "Alienta a los Estados Miembros a cooperar y recomienda que ellos colaboren con la sociedad civil;",
     ["member-states"]),
])
def test_a_subject_pronoun_of_a_that_clause_stands_for_the_actors_before(vocab, lang, text, expected):
    pr = provisions(vocab, [text], language=lang)[-1]
    assert local(pr.addressees) == expected


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "Redit qu'elle est attachée à la coopération internationale;", ("commit", ["general-assembly"])),
    ("fr", "Encourage les secteurs public et privé à continuer d'investir;", ("encourage", ["private-sector"])),
    ("es", "Alienta a los sectores público y privado a que sigan invirtiendo;", ("encourage", ["private-sector"])),
])
def test_labels_read_on_ga_78(vocab, lang, text, expected):
    pr = provisions(vocab, [text], language=lang)[0]
    assert (pr.verb, local(pr.addressees)) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # "de" + noun goes on the name; "de" + infinitive opens the complement
    ("fr", "Demande aux centres d'information des Nations Unies de célébrer la Semaine;", ["united-nations-system"]),
    ("fr", "Demande aux États de ne pas appliquer ces mesures;", ["states"]),
    ("es", "Solicita a los centros de información de las Naciones Unidas que celebren la Semana;",
     ["united-nations-system"]),
    # a relative clause in the addressee phrase names no addressee
    ("fr", "Demande aux États d'Afrique qui n'ont pas encore ratifié la Convention de l'Union africaine de le faire;",
     ["states"]),
])
def test_a_complement_opens_with_an_infinitive(vocab, lang, text, expected):
    pr = provisions(vocab, [text], language=lang)[0]
    assert local(pr.addressees) == expected


@pytest.mark.parametrize("lang, texts", [
    ("fr", ["Prie le Comité spécial chargé d'enquêter sur les pratiques israéliennes affectant les droits de l'homme du "
            "peuple palestinien et des autres Arabes des territoires occupés de poursuivre ses travaux;",
            "Invite le Président du Comité à faire un exposé;"]),
    ("es", ["Pide al Comité Especial encargado de Investigar las Prácticas Israelíes que Afectan a los Derechos "
            "Humanos del Pueblo Palestino y Otros Habitantes Árabes de los Territorios Ocupados que prosiga su labor;",
            "Invita a la Presidenta del Comité a que haga una exposición;"]),
])
def test_the_noun_of_a_name_given_in_full_before_is_its_first_word(vocab, lang, texts):
    """French and Spanish put a name's noun first ("Comité spécial chargé de ..."): "le Comité" named later is
    that committee, as "the Committee" is after "the Special Committee to Investigate ..." in English."""
    prs = provisions(vocab, texts, language=lang)
    assert local(prs[-1].addressees) == [
        "special-committee-to-investigate-israeli-practices-affecting-the-human-rights-of-the-palestinian-people-"
        "and-other-arabs-of-the-occupied-territories"]


def test_an_office_held_before_an_elided_de_names_no_addressee(vocab):
    """"en sa qualité d'organisme chef de file": the office the addressee holds, not a second addressee."""
    pr = provisions(vocab, ["Invite l'Organisation des Nations Unies pour l'alimentation et l'agriculture, en sa "
                            "qualité d'organisme chef de file, à poursuivre ses travaux;"], language="fr")[0]
    assert local(pr.addressees) == ["food-and-agriculture-organization-of-the-united-nations"]
    assert pr.unmapped == []  # no unknown actor in it either


@pytest.mark.parametrize("text, expected", [
    ("Invite les États Membres et la Communauté économique des États de l'Afrique australe à coopérer;",
     ["member-states"]),
    ("Prie la Présidente du Comité spécial de la décolonisation de faire rapport;",
     ["special-committee-on-decolonization"]),
])
def test_an_actor_in_the_complement_of_an_unknown_name_is_part_of_it(vocab, text, expected):
    """"la Communauté économique des États de ...": a name the vocabularies lack, not States; a title without
    an adjective ("la Présidente du Comité") still names the body."""
    pr = provisions(vocab, [text], language="fr")[0]
    assert local(pr.addressees) == expected


@pytest.mark.parametrize("text, verbs", [
    # ", while recognizing that" is rendered ", sachant que": the participle opens a provision of its own
    ("Demande aux États de protéger les journalistes, sachant que ceux-ci sont souvent menacés;",
     ["call-upon", "acknowledge"]),
    ("Encourage les États à coopérer, considérant qu'aucun pays ne peut agir seul;", ["encourage", "recognize"]),
    # an "-ant" word that is no participle opener, or a participle without "que", opens nothing
    ("Demande aux États, agissant dans le cadre de leur mandat, de coopérer;", ["call-upon"]),
    ("Demande aux États de coopérer, considérant la situation;", ["call-upon"]),
])
def test_a_participle_before_que_after_a_comma_opens_a_provision(vocab, text, verbs):
    assert [pr.verb for pr in provisions(vocab, [text], language="fr")] == verbs


@pytest.mark.parametrize("text, verb", [
    ("Salue la tenue du forum et compte que de nouveaux progrès seront réalisés;", "look-forward"),
    ("Rappelle le rapport du Président et témoigne sa reconnaissance aux participants;", "express-appreciation"),
    ("Prend note du rapport et se déclare favorable à la coopération régionale;", "support"),
    ("Rappelle la Déclaration et se déclare attachée à son application intégrale;", "commit"),
    ("Se déclare déterminée à prévenir l'homogénéisation culturelle;", "express-intention"),
    ("Salue les travaux de la Commission et mesure l'importance de son rapport;", "recognize"),
])
def test_french_verb_phrases_after_et(vocab, text, verb):
    assert provisions(vocab, [text], language="fr")[-1].verb == verb


@pytest.mark.parametrize("text, expected", [
    # the singular clitic stands for the one actor named with a singular determiner, not the States helped
    ("Salue les efforts de l'Office des Nations Unies contre la drogue et le crime pour aider les États Membres, et lui "
     "demande de poursuivre son assistance;", ["united-nations-office-on-drugs-and-crime"]),
    # the clause before names no actor: the actor asked earlier in the paragraph, not the States named last
    ("Engage le Haut-Commissariat à coopérer avec les États, note l'action qu'il mène, et l'encourage à redoubler "
     "d'efforts;", ["office-of-the-united-nations-high-commissioner-for-human-rights"]),
    # an unknown singular actor ("le Centre") is not replaced by plural ones
    ("Constate que le Centre a resserré ses liens avec les États Membres, et l'engage à poursuivre;", []),
    # a plural clitic may stand for coordinated singular actors
    ("Se félicite que les États et le Programme des Nations Unies pour l'environnement coopèrent et les encourage à "
     "poursuivre;", ["states", "united-nations-environment-programme"]),
])
def test_a_clitic_pronoun_agrees_in_number(vocab, text, expected):
    assert local(provisions(vocab, [text], language="fr")[-1].addressees) == expected


@pytest.mark.parametrize("lang, text, expected", [
    # a qualifier after the noun: some States, as "all African States", "all mine-affected States" in English
    ("fr", "Engage tous les États touchés par les mines à participer aux négociations;", ["states"]),
    # a filler word keeps all States, as "all interested States", "all States concerned" do
    ("fr", "Engage tous les États intéressés à participer aux négociations;", ["all-states"]),
    ("fr", "Demande à tous les États d'Afrique de ratifier le Traité;", ["states"]),
    ("es", "Exhorta a todos los Estados afectados a cooperar;", ["states"]),
    # "de" + infinitive is the complement, a relative clause no qualifier: all States
    ("fr", "Demande à tous les États d'adopter des mesures;", ["all-states"]),
    ("fr", "Demande à tous les États qui ne l'ont pas encore fait de ratifier le Traité;", ["all-states"]),
    ("es", "Exhorta a todos los Estados a cooperar;", ["all-states"]),
])
def test_all_states_with_a_qualifier_after_the_noun_are_states(vocab, lang, text, expected):
    assert local(provisions(vocab, [text], language=lang)[0].addressees) == expected


@pytest.mark.parametrize("text, expected", [
    ("Engage l'Autorité à poursuivre ses travaux sur le projet de règlement;", []),
    ("Engage les autorités à poursuivre leurs travaux;", ["governments"]),
    ("Engage les Autorités nationales à poursuivre leurs travaux;", ["governments"]),
])
def test_a_capitalized_singular_is_no_plural_lower_case_name(vocab, text, expected):
    """"l'Autorité" (an institution's name) is not "autorités" (governments), whose key it shares."""
    assert local(provisions(vocab, [text], language="fr")[0].addressees) == expected


def test_a_short_name_followed_by_an_elided_de_is_another_name(vocab):
    """"le Système d'intégration de l'Amérique centrale" is not the United Nations system named before, as "le
    Système de ..." would not be; "la Rapporteuse spéciale d'examiner" still opens a complement."""
    prs = provisions(vocab, ["Invite les organismes du système des Nations Unies à coopérer;",
                             "Engage les États membres du Système d'intégration de l'Amérique centrale à promouvoir le "
                             "tourisme durable;"], language="fr")
    assert local(prs[-1].addressees) == ["member-states"]


@pytest.mark.parametrize("text, expected", [
    ("Prie le Secrétaire général, agissant en concertation avec l'Organisation internationale du Travail, de présenter "
     "un rapport;", ["secretary-general"]),
    ("Demande aux États, agissant de concert avec les organismes des Nations Unies, de renforcer les partenariats;",
     ["states"]),
    ("Encourage les États Membres, appuyés par l'Organisation des Nations Unies, à créer des bases de données;",
     ["member-states"]),
])
def test_partners_named_after_de_concert_and_en_concertation_are_not_asked(vocab, text, expected):
    assert local(provisions(vocab, [text], language="fr")[0].addressees) == expected


def test_a_compound_title_that_is_another_s_full_name_is_no_short_name(vocab):
    """"l'Organisation des Nations Unies" after UNESCO's full name ("Organisation des Nations Unies pour
    l'éducation, ...") is the United Nations, whose name it is, not UNESCO cut short."""
    prs = provisions(vocab, ["Invite l'Organisation des Nations Unies pour l'éducation, la science et la culture à "
                             "coopérer;", "Engage l'Organisation des Nations Unies à surveiller la situation;"],
                     language="fr")
    assert local(prs[-1].addressees) == ["united-nations-system"]


@pytest.mark.parametrize("text, expected", [
    # a participle after the addressee opens an adjunct: the names in it are not asked
    ("Engage les États Membres souhaitant accueillir la prochaine Conférence des Nations Unies à se manifester;",
     ["member-states"]),
    # ... up to a coordinated noun phrase, which goes on with the list
    ("Encourage les États participant au Programme et l'Organisation des Nations Unies à étudier la question;",
     ["states", "united-nations-system"]),
    # "à savoir" (namely) carries the list on; "donc" after the verb is no noun of the phrase
    ("Encourage tous les acteurs, à savoir les gouvernements et la société civile, à continuer d'aider la "
     "Commission;", ["relevant-stakeholders", "governments", "civil-society"]),
    ("Invite donc tous les principaux acteurs institutionnels, notamment le Fonds monétaire international, à fournir "
     "un appui;", ["international-monetary-fund"]),
    ("Encourage les États Membres, agissant avec le concours d'entités des Nations Unies, à donner la priorité à la "
     "collecte de données;", ["member-states"]),
])
def test_french_addressee_phrase_adjuncts_and_namely(vocab, text, expected):
    assert local(provisions(vocab, [text], language="fr")[0].addressees) == expected
