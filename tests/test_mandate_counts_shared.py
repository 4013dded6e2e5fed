"""Tasks one provision takes from another in the same paragraph, the same in English, French and Spanish: a
request whose addressees share the next provision's complement, and a task that repeats the one asked before it
(sentences written for these tests in the style of the Assembly's texts)."""
from __future__ import annotations

import pytest
from handmade import mandates

UNEP = "united-nations-environment-programme"
UNDP = "united-nations-development-programme"
WHO = "world-health-organization"


def test_a_request_without_complement_shares_the_next_one():
    text = ("Requests the United Nations Environment Programme, and invites the United Nations Development Programme "
            "and the World Health Organization, in cooperation with regional organizations, to provide technical "
            "assistance to small island developing States;")
    assert mandates(text) == [(UNEP, "assistance", None), (UNDP, "assistance", None), (WHO, "assistance", None)]


def test_a_request_with_its_own_complement_keeps_its_task():
    text = ("Requests the United Nations Environment Programme to submit a report on the question, and invites the "
            "United Nations Development Programme to provide technical assistance to small island developing States;")
    assert mandates(text) == [(UNEP, "report", None), (UNDP, "assistance", None)]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the United Nations Environment Programme to provide technical assistance to small island "
           "developing States, and invites the United Nations Development Programme to do likewise;"),
    ("fr", "Prie le Programme des Nations Unies pour l'environnement de fournir une assistance technique aux petits "
           "États insulaires en développement et invite le Programme des Nations Unies pour le développement à "
           "faire de même ;"),
    ("es", "Solicita al Programa de las Naciones Unidas para el Medio Ambiente que preste asistencia técnica a los "
           "pequeños Estados insulares en desarrollo e invita al Programa de las Naciones Unidas para el Desarrollo "
           "a que haga lo propio;"),
])
def test_doing_likewise_is_the_task_asked_before(language, text):
    assert mandates(text, language) == [(UNEP, "assistance", None), (UNDP, "assistance", None)]


def test_to_before_an_adjective_is_no_task():
    # "and to early warning systems": a second object of "relating to", no infinitive
    text = ("Requests the United Nations Environment Programme to intensify its support for activities relating to "
            "capacity-building and to early warning systems in developing countries;")
    assert len(mandates(text)) == 1


SG = "secretary-general"


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to strengthen support for the secretariat in order to provide services to "
           "the Committee and to facilitate the use of the expertise of its members;"),
    ("fr", "Prie le Secrétaire général de publier une note sur la question en vue de garantir la qualité des travaux "
           "du Comité et d'encourager l'évaluation de ses instruments ;"),
    ("fr", "Prie le Secrétaire général d'appuyer les activités visant à informer les jeunes et à les éloigner de la "
           "violence ;"),
    ("es", "Solicita al Secretario General que apoye las iniciativas encaminadas a promover el diálogo entre las "
           "culturas y a fortalecer la cooperación regional;"),
])
def test_an_infinitive_after_a_purpose_goes_on_with_it(language, text):
    assert len(mandates(text, language)) == 1


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to strengthen support for the secretariat in order to provide services to "
           "the Committee and to report thereon to the General Assembly at its eighty-first session;"),
    ("fr", "Prie le Secrétaire général de publier une note sur la question en vue de garantir la qualité des travaux "
           "du Comité et de lui faire rapport à sa quatre-vingt-unième session ;"),
])
def test_a_report_after_a_purpose_is_a_task(language, text):
    assert mandates(text, language)[-1] == (SG, "report", "81")
    assert len(mandates(text, language)) == 2


def test_a_comma_ends_the_purpose():
    text = ("Requests the Secretary-General to strengthen support for the secretariat in order to provide services to "
            "the Committee, and to convene a meeting of experts on the question;")
    assert [m[1] for m in mandates(text)] == ["assistance", "meeting"]


def test_an_aside_gerund_after_y_is_no_task():
    text = ("Solicita al Secretario General que siga celebrando consultas con los Estados de la región y teniendo en "
            "cuenta la evolución de la situación, y que recabe sus opiniones sobre la cuestión;")
    assert [m[1] for m in mandates(text, "es")] == ["meeting", "other"]


def test_two_verbs_of_a_relative_clause_are_one_task():
    text = ("Solicita al Secretario General que vele por que la información que recopile y transmita la Oficina sea "
            "precisa y objetiva;")
    assert len(mandates(text, "es")) == 1


def test_a_noun_in_an_aside_before_the_verb_is_no_listed_task():
    text = "Solicita al Secretario General que, en su próximo informe, proporcione un análisis de la cuestión;"
    assert len(mandates(text, "es")) == 1


def test_disponga_opens_a_task():
    text = ("Solicita al Secretario General que convoque una reunión de expertos sobre la cuestión y disponga que la "
            "Oficina le preste apoyo técnico;")
    assert [m[1] for m in mandates(text, "es")] == ["meeting", "assistance"]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to render the necessary assistance and to provide such services as may be "
           "required for the meetings of the States parties;"),
    ("en", "Requests the Secretary-General to provide the assistance and services required for the meetings of the "
           "States parties;"),
    ("fr", "Prie le Secrétaire général de fournir l'assistance voulue et les services requis pour les réunions des États "
           "parties ;"),
    ("es", "Solicita al Secretario General que preste la asistencia y los servicios que se requieran para las "
           "reuniones de los Estados partes;"),
])
def test_assistance_and_services_are_two_tasks(language, text):
    assert mandates(text, language) == [(SG, "assistance", None), (SG, "assistance", None)]


def test_assistance_to_services_is_one_task():
    text = "Requests the Secretary-General to provide assistance to the health services of the region;"
    assert len(mandates(text)) == 1


def test_a_continued_report_after_a_purpose_is_a_task():
    text = ("Prie le Secrétaire général de continuer à s'efforcer de réaliser des gains d'efficience dans le service "
            "des réunions et de continuer de faire rapport sur la question au Comité des conférences ;")
    assert [m[1] for m in mandates(text, "fr")][-1] == "report"
    assert len(mandates(text, "fr")) == 2


@pytest.mark.parametrize("language, text", [
    ("en", "Further decides that the first plenary meeting of the conference will commence at 10 a.m. on Tuesday, 4 "
           "May, and that the plenary meetings will be held as follows: Tuesday, 4 May: from 10 a.m. to 1 p.m.;"),
    ("fr", "Décide en outre que la première séance plénière de la conférence débutera le mardi 4 mai à 10 heures, et "
           "que les séances plénières se tiendront comme suit : mardi 4 mai, de 10 heures à 13 heures ;"),
    ("es", "Decide además que la primera sesión plenaria de la conferencia comenzará el martes 4 de mayo a las 10.00 "
           "horas, y que las sesiones plenarias se celebrarán como se indica a continuación: martes 4 de mayo, de las "
           "10.00 a las 13.00 horas;"),
])
def test_when_meetings_start_and_how_they_are_laid_out_is_no_task(language, text):
    assert mandates(text, language) == []


def test_a_short_gerund_after_a_continued_one_is_a_task():
    text = ("Solicita al Programa de las Naciones Unidas para el Medio Ambiente que siga prestando servicios al Comité "
            "y dando a conocer sus conclusiones a los Estados Miembros;")
    assert [m[1] for m in mandates(text, "es")] == ["assistance", "dissemination"]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Working Group to report to the General Assembly at its eighty-first session its findings on the "
           "use of private contractors to undermine the rule of law and to evade accountability;"),
    ("fr", "Prie le Groupe de travail de lui présenter à sa quatre-vingt-unième session ses conclusions sur "
           "l'utilisation de sous-traitants privés comme moyen de saper l'état de droit et d'échapper à toute "
           "responsabilité ;"),
])
def test_an_infinitive_after_a_plural_noun_goes_on_with_it(language, text):
    assert mandates(text, language) == [(None, "report", "81")]


def test_an_infinitive_after_a_named_plural_is_what_they_are_asked():
    # "Member States to present" passes a request on; "and to convene" is the Secretary-General's own task
    text = ("Requests the Secretary-General to invite Member States to present their views and to convene a meeting of "
            "experts on the question;")
    assert [m[1] for m in mandates(text)] == ["other", "meeting"]


def test_keeping_informed_after_a_purpose_is_a_task():
    text = ("Requests the Secretary-General to continue to take all necessary measures to ensure the safety of the "
            "personnel and to keep the Council fully informed of those measures through his reports;")
    assert [m[1] for m in mandates(text)] == ["other", "report"]


def test_a_plural_noun_before_a_compound_opens_no_purpose():
    text = ("Requests the Office of the High Commissioner to publicize the effects of those activities on the right of "
            "peoples to self-determination and, where necessary, to render advisory services to the States affected;")
    assert [m[1] for m in mandates(text)] == ["dissemination", "assistance"]
