"""How many mandates a paragraph gives, the same in English, French and Spanish: coordinated tasks, lists,
asides and shared objects (sentences written for these tests in the style of the Assembly's texts)."""
from __future__ import annotations

import pytest
from handmade import mandates

SG = "secretary-general"


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to submit to the General Assembly at its eighty-first session a report on "
           "the question, taking into account the views of Member States, and to make recommendations thereon;"),
    ("fr", "Prie le Secrétaire général de lui présenter à sa quatre-vingt-unième session un rapport sur la question, "
           "en tenant compte des vues des États Membres, et de formuler des recommandations à ce sujet ;"),
    ("es", "Solicita al Secretario General que le presente en su octogésimo primer período de sesiones un informe "
           "sobre la cuestión, teniendo en cuenta las opiniones de los Estados Miembros, y que formule "
           "recomendaciones al respecto;"),
])
def test_a_participle_aside_keeps_the_task_after_it(language, text):
    # French ", en tenant compte de ..." opens a provision of its own; the request goes on after it
    assert mandates(text, language) == [(SG, "report", "81"), (SG, "other", None)]


def test_a_participle_aside_before_the_complement_is_skipped():
    text = ("Prie le Secrétaire général, en tenant compte des travaux du groupe chargé d'examiner la question, de "
            "continuer à lui faire rapport sur la situation financière du Bureau et de continuer à veiller à ce que "
            "le Bureau dispose de ressources suffisantes ;")
    assert [m[1] for m in mandates(text, "fr")] == ["report", "assistance"]


def test_a_participle_that_asks_others_is_no_aside():
    # "en invitant les États à ..." asks the States: its "et à" gives the Secretary-General nothing
    text = ("Prie le Secrétaire général de lui présenter un rapport sur la question, en invitant les États Membres à "
            "communiquer leurs vues et à coopérer avec lui ;")
    assert [m[:2] for m in mandates(text, "fr")] == [(SG, "report")]


@pytest.mark.parametrize("language, text", [
    ("fr", "Prie le Secrétaire général de suivre de près la situation, de solliciter les vues des États "
           "Membres et de lui faire rapport à sa quatre-vingt-unième session ;"),
    ("es", "Solicita al Secretario General que vigile la situación, recabe las opiniones de los Estados "
           "Miembros y que la informe en su octogésimo primer período de sesiones;"),
])
def test_a_list_of_tasks_after_commas(language, text):
    assert [m[1] for m in mandates(text, language)] == ["other", "other", "report"]
    assert mandates(text, language)[-1] == (SG, "report", "81")


def test_a_noun_after_the_marker_is_no_listed_task():
    text = ("Prie le Secrétaire général de diffuser largement le rapport, de manière à sensibiliser le public, et de "
            "lui faire rapport ;")
    assert [m[1] for m in mandates(text, "fr")] == ["dissemination", "report"]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to organize and to chair two meetings on the question;"),
    ("fr", "Prie son président d'organiser et de présider deux réunions sur la question ;"),
    ("fr", "Prie le Secrétaire général de continuer à recueillir et à analyser les données sur la question ;"),
    ("es", "Solicita al Secretario General que organice y presida dos reuniones sobre la cuestión;"),
    ("es", "Solicita al Secretario General que, siguiendo la práctica establecida, prepare y distribuya un resumen;"),
])
def test_verbs_that_share_one_object_are_one_task(language, text):
    assert len(mandates(text, language)) == 1


@pytest.mark.parametrize("language, text, tasks", [
    ("fr", "Prie le Secrétaire général de lui rendre compte et de formuler des recommandations ;", ["report", "other"]),
    ("en", "Requests the Secretary-General to report and to make recommendations;", ["report", "other"]),
    ("fr", "Prie le Secrétaire général d'envisager et de rendre compte des moyens de renforcer les centres ;",
     ["other", "report"]),
    # a verb with its object before the join: "raise awareness", "pay due attention", "continue its efforts"
    ("en", "Requests the Department of Global Communications to raise awareness of and to disseminate information on "
           "the Decade;", ["other", "dissemination"]),
    ("en", "Requests the Secretary-General to continue his efforts and to keep the General Assembly informed;",
     ["other", "report"]),
])
def test_verbs_with_objects_or_reports_stay_tasks_of_their_own(language, text, tasks):
    assert [m[1] for m in mandates(text, language)] == tasks


def test_spanish_second_task_after_y_de_que():
    text = ("Reitera su solicitud al Secretario General de que prosiga sus esfuerzos por mejorar la situación y de "
            "que informe al respecto en su próximo informe;")
    assert [m[1] for m in mandates(text, "es")] == ["other", "report"]


def test_spanish_gerund_in_yendo_continues_a_task():
    text = ("Solicita al Secretario General que siga mejorando la información del sitio web e incluyendo los "
            "informes de los seminarios regionales;")
    assert len(mandates(text, "es")) == 2


@pytest.mark.parametrize("language, text, n", [
    # a word of the first task's subject named again is another task ("la erradicación" is no deliverable)
    ("es", "Solicita al Secretario General que le presente un informe sobre la erradicación de la pobreza rural y que "
           "incluya la erradicación de la pobreza entre las prioridades del debate general;", 2),
    ("en", "Requests the Secretary-General to keep under review the security policy and to enhance the security of "
           "local staff;", 2),
    # what the first task made, named again, is the same task ("a plan of action ... the plan")
    ("en", "Requests the Office to prepare a plan of action on the question and to submit the plan to the Council;", 1),
    ("fr", "Prie le Secrétaire général d'établir un rapport sur la question et de présenter le rapport au Conseil ;", 1),
])
def test_a_deliverable_named_again(language, text, n):
    assert len(mandates(text, language)) == n


def test_spanish_enclitic_gerund_continues_a_task():
    text = ("Solicita al Secretario General que siga informando sobre la situación financiera de la Oficina y "
            "asegurándose de que esta disponga de recursos suficientes;")
    assert [m[1] for m in mandates(text, "es")] == ["report", "assistance"]


@pytest.mark.parametrize("language, text", [
    ("en", "Decides to convene in 2027 a conference on the question to assess the progress made and to support the "
           "work of the regional commissions;"),
    ("fr", "Décide de convoquer en 2027 une conférence sur la question afin d'évaluer les progrès accomplis et "
           "d'appuyer les travaux des commissions régionales ;"),
    ("es", "Decide convocar en 2027 una conferencia sobre la cuestión para evaluar los progresos realizados, "
           "determinando los obstáculos encontrados, y apoyar la labor de las comisiones regionales;"),
    ("es", "Decide convocar en Ginebra un grupo de trabajo de composición abierta, cuya labor se basará en la del grupo "
           "anterior, para que perfeccione el concepto y preste asistencia técnica a los Estados que la soliciten;"),
])
def test_what_a_created_meeting_or_body_is_for_is_one_task(language, text):
    # the infinitives after the purpose are the conference's work, not more tasks of the Assembly
    assert len(mandates(text, language)) == 1


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to convene a meeting of experts to review the progress made and to "
           "report thereon to the General Assembly at its eighty-first session;"),
    ("fr", "Prie le Secrétaire général de convoquer une réunion d'experts afin d'examiner les progrès accomplis et de "
           "lui faire rapport à ce sujet à sa quatre-vingt-unième session ;"),
    ("es", "Solicita al Secretario General que convoque una reunión de expertos para examinar los progresos realizados y "
           "que la informe al respecto en su octogésimo primer período de sesiones;"),
])
def test_a_report_after_the_purpose_of_a_meeting_is_a_task(language, text):
    assert mandates(text, language) == [(SG, "meeting", None), (SG, "report", "81")]


def test_infinitives_listed_after_commas_are_no_purpose():
    text = ("Requests the Secretary-General to convene the meetings of the group, to provide it with the facilities "
            "necessary for its work, to publish its findings, and to arrange for the support of the Secretariat;")
    assert len(mandates(text)) == 2


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to continue to monitor the situation, as well as to make recommendations on "
           "the question;"),
    ("fr", "Prie le Secrétaire général de continuer à suivre la situation, ainsi que de formuler des recommandations "
           "sur la question ;"),
    ("fr", "Invite le Secrétaire général à continuer à suivre la situation, ainsi qu'à formuler des recommandations "
           "sur la question ;"),
    ("es", "Solicita al Secretario General que siga vigilando la situación, así como que formule recomendaciones sobre "
           "la cuestión;"),
])
def test_as_well_as_joins_two_tasks(language, text):
    assert len(mandates(text, language)) == 2


def test_reporting_again_after_as_well_as_is_one_report():
    text = ("Requests the Special Rapporteur to continue to report on the situation, as well as to report on the "
            "follow-up given to the recommendations;")
    assert [m[1] for m in mandates(text)] == ["report"]


@pytest.mark.parametrize("language, text", [
    ("en", "Recalls its request in resolution 75/300 that the Secretary-General submit a report on the question;"),
    ("en", "Recalls its request, in paragraph 5 of resolution 75/300, for the Secretary-General to convene a meeting;"),
    ("fr", "Rappelle la demande formulée au paragraphe 5 de sa résolution 75/300, tendant à ce que le Secrétaire "
           "général lui présente un rapport sur la question ;"),
    ("es", "Recuerda la solicitud que formuló en su resolución 75/300 de que el Secretario General le presentara un "
           "informe sobre la cuestión;"),
])
def test_a_request_recalled_with_its_resolution_is_a_citation(language, text):
    assert mandates(text, language) == []


def test_a_request_made_again_is_a_mandate():
    assert mandates("Reiterates its request to the Secretary-General to submit a report on the question;") == \
        [(SG, "report", None)]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretariat to prepare a list of the experts available and to circulate it widely before "
           "the session;"),
    ("fr", "Prie le Secrétariat d'établir une liste des experts disponibles et de la diffuser largement avant la "
           "session ;"),
    ("es", "Solicita a la Secretaría que elabore una lista de los expertos disponibles y la distribuya ampliamente "
           "antes del período de sesiones;"),
    ("en", "Requests the Secretary-General to pay due attention and to give full consideration to the "
           "recommendations of the Committee;"),
    ("fr", "Prie le Secrétaire général d'accorder l'attention voulue aux recommandations du Comité et de les examiner "
           "sans tarder ;"),
    ("es", "Solicita al Secretario General que preste la debida atención a las recomendaciones del Comité y las "
           "examine sin demora;"),
])
def test_a_second_verb_on_the_same_object_is_one_task(language, text):
    assert len(mandates(text, language)) == 1


@pytest.mark.parametrize("language, text", [
    ("fr", "Prie le Secrétaire général de suivre la situation dans la région et de la tenir informée de l'évolution "
           "de la question ;"),
    ("es", "Solicita al Secretario General que vigile la situación en la región y la informe sobre la evolución de "
           "la cuestión;"),
])
def test_a_clitic_before_a_report_verb_names_who_is_informed(language, text):
    assert [m[1] for m in mandates(text, language)] == ["other", "report"]


def test_an_agenda_item_named_again_is_the_same_decision():
    text = ("Decides to include in the provisional agenda of its eighty-first session the sub-item entitled "
            "\"Sport and peace\" and to consider the sub-item before the next Olympic Games, to be held in 2028;")
    assert mandates(text) == [("general-assembly", "agenda_item", "81")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to accelerate the establishment of the regional centre and report on its "
           "status to the General Assembly at its eighty-first session;"),
    ("fr", "Prie le Secrétaire général d'accélérer la création du centre régional et de rendre compte à l'Assemblée "
           "générale, à sa quatre-vingt-unième session, des progrès réalisés ;"),
    ("es", "Solicita al Secretario General que acelere el establecimiento del centro regional e informe a la Asamblea "
           "General en su octogésimo primer período de sesiones sobre los avances;"),
])
def test_a_report_after_and_without_its_marker_is_a_task(language, text):
    assert mandates(text, language)[-1] == (SG, "report", "81")
    assert len(mandates(text, language)) == 2


def test_the_noun_report_after_and_is_no_task():
    text = "Requests the Secretary-General to submit a study and report of the expert group to the General Assembly;"
    assert len(mandates(text)) == 1


def test_an_agenda_decision_after_a_purpose_is_a_task():
    text = ("Decide organizar una mesa redonda de la Primera Comisión para responder a los retos de las actividades "
            "espaciales e incluir en el programa provisional de su octogésimo primer período de sesiones el subtema "
            "titulado \"Mesa redonda\";")
    assert [m[1:] for m in mandates(text, "es")] == [("meeting", None), ("agenda_item", "81")]


def test_a_decision_on_when_and_how_long_a_meeting_is_held_is_no_task():
    text = ("Decides that the period of the informal consultations on the draft resolution should not exceed six days, "
            "and that the consultations should be scheduled in such a way that delegations can attend them;")
    assert mandates(text) == []
