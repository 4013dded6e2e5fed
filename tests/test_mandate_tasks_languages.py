"""The task type of a mandate in English, French and Spanish, on sentences written for these tests in the way
the Assembly's three versions print them: a paragraph and its translation should give the same task."""
from __future__ import annotations

import pytest
from handmade import mandates


def tasks(text: str, language: str) -> list[tuple[str | None, str]]:
    """(entity, task) of each mandate of a one-paragraph resolution in `language`."""
    return [(entity, task) for entity, task, _ in mandates(text, language)]


@pytest.mark.parametrize("language, text", [
    ("en", "Invites the Secretary-General to give due consideration to the needs of small island States;"),
    ("fr", "Invite le Secrétaire général à prêter attention aux besoins des petits États insulaires ;"),
    ("es", "Invita al Secretario General a que preste la debida atención a las necesidades de los pequeños "
           "Estados insulares;"),
    ("es", "Solicita al Secretario General que siga prestando especial atención a las necesidades de los pequeños "
           "Estados insulares y a su informe;"),
])
def test_paying_attention_is_no_assistance(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text", [
    ("es", "Solicita al Secretario General que siga prestando asistencia técnica a los Estados que la soliciten;"),
    ("fr", "Prie le Secrétaire général de continuer à prêter son concours aux États qui en font la demande ;"),
])
def test_lending_assistance_still_is(language, text):
    assert tasks(text, language) == [("secretary-general", "assistance")]


def test_observing_a_day_is_no_meeting():
    english = tasks("Requests the Secretary-General to bring the present resolution to the attention of all Member "
                    "States and organizations, for appropriate observance of the Day;", "en")
    spanish = tasks("Solicita al Secretario General que señale la presente resolución a la atención de todos los "
                    "Estados Miembros y organizaciones, para que el Día Mundial se celebre debidamente;", "es")
    assert spanish == english and english[0][1] != "meeting"
    assert tasks("Solicita al Secretario General que celebre una reunión de alto nivel sobre el Día Mundial;", "es") == \
        [("secretary-general", "meeting")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General, with the assistance of the relevant organizations, to take the measures "
           "necessary to raise awareness of the Convention;"),
    ("fr", "Prie le Secrétaire général de prendre, avec l’aide de l’Organisation mondiale de la Santé, les mesures "
           "nécessaires pour faire mieux connaître la Convention ;"),
    ("es", "Solicita al Secretario General que, con la asistencia de las organizaciones pertinentes, adopte las "
           "medidas necesarias para dar a conocer la Convención;"),
    ("es", "Solicita al Secretario General que prosiga el proceso consultivo, con la participación de los Estados "
           "interesados;"),
])
def test_a_partner_gives_no_task(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Invites the World Health Organization to participate in the high-level meeting;"),
    ("fr", "Invite l’Organisation mondiale de la Santé à participer à la réunion de haut niveau ;"),
    ("es", "Invita a la Organización Mundial de la Salud a participar en la reunión de alto nivel;"),
    ("es", "Invita a la Organización Mundial de la Salud a que contribuya a la conferencia de examen;"),
])
def test_taking_part_in_a_meeting_is_no_meeting(language, text):
    assert tasks(text, language) == [("world-health-organization", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to strengthen their capacity to prevent abuse;"),
    ("fr", "Prie le Secrétaire général de renforcer leurs capacités de prévention des abus ;"),
    ("es", "Solicita al Secretario General que refuerce la capacidad de prevención de los abusos;"),
])
def test_strengthening_capacity_is_assistance(language, text):
    assert tasks(text, language) == [("secretary-general", "assistance")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to appoint a Special Adviser to the President of the Conference;"),
    ("fr", "Prie le Secrétaire général de nommer un conseiller spécial auprès du Président de la Conférence ;"),
    ("es", "Solicita al Secretario General que nombre a un Asesor Especial del Presidente de la Conferencia;"),
    ("es", "Solicita al Secretario General que designe un Asesor Especial del Presidente de la Conferencia;"),
])
def test_appointing_is_establishing(language, text):
    assert tasks(text, language) == [("secretary-general", "establish")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to allocate sufficient resources to the Office;"),
    ("fr", "Prie le Secrétaire général de prévoir les ressources nécessaires au Bureau ;"),
    ("es", "Solicita al Secretario General que asigne recursos suficientes a la Oficina;"),
])
def test_resources_for_an_office_are_assistance(language, text):
    assert tasks(text, language) == [("secretary-general", "assistance")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to provide information on the meetings of the Office;"),
    ("fr", "Prie le Secrétaire général de fournir des informations sur les réunions du Bureau ;"),
    ("es", "Solicita al Secretario General que proporcione información sobre las reuniones de la Oficina;"),
])
def test_providing_information_is_a_report(language, text):
    assert tasks(text, language) == [("secretary-general", "report")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to improve the quality of conference services at all duty stations;"),
    ("fr", "Prie le Secrétaire général d’améliorer la qualité des services de conférence dans tous les lieux "
           "d’affectation ;"),
])
def test_conference_services_are_no_meeting(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to take all necessary measures to organize the high-level meeting;"),
    ("fr", "Prie le Secrétaire général de prendre toutes les mesures nécessaires pour organiser la réunion de haut "
           "niveau ;"),
    ("es", "Solicita al Secretario General que adopte todas las medidas necesarias para organizar la reunión de alto "
           "nivel;"),
    ("fr", "Invite le Secrétaire général à poursuivre le dialogue avec les États Membres ;"),
    ("fr", "Prie le Secrétaire général de prendre, avec l’aide des organismes compétents, les mesures voulues ;"),
])
def test_measures_and_dialogue_the_english_calls_other(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to inform the General Assembly of the measures taken;"),
    ("fr", "Prie le Secrétaire général de l’informer des mesures prises ;"),
    ("en", "Requests the Secretary-General to prepare a summary of the discussion;"),
    ("fr", "Prie le Secrétaire général d’établir un résumé des débats ;"),
    ("es", "Solicita al Secretario General que prepare un resumen de los debates;"),
])
def test_informing_and_summaries_are_reports(language, text):
    assert tasks(text, language) == [("secretary-general", "report")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General, in close consultation with the regional commissions, to continue his "
           "efforts;"),
    ("es", "Solicita al Secretario General que, en estrecha consulta con las comisiones regionales, prosiga sus "
           "esfuerzos;"),
    ("es", "Solicita al Secretario General que, en consulta y cooperación con las comisiones regionales, prosiga sus "
           "esfuerzos;"),
    ("en", "Requests the Secretary-General to pursue his work in close consultation with Member States;"),
    ("fr", "Prie le Secrétaire général de poursuivre ses travaux en étroite consultation avec les États Membres ;"),
    ("fr", "Prie le Secrétaire général de poursuivre ses travaux en coordination étroite avec les États Membres ;"),
    ("fr", "Prie le Secrétaire général de prendre, en collaboration et en coordination étroites avec les États "
           "Membres, des initiatives pour la jeunesse ;"),
])
def test_a_close_partner_gives_no_task(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to widen those arrangements, bearing in mind the need to respect the "
           "guidelines of the Organization;"),
    ("es", "Solicita al Secretario General que amplíe esos arreglos, teniendo presente la necesidad de que se "
           "respeten las directrices de la Organización;"),
    ("es", "Solicita al Secretario General que amplíe esos arreglos, habida cuenta de las conclusiones del análisis "
           "anterior;"),
])
def test_an_aside_after_a_comma_gives_no_task(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to invite the regional organizations to attend the Conference as "
           "observers;"),
    ("es", "Solicita al Secretario General que invite a las organizaciones regionales a que asistan a la Conferencia "
           "en calidad de observadoras;"),
])
def test_attending_a_conference_is_no_meeting(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


def test_spanish_asistir_to_people_still_assists():
    assert tasks("Solicita al Secretario General que siga ayudando y asistiendo a los Estados que lo soliciten;",
                 "es") == [("secretary-general", "assistance")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the United Nations Office on Drugs and Crime to continue the collection and analysis of data on "
           "road accidents;"),
    ("es", "Solicita a la Oficina de las Naciones Unidas contra la Droga y el Delito que prosiga la reunión y el "
           "análisis de datos sobre los accidentes de tráfico;"),
    ("es", "Solicita a la Oficina de las Naciones Unidas contra la Droga y el Delito que intensifique la reunión, el "
           "análisis y la difusión de datos sobre los accidentes de tráfico;"),
])
def test_gathering_data_is_no_meeting(language, text):
    assert tasks(text, language) == [("united-nations-office-on-drugs-and-crime", "study")]


def test_a_spanish_reunion_on_data_still_meets():
    assert tasks("Solicita al Secretario General que convoque una reunión sobre los datos de tráfico;", "es") == \
        [("secretary-general", "meeting")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to report to the Sixth Committee on the assistance given during the "
           "briefing at its seventy-ninth session;"),
    ("es", "Solicita al Secretario General que informe a la Sexta Comisión sobre la asistencia prestada durante la "
           "reunión informativa de su septuagésimo noveno período de sesiones;"),
])
def test_reporting_in_a_briefing_is_an_oral_update(language, text):
    assert tasks(text, language) == [("secretary-general", "oral_update")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to list the modalities of conferences, with a view to using conference "
           "and documentation services efficiently;"),
    ("es", "Solicita al Secretario General que indique las modalidades de las conferencias, con miras a utilizar los "
           "servicios de conferencias y documentación eficientemente;"),
])
def test_coordinated_conference_services_are_no_meeting(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to explore the possibility of supporting regional dialogues;"),
    ("es", "Solicita al Secretario General que estudie la posibilidad de apoyar los diálogos regionales;"),
    ("en", "Requests the Secretary-General to explore options to strengthen the regional offices;"),
    ("es", "Solicita al Secretario General que estudie opciones para fortalecer las oficinas regionales;"),
])
def test_exploring_options_asks_for_no_study(language, text):
    assert [task for _, task in tasks(text, language)] != ["study"]


def test_a_spanish_study_verb_with_its_object_still_studies():
    assert tasks("Solicita al Secretario General que estudie los efectos de las medidas en los países afectados;",
                 "es") == [("secretary-general", "study")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to ensure that United Nations and other personnel respect the code;"),
    ("es", "Solicita al Secretario General que vele por que el personal de las Naciones Unidas y otro personal "
           "respeten el código;"),
])
def test_the_word_other_is_no_task(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]
    assert tasks("Requests the Secretary-General to ensure that other personnel receive technical assistance;",
                 "en") == [("secretary-general", "assistance")]


@pytest.mark.parametrize("text, expected", [
    ("Requests the Secretary-General to ensure that the staff meet high standards of conduct;", "other"),
    ("Requests the Secretary-General to meet the unforeseen expenses from the fund;", "other"),
    ("Decides that the working group shall meet in Geneva for five days;", "meeting"),
    ("Decides that the working group shall meet annually;", "meeting"),
])
def test_meet_with_an_object_meets_no_one(text, expected):
    assert tasks(text, "en")[0][1] == expected


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to help the countries of the region to tackle youth emigration;"),
    ("es", "Solicita al Secretario General que ayude a los países de la región a hacer frente a la emigración "
           "juvenil;"),
])
def test_helping_countries_is_assistance(language, text):
    assert tasks(text, language) == [("secretary-general", "assistance")]


def test_to_before_or_is_no_infinitive():
    assert tasks("Requests the Secretary-General to provide the equipment to or through the regional offices and "
                 "to or by the missions;", "en") == [("secretary-general", "assistance")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Department of Global Communications to continue raising awareness of the International "
           "Decade and to disseminate information on it;"),
    ("es", "Solicita al Departamento de Comunicación Global que, sin costo adicional, siga promoviendo una mayor "
           "conciencia del Decenio Internacional y difundiendo información al respecto;"),
])
def test_a_continued_gerund_after_y_is_a_second_task(language, text):
    assert tasks(text, language) == [("department-of-global-communications", "other"),
                                     ("department-of-global-communications", "dissemination")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Department of Global Communications to continue producing and disseminating the programmes;"),
    ("es", "Solicita al Departamento de Comunicación Global que continúe produciendo y difundiendo los programas;"),
])
def test_two_gerunds_on_one_object_are_one_task(language, text):
    assert tasks(text, language) == [("department-of-global-communications", "dissemination")]


def test_gerunds_of_means_are_no_second_task():
    assert tasks("Solicita al Secretario General que prosiga sus esfuerzos, entre otras cosas detectando posibles "
                 "duplicaciones y buscando ideas innovadoras;", "es") == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Decides to include the item entitled \"Sustainable development: international support\" in the "
           "provisional agenda of its eighty-second session;"),
    ("fr", "Décide d’inscrire la question intitulée « Développement durable : appui international » à l’ordre du jour "
           "provisoire de sa quatre-vingt-deuxième session ;"),
    ("es", "Decide incluir el tema titulado \"Desarrollo sostenible: apoyo internacional\" en el programa provisional "
           "de su octogésimo segundo período de sesiones;"),
])
def test_an_item_included_with_its_title_before_the_agenda(language, text):
    assert tasks(text, language) == [("general-assembly", "agenda_item")]


@pytest.mark.parametrize("text, expected", [
    ("Requests the Secretary-General to ensure that programme managers are held accountable for the results;",
     "other"),
    ("Requests the Secretary-General to hold programme managers accountable for the results;", "other"),
    ("Requests the Secretary-General to hold a high-level meeting on accountability;", "meeting"),
])
def test_holding_to_account_is_no_meeting(text, expected):
    assert tasks(text, "en") == [("secretary-general", expected)]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to provide accurate and up-to-date information on new initiatives;"),
    ("es", "Solicita al Secretario General que presente información exacta y actualizada sobre las nuevas "
           "iniciativas;"),
])
def test_giving_information_with_words_between_is_a_report(language, text):
    assert tasks(text, language) == [("secretary-general", "report")]


@pytest.mark.parametrize("text", [
    "Requests the Secretary-General to provide the Office with the resources and information it needs;",
    "Requests the Secretary-General to provide the necessary information centres;",
])
def test_information_given_to_another_or_as_a_place_is_no_report(text):
    assert tasks(text, "en") == [("secretary-general", "assistance")]


@pytest.mark.parametrize("language, text", [
    ("en", "Invites the Secretary-General to favour cost-effective practices in his budget proposals;"),
    ("fr", "Invite le Secrétaire général à privilégier des pratiques ayant un bon rapport coût-efficacité dans ses "
           "projets de budget ;"),
    ("fr", "Invite le Secrétaire général à renforcer les activités en rapport avec la jeunesse ;"),
])
def test_a_ratio_or_a_link_is_no_report(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text, task", [
    ("en", "Requests the Secretary-General to transmit the present resolution to all regional commissions;",
     "dissemination"),
    ("fr", "Prie le Secrétaire général de communiquer la présente résolution à toutes les commissions régionales ;",
     "dissemination"),
    ("en", "Requests the Secretary-General to distribute the records of the debate to all delegations;",
     "dissemination"),
    ("fr", "Prie le Secrétaire général de distribuer les comptes rendus du débat à toutes les délégations ;",
     "dissemination"),
    ("es", "Solicita al Secretario General que distribuya las actas del debate a todas las delegaciones;",
     "dissemination"),
    # a light verb: what it carries is the deliverable
    ("en", "Requests the Secretary-General to communicate those views in a short report to the Assembly;", "report"),
    ("fr", "Prie le Secrétaire général de lui communiquer ces vues dans un bref rapport ;", "report"),
])
def test_transmitting_is_dissemination(language, text, task):
    assert tasks(text, language) == [("secretary-general", task)]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to keep the Committee apprised of the progress of the project;"),
    ("en", "Requests the Secretary-General to apprise the Committee of the progress of the project;"),
    ("fr", "Prie le Secrétaire général de tenir le Comité informé de l'avancement du projet ;"),
])
def test_keeping_a_body_apprised_is_a_report(language, text):
    assert tasks(text, language) == [("secretary-general", "report")]


@pytest.mark.parametrize("language, text", [
    ("en", "Invites the Secretary-General to take appropriate steps to plan and organize the activities of the Year;"),
    ("en", "Invites the Secretary-General to take the measures necessary to organize the activities of the Year;"),
    ("fr", "Invite le Secrétaire général à prendre les dispositions voulues pour organiser les activités de l'Année ;"),
    ("fr", "Invite le Secrétaire général à prendre les mesures qui s’imposent pour organiser les activités de "
           "l'Année ;"),
    ("es", "Invita al Secretario General a que tome las medidas apropiadas para organizar las actividades del Año;"),
])
def test_taking_measures_is_an_other_task_in_every_wording(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text, task", [
    ("en", "Requests the Secretary-General to help the countries of the region to tackle youth unemployment;",
     "assistance"),
    ("fr", "Prie le Secrétaire général d'aider les pays de la région à lutter contre le chômage des jeunes ;",
     "assistance"),
    # "help to" + a verb is a contribution, not assistance to someone
    ("en", "Requests the Secretary-General to draw up proposals to help to ensure coherence in the system;", "other"),
    ("fr", "Prie le Secrétaire général d'élaborer des propositions pour aider à assurer la cohérence du système ;",
     "other"),
])
def test_helping_someone_is_assistance(language, text, task):
    assert tasks(text, language) == [("secretary-general", task)]


@pytest.mark.parametrize("language, text, task", [
    ("en", "Requests the Secretary-General to consider the views of Member States in his next report;", "report"),
    ("fr", "Prie le Secrétaire général de tenir compte des vues des États Membres dans son prochain rapport ;", "report"),
    ("fr", "Prie le Secrétaire général de tenir dûment compte des vues des États Membres ;", "other"),
    ("en", "Requests the Secretary-General to keep the staffing of the regional offices under review;", "other"),
    ("fr", "Prie le Secrétaire général de garder à l'étude les effectifs des bureaux régionaux ;", "other"),
])
def test_heeding_names_no_deliverable(language, text, task):
    assert tasks(text, language) == [("secretary-general", task)]


@pytest.mark.parametrize("language, text, task", [
    ("en", "Requests the Secretary-General to prepare, in coordination with the host countries and the chairs of "
           "each round table, background notes on the themes;", "report"),
    ("fr", "Prie le Secrétaire général d'établir, en concertation avec les pays hôtes et les présidents de chaque "
           "table ronde, des notes de synthèse sur les thèmes ;", "report"),
    ("fr", "Prie le Secrétaire général de présenter, agissant en consultation avec les États Membres et le forum "
           "régional, un rapport sur la question ;", "report"),
    ("en", "Requests the Secretary-General to improve his dialogue with all Member States on the reform;", "other"),
    ("fr", "Prie le Secrétaire général d'améliorer le dialogue avec tous les États Membres sur la réforme ;", "other"),
])
def test_an_aside_on_partners_gives_no_task(language, text, task):
    assert tasks(text, language) == [("secretary-general", task)]


@pytest.mark.parametrize("language, text, task", [
    ("en", "Requests the Secretary-General to make every effort to meet these requirements from existing resources;",
     "other"),
    ("en", "Requests the Secretary-General to ensure that the services provided meet the highest standards;", "other"),
    ("en", "Requests the Secretary-General to improve conference servicing at all duty stations;", "other"),
    ("en", "Invites the Secretary-General to follow up on the discussion held at the panel discussion;", "other"),
    ("en", "Requests the Secretary-General to convene the expert group, which shall meet in Geneva;", "meeting"),
])
def test_meeting_words_that_hold_no_meeting(language, text, task):
    assert tasks(text, language) == [("secretary-general", task)]


@pytest.mark.parametrize("language, text, task", [
    ("en", "Requests the Secretary-General to provide, in consultation with the World Health Organization, the "
           "United Nations Children's Fund, the United Nations Development Programme and other relevant "
           "organizations and entities, within existing resources, a progress report on the matter;", "report"),
    ("fr", "Prie le Secrétaire général de fournir, en consultation avec l'Organisation mondiale de la Santé, le Fonds "
           "des Nations Unies pour l'enfance, le Programme des Nations Unies pour le développement et les autres "
           "organisations compétentes, dans la limite des ressources existantes, un rapport d'étape sur la "
           "question ;", "report"),
    ("en", "Requests the Secretary-General to forward this report to the Disarmament Commission;", "dissemination"),
    ("fr", "Prie le Secrétaire général de transmettre ce rapport à la Commission du désarmement ;", "dissemination"),
    ("en", "Requests the Secretary-General to continue producing and disseminating the programmes;", "dissemination"),
    ("fr", "Prie le Secrétaire général de poursuivre la production et la diffusion des émissions ;", "dissemination"),
])
def test_what_a_light_verb_carries_past_its_asides(language, text, task):
    assert tasks(text, language) == [("secretary-general", task)]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to invite Member States to present proposals on the matter;"),
    ("fr", "Prie le Secrétaire général d'inviter les États Membres à présenter des propositions sur la question ;"),
    ("fr", "Prie le Secrétaire général d'engager les organismes des Nations Unies à entreprendre une étude ;"),
])
def test_passing_a_request_on_is_an_other_task(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text, task", [
    # an object and no infinitive: nothing is passed on, the deliverable is read as usual
    ("fr", "Prie le Secrétaire général d'encourager le renforcement de la coordination à l'appui des pays ;",
     "assistance"),
    ("en", "Requests the Secretary-General to submit to the Assembly, on an annual basis, a report to inform the "
           "discussions under the agenda item;", "report"),
    ("en", "Requests the Secretary-General to pay particular attention to the needs of the least developed countries "
           "in his report;", "other"),
    ("fr", "Prie le Secrétaire général d'accorder une attention particulière aux besoins des pays les moins avancés "
           "dans son rapport ;", "other"),
])
def test_what_is_not_passed_on_or_only_referred_to(language, text, task):
    assert tasks(text, language) == [("secretary-general", task)]


@pytest.mark.parametrize("language, text", [
    # a title in quotation marks names an item or a document: its words ask for nothing
    ("en", 'Decides to include in the provisional agenda of its eightieth session the sub-item entitled "Support '
           'for the follow-up to the high-level meeting";'),
    ("fr", "Décide d'inscrire à son ordre du jour provisoire de sa quatre-vingtième session, au titre de la question "
           "intitulée « Coopération et appui international », la question subsidiaire intitulée « Suivi de la "
           "réunion de haut niveau » ;"),
    ("fr", "Décide de conserver à son ordre du jour provisoire de sa quatre-vingtième session la question "
           "subsidiaire intitulée « Suite donnée à la réunion plénière » ;"),
])
def test_a_quoted_title_gives_no_task(language, text):
    assert mandates(text, language) == [("general-assembly", "agenda_item", "80")]


def test_a_quoted_title_gives_no_task_only_when_closed():
    # a straight mark printed against the word before it closes; a title closed by two apostrophes quotes nothing
    english = mandates("Decides that the \"Ocean Summit'' under the title \"the Second Ocean Summit\" will be held in "
                       "Lisbon in 2027;")
    assert english == [("general-assembly", "meeting", None)]
    assert mandates('Requests the Secretary-General to brief the Committee on the paper entitled "Meetings and '
                    'support";') == [("secretary-general", "oral_update", None)]


@pytest.mark.parametrize("language, text, task", [
    # "étudier" before the ways or the possibility explores them, as English "explore", "consider how best"
    ("fr", "Prie le Département de la communication globale de la communication globale d'étudier les moyens d'accroître la portée de ses programmes ;", "other"),
    ("en", "Requests the Department of Global Communications to consider how best to increase the reach of its programmes;", "other"),
    ("fr", "Prie le Département de la communication globale de la communication globale d'étudier les effets de ses programmes sur le public ;", "study"),
    # advisory services and support to projects are assistance in French as in English
    ("fr", "Prie le Département de la communication globale de répondre aux demandes de services consultatifs des États ;", "assistance"),
    ("en", "Requests the Department of Global Communications to respond to the requests of States for advisory services;", "assistance"),
    ("fr", "Prie le Département de la communication globale de la communication globale d'accompagner les projets pilotes des États ;", "assistance"),
    ("en", "Requests the Department of Global Communications to support the pilot projects of States;", "assistance"),
    # conference documents are the documents of meetings: no meeting, as conference services
    ("fr", "Prie le Département de la communication globale de veiller à la qualité des documents de conférence ;", "other"),
    # a light verb before what it brings: "apporter" as "provide"
    ("fr", "Prie le Département de la communication globale de la communication globale d'apporter au calendrier des réunions les modifications voulues ;", "meeting"),
    ("en", "Requests the Department of Global Communications to make the necessary changes to the calendar of meetings;", "meeting"),
    ("fr", "Prie le Département de la communication globale de la communication globale d'apporter son appui aux pays ;", "assistance"),
    # to report to duty takes up a post: no report
    ("en", "Requests the Department of Global Communications to assist staff who cannot report to duty on time;", "assistance"),
])
def test_french_cues_as_english_reads_them(language, text, task):
    assert tasks(text, language) == [("department-of-global-communications", task)]


@pytest.mark.parametrize("language, text", [
    # the report named as where the deliverable goes gives way to the deliverable
    ("fr", "Prie le Secrétaire général de fournir dans son prochain rapport une analyse des tendances ;"),
    ("en", "Requests the Secretary-General to provide an analysis of trends in his next report;"),
    ("es", "Solicita al Secretario General que proporcione en su próximo informe un análisis de las tendencias;"),
])
def test_a_report_named_as_the_place_gives_way(language, text):
    assert tasks(text, language) == [("secretary-general", "study")]


@pytest.mark.parametrize("language, text", [
    ("en", "Decides to consider during the eightieth session the measures required to proclaim the decade;"),
    ("fr", "Décide d'examiner, à sa quatre-vingtième session, les mesures requises pour proclamer la décennie ;"),
])
def test_considering_at_a_session_is_an_agenda_item(language, text):
    assert mandates(text, language) == [("general-assembly", "agenda_item", "80")]


@pytest.mark.parametrize("language, text, task", [
    # bringing something to someone's attention, the object between or in the passive, disseminates
    ("en", "Requests the Secretary-General to bring the recommendations of the seminar to the attention of all "
           "relevant bodies;", "dissemination"),
    ("fr", "Prie le Secrétaire général de porter les recommandations du séminaire à l'attention de tous les organes "
           "compétents ;", "dissemination"),
    ("es", "Solicita al Secretario General que señale las recomendaciones del seminario a la atención de todos los "
           "órganos competentes;", "dissemination"),
    ("en", "Requests the Secretary-General to ensure that the recommendations are brought to the attention of all "
           "relevant managers;", "dissemination"),
    ("fr", "Prie le Secrétaire général de veiller à ce que les recommandations soient portées à l'attention des "
           "directeurs concernés ;", "dissemination"),
    ("fr", "Prie le Secrétaire général de veiller à ce que les dispositions types soient portées à la connaissance "
           "des gouvernements ;", "dissemination"),
    ("fr", "Prie le Secrétaire général de veiller à ce que le recueil soit publié dans toutes les langues "
           "officielles ;", "dissemination"),
])
def test_making_known_in_every_wording(language, text, task):
    assert tasks(text, language) == [("secretary-general", task)]


@pytest.mark.parametrize("language, text, task", [
    # a report word that qualifies a noun or a process informed asks for no report
    ("en", "Requests the Secretary-General to ensure that the data in the online reporting tool are complete;",
     "other"),
    ("en", "Requests the Secretary-General to inform the next cycle of the review with his findings;", "other"),
    ("fr", "Prie le Secrétaire général d'informer le processus intergouvernemental de ses conclusions ;", "other"),
    ("en", "Requests the Secretary-General to inform the Committee of the progress made;", "report"),
    # what a deliverable is submitted for is no heed paid
    ("en", "Requests the Secretary-General to submit for consideration a progress report to the Council;", "report"),
    # keeping the public informed, with the object between, reports (not "tenir" a meeting)
    ("fr", "Prie le Secrétaire général de tenir le public au courant de la suite donnée aux affaires ;", "report"),
    ("fr", "Prie le Secrétaire général de rendre régulièrement compte au Comité des progrès accomplis ;", "report"),
    # the services and interpretation a body is given are assistance; the services its staff perform are not
    ("fr", "Prie le Secrétaire général d'assurer les services dont la Commission aura besoin ;", "assistance"),
    ("en", "Requests the Secretary-General to service the Commission within existing resources;", "assistance"),
    ("en", "Requests the Secretary-General to continue assisting the Commission in its work;", "assistance"),
    ("fr", "Prie le Secrétaire général de veiller à ce que les interprètes puissent fournir des prestations de "
           "qualité ;", "other"),
    # a means ("à l'aide de"), a follow-up ("dans le prolongement de"), a scholarship, details: no task of their own
    ("fr", "Prie le Secrétaire général de poursuivre ses travaux à l'aide de contributions volontaires ;", "other"),
    ("fr", "Prie le Secrétaire général de poursuivre ses travaux dans le prolongement du dialogue de haut niveau ;",
     "other"),
    ("fr", "Prie le Secrétaire général d'octroyer une bourse d'études au titre de la Dotation ;", "other"),
    ("fr", "Prie le Secrétaire général d'apporter des précisions sur les propositions ;", "other"),
    ("fr", "Prie le Secrétaire général de veiller à ce que le Bureau en tienne compte dans ses activités ;", "other"),
    # workshops and seminars in the plural are meetings as in the singular; convening a conference is one
    ("en", "Requests the Secretary-General to conduct online workshops for developing countries;", "meeting"),
    ("es", "Solicita al Secretario General que realice talleres en línea para los países en desarrollo;", "meeting"),
    ("fr", "Prie le Secrétaire général de réaliser des ateliers en ligne pour les pays en développement ;", "meeting"),
    ("en", "Invites the Secretary-General to consider convening a global conference on transport;", "meeting"),
    # "étudier plus avant l'idée" explores it
    ("fr", "Prie le Secrétaire général d'étudier plus avant l'idée d'un programme de bourses ;", "other"),
])
def test_report_and_assistance_words_as_the_other_version_reads_them(language, text, task):
    assert tasks(text, language) == [("secretary-general", task)]


@pytest.mark.parametrize("language, text", [
    ("en", "Decides that the Sixth Committee shall continue its consideration of the question;"),
    ("fr", "Décide que la Sixième Commission continuera d'examiner la question ;"),
])
def test_a_committee_that_continues_to_examine_keeps_the_item(language, text):
    assert [task for _, task, _ in mandates(text, language)] == ["agenda_item"]


def test_a_french_name_quoted_in_english_is_read_without_french_grammar():
    english = tasks("Requests the Secretary-General to assist the Comité de suivi de la réforme in its work;", "en")
    assert english == [("secretary-general", "assistance")]
