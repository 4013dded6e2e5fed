"""The task type where French and English give as many mandates but read them differently: each rule holds in
the three grammars where the wording exists, on sentences written for these tests."""
from __future__ import annotations

import pytest
from handmade import mandates


def tasks(text: str, language: str) -> list[tuple[str | None, str]]:
    """(entity, task) of each mandate of a one-paragraph resolution in `language`."""
    return [(entity, task) for entity, task, _ in mandates(text, language)]


@pytest.mark.parametrize("language, text", [
    ("fr", "Prie le Secrétaire général de prendre, en concertation avec les États Membres, toutes les mesures voulues "
           "pour organiser la conférence ;"),
    ("fr", "Prie le Secrétaire général de prendre sans tarder les mesures nécessaires pour assurer les réunions ;"),
    ("en", "Requests the Secretary-General to take, in cooperation with Member States, all appropriate measures to "
           "organize the conference;"),
    ("es", "Solicita al Secretario General que adopte, en consulta con los Estados Miembros, todas las medidas "
           "necesarias para organizar la conferencia;"),
])
def test_a_measures_cue_parted_by_an_aside_or_adverb(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


def test_a_parted_cue_needs_its_own_words():
    # an adverb between, then a meeting asked for: no measures cue to read
    assert tasks("Prie le Secrétaire général de convoquer sans tarder une réunion ;", "fr") == \
        [("secretary-general", "meeting")]


@pytest.mark.parametrize("text", [
    "Prie le Secrétaire général d'octroyer des bourses financées par le Fonds d'assistance ;",
    "Prie le Secrétaire général de coordonner avec le Bureau de l'appui régional les activités menées ;",
])
def test_a_french_name_in_lower_case_after_its_first_word_gives_no_cue(text):
    assert tasks(text, "fr") == [("secretary-general", "other")]


def test_an_infinitive_after_a_name_still_gives_its_task():
    assert tasks("Prie le Haut-Commissariat d'appuyer les efforts des États ;", "fr")[0][1] == "assistance"


@pytest.mark.parametrize("language, text", [
    ("fr", "Prie le Secrétaire général de doter le Bureau des moyens dont il a besoin ;"),
    ("en", "Requests the Secretary-General to provide the Office with the means it needs;"),
])
def test_equipping_a_body_is_assistance(language, text):
    assert tasks(text, language) == [("secretary-general", "assistance")]


@pytest.mark.parametrize("language, text", [
    ("fr", "Prie le Secrétaire général d'établir une synthèse des débats ;"),
    ("en", "Requests the Secretary-General to prepare a summary of the debates;"),
    ("en", "Requests the Secretary-General to prepare a background note for the meeting;"),
    ("es", "Solicita al Secretario General que prepare una nota de antecedentes para la reunión;"),
])
def test_a_summary_or_background_note_is_a_report(language, text):
    assert tasks(text, language) == [("secretary-general", "report")]


@pytest.mark.parametrize("language, text", [
    ("fr", "Prie le Secrétariat de faire circuler des propositions ;"),
    ("en", "Requests the Secretariat to circulate proposals;"),
])
def test_circulating_is_dissemination(language, text):
    assert tasks(text, language) == [("secretariat", "dissemination")]


@pytest.mark.parametrize("language, text", [
    ("fr", "Prie le Secrétaire général de fournir aux pays qui le demandent une assistance technique portant sur "
           "l'analyse des données ;"),
    ("en", "Requests the Secretary-General to provide to countries, upon request, technical assistance related to "
           "the analysis of data;"),
])
def test_assistance_given_before_what_it_bears_on(language, text):
    assert tasks(text, language) == [("secretary-general", "assistance")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests that the President of the General Assembly, in accordance with past practice, appoint two "
           "co-facilitators to facilitate the consultations;"),
    ("fr", "Demande à sa présidence de désigner, conformément à la pratique, deux cofacilitateurs chargés de faciliter "
           "les consultations ;"),
])
def test_the_verb_of_a_requested_that_clause(language, text):
    assert tasks(text, language) == [("president-of-the-general-assembly", "establish")]


def test_a_purpose_that_clause_decides_nothing():
    french = mandates("Décide, pour que tous les États Membres puissent participer, de poursuivre à sa "
                      "quatre-vingtième session l'examen de la question ;", "fr")
    english = mandates("Decides, so that all Member States may participate, to continue its consideration of the "
                       "question at its eightieth session;", "en")
    assert french == english == [("general-assembly", "agenda_item", "80")]


def test_meetings_served_are_not_held():
    assert tasks("Requests the Secretary-General to provide conference facilities for meetings of the Committee;",
                 "en")[0][1] != "meeting"


@pytest.mark.parametrize("language, text, task", [
    ("en", "Requests the Secretary-General to forward to the Committee, for its consideration, the summary records of "
           "the debate;", "dissemination"),
    ("en", "Requests the Secretary-General to continue his work on the strategy and looks forward to the debate;",
     "other"),
    ("fr", "Prie le Secrétaire général de porter à l'attention du Comité les comptes rendus analytiques du débat ;",
     "dissemination"),
])
def test_forwarding_to_a_body_is_dissemination(language, text, task):
    assert tasks(text, language)[0] == ("secretary-general", task)


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to seek the views of States on the options outlined in the study annexed "
           "to the report of the Secretary-General of 1 March 2001;"),
    ("fr", "Prie le Secrétaire général de demander l'avis des États sur les options exposées dans l'étude figurant en "
           "annexe au rapport du Secrétaire général du 1er mars 2001 ;"),
    ("en", "Requests the Secretary-General to strengthen the policy, including training, reporting, enforcement and "
           "remedial action;"),
])
def test_a_study_cited_or_a_report_word_in_a_list_asks_for_none(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to allocate all the resources and services necessary to that end;"),
    ("fr", "Prie le Secrétaire général de veiller à ce que l'Experte indépendante reçoive les ressources dont elle a "
           "besoin ;"),
    ("fr", "Prie le Haut-Commissariat d'améliorer encore ses interventions humanitaires ;"),
])
def test_resources_a_body_needs_are_assistance(language, text):
    assert tasks(text, language)[0][1] == "assistance"


@pytest.mark.parametrize("language, text, task", [
    ("fr", "Prie le Secrétaire général de mettre en place un programme de sensibilisation ;", "establish"),
    ("fr", "Prie le Secrétaire général d'établir un programme de formation ;", "establish"),
    ("en", "Requests the Secretary-General to establish a programme of outreach;", "establish"),
    ("fr", "Invite sa présidence à solliciter l'aide de l'Organisation mondiale de la Santé ;", "other"),
])
def test_a_programme_set_up_and_help_sought(language, text, task):
    assert tasks(text, language)[0][1] == task


def test_an_agenda_item_already_there_decides_nothing():
    text = ("Prie le Secrétaire général de renforcer la capacité de la Section à appuyer le débat, afin que le rapport "
            "soit disponible avant les séances consacrées à ce point de l'ordre du jour ;")
    assert tasks(text, "fr") == [("secretary-general", "assistance")]


@pytest.mark.parametrize("language, text", [
    ("fr", "Prie le Secrétaire général de veiller à ce que les règles régissant la parution des documents soient "
           "respectées ;"),
    ("en", "Requests the Secretary-General to ensure respect for the rules concerning the issuance of documents;"),
])
def test_issuance_is_dissemination(language, text):
    assert tasks(text, language) == [("secretary-general", "dissemination")]


def test_meetings_that_qualify_webcasts_hold_none():
    assert tasks("Requests the Secretary-General to ensure the archiving of official meetings webcasts;", "en") == \
        [("secretary-general", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to include a section on desert locusts in the report of the "
           "Secretary-General on food security;"),
    ("fr", "Prie le Secrétaire général d'inclure une section sur le criquet pèlerin dans le rapport du Secrétaire "
           "général sur la sécurité alimentaire ;"),
    ("es", "Solicita al Secretario General que incluya una sección sobre la langosta del desierto en el informe del "
           "Secretario General sobre la seguridad alimentaria;"),
])
def test_a_section_included_in_a_report_is_a_report(language, text):
    assert tasks(text, language) == [("secretary-general", "report")]


def test_a_report_cited_after_including_is_still_cited():
    assert tasks("Requests the Secretary-General to implement the recommendations, including those in the report of "
                 "the Board;", "en") == [("secretary-general", "other")]


def test_holding_something_other_than_a_meeting_is_no_meeting():
    assert tasks("Prie le Secrétariat de tenir un registre des experts disponibles et de le diffuser aux États "
                 "Membres ;", "fr") == [("secretariat", "dissemination")]
    assert tasks("Prie le Secrétaire général de tenir les engagements pris dans le plan d’action ;", "fr") == \
        [("secretary-general", "other")]
    # a meeting, a named event or a date after the verb still holds one
    for text in ("Prie le Secrétaire général de tenir des consultations ouvertes avec les États Membres ;",
                 "Prie le Secrétaire général de tenir le onzième Forum mondial en 2026 ;",
                 "Prie le Comité spécial de tenir en juin sa session de fond ;"):
        assert tasks(text, "fr")[0][1] == "meeting", text


def test_consulting_documents_is_no_meeting():
    assert tasks("Prie le Secrétaire général de numériser les archives afin que le public puisse consulter ces "
                 "documents ;", "fr") == [("secretary-general", "other")]
    assert tasks("Prie le Secrétaire général de consulter régulièrement les organisations régionales ;", "fr") == \
        [("secretary-general", "meeting")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Department of Global Communications to coordinate with the other entities in order to avoid "
           "duplication in the publication of reports;"),
    ("fr", "Prie le Département de la communication globale d’agir en coordination avec les autres entités afin "
           "d’éviter, chacune selon son mandat, les doubles emplois dans la publication des rapports ;"),
])
def test_what_is_to_be_avoided_asks_nothing_past_an_aside(language, text):
    assert tasks(text, language) == [("department-of-global-communications", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to provide oversight of the implementation of the work plan;"),
    ("en", "Requests the Secretariat to provide full access to the recordings of past meetings;"),
    ("en", "Invites the World Health Organization to provide guidance on the management of such risks;"),
    ("fr", "Prie le Secrétaire général de superviser la mise en œuvre du plan de travail ;"),
])
def test_providing_what_is_no_assistance_is_an_other_task(language, text):
    assert [task for _, task in tasks(text, language)] == ["other"]


def test_providing_support_still_is_assistance():
    assert tasks("Requests the Secretary-General to provide the Special Rapporteur with all the assistance "
                 "necessary;", "en") == [("secretary-general", "assistance")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to include the resources necessary for the Office in his next proposed "
           "programme budget;"),
    ("fr", "Prie le Secrétaire général de prévoir les ressources nécessaires au Bureau dans son prochain projet de "
           "budget-programme ;"),
    ("es", "Solicita al Secretario General que, en el proyecto de presupuesto por programas, prevea los recursos "
           "necesarios para la Oficina;"),
])
def test_resources_in_a_budget_proposal_are_no_assistance(language, text):
    assert [task for _, task in tasks(text, language)] == ["other"]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Department to build partnerships with regional media (print, broadcast and online "
           "publication) to reach all regions;"),
    ("fr", "Prie le Département de nouer des partenariats avec les médias régionaux (presse écrite, audiovisuel et "
           "publication en ligne) afin de toucher toutes les régions ;"),
])
def test_a_gloss_in_parentheses_gives_no_task(language, text):
    assert [task for _, task in tasks(text, language)] == ["other"]


def test_keeping_up_to_date_gives_way_to_what_is_kept():
    assert tasks("Prie le Secrétaire général de tenir à jour la compilation en ligne des législations "
                 "nationales ;", "fr") == [("secretary-general", "study")]
    assert tasks("Prie le Secrétaire général de tenir à jour la liste des points de contact ;", "fr") == \
        [("secretary-general", "other")]


def test_taking_stock_is_a_report():
    french = tasks("Prie le Secrétaire général de faire le point sur cette question dans le prochain projet de "
                   "budget ;", "fr")
    english = tasks("Requests the Secretary-General to report thereon in the next budget proposal;", "en")
    assert french == english == [("secretary-general", "report")]


@pytest.mark.parametrize("language, text", [
    ("en", "Invites the Secretary-General to continue analysing the data received from Member States;"),
    ("en", "Requests the Secretary-General to collect and analyse data on attacks against staff;"),
    ("fr", "Prie le Secrétaire général de recueillir et d’analyser les données relatives aux attaques contre le "
           "personnel ;"),
    ("es", "Solicita al Secretario General que siga analizando los datos recibidos de los Estados Miembros;"),
])
def test_analysing_is_a_study_as_an_analysis_is(language, text):
    assert tasks(text, language) == [("secretary-general", "study")]


def test_constituting_a_body_establishes_it():
    assert tasks("Décide de constituer pour la période 2025-2027 un groupe de travail à composition non limitée "
                 "chargé de proposer des mesures de coopération ;", "fr") == [("general-assembly", "establish")]
    assert tasks("Prie le Secrétaire général de veiller à ce que ces actes ne puissent constituer une infraction ;",
                 "fr") == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretariat to make the final report of the meeting available to all Member States;"),
    ("fr", "Prie le Secrétariat de mettre les données recueillies à la disposition de tous les États Membres ;"),
    ("es", "Solicita a la Secretaría que ponga el informe final de la reunión a disposición de todos los Estados "
           "Miembros;"),
])
def test_a_document_made_available_is_disseminated(language, text):
    assert [task for _, task in tasks(text, language)] == ["dissemination"]


def test_resources_made_available_are_assistance():
    assert tasks("Prie le Secrétaire général de mettre les ressources nécessaires à la disposition du Rapporteur "
                 "spécial ;", "fr") == [("secretary-general", "assistance")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretariat to ensure the active involvement of the regional commissions through "
           "consultations with other offices;"),
    ("fr", "Prie le Secrétariat de veiller à ce qu’un rôle actif soit confié aux commissions régionales, à la faveur de "
           "consultations avec les autres bureaux ;"),
])
def test_consultations_that_say_how_hold_no_meeting(language, text):
    assert tasks(text, language) == [("secretariat", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Department of Global Communications to seek the support of regional broadcasters for its "
           "campaigns;"),
    ("fr", "Prie le Département de la communication globale de chercher à s’assurer le plein concours des médias "
           "régionaux pour ses campagnes ;"),
])
def test_help_sought_from_others_is_no_assistance(language, text):
    assert tasks(text, language) == [("department-of-global-communications", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to create an enabling environment for young staff members;"),
    ("fr", "Prie le Secrétaire général de créer un environnement porteur pour les jeunes fonctionnaires ;"),
    ("es", "Solicita al Secretario General que cree un entorno propicio para los funcionarios jóvenes;"),
])
def test_creating_an_environment_establishes_no_body(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]
