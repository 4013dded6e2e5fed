"""French and Spanish mandates, on sentences written for these tests in the way the Assembly's French and
Spanish versions print them: each should give the mandates its English counterpart gives (entity, task, due
session), and a budget decision gives none in any language."""
from __future__ import annotations

import pytest
from handmade import mandates as got


@pytest.mark.parametrize("language, text, expected", [
    ("fr", "Décide de rester saisie de la question.", [("general-assembly", "agenda_item", None)]),
    ("fr", "Décide de poursuivre à sa soixante-dix-huitième session l'examen du point intitulé « Financement ».",
     [("general-assembly", "agenda_item", "78")]),
    ("es", "Decide examinar en su octogésimo período de sesiones la cuestión de la eliminación de la intolerancia;",
     [("general-assembly", "agenda_item", "80")]),
    ("en", "Decides to consider at its eightieth session the question of the elimination of intolerance;",
     [("general-assembly", "agenda_item", "80")]),
])
def test_agenda_decisions_with_the_session_inside_the_cue(language, text, expected):
    assert got(text, language) == expected


@pytest.mark.parametrize("language, text", [
    ("fr", "Prie le Secrétaire général de la tenir au courant de l'évolution de la situation ;"),
    ("es", "Solicita al Secretario General que la mantenga al corriente de la evolución de la situación;"),
    ("en", "Requests the Secretary-General to keep it informed of developments in the situation;"),
])
def test_keeping_the_assembly_informed_is_a_report(language, text):
    assert got(text, language) == [("secretary-general", "report", None)]


@pytest.mark.parametrize("language, text", [
    ("fr", "Prie le Secrétaire général de tenir dûment compte des vues des États Membres lors de la conférence ;"),
    ("en", "Requests the Secretary-General to give due consideration to the views of Member States at the "
           "conference;"),
])
def test_taking_views_into_account_is_no_meeting(language, text):
    assert got(text, language) == [("secretary-general", "other", None)]


def test_spanish_adverbial_between_que_and_its_verb():
    assert got("Solicita al Secretario General que, en su octogésimo primer período de sesiones, le presente un "
               "informe sobre la cuestión;", "es") == [("secretary-general", "report", "81")]
    assert got("Solicita a los cofacilitadores que, a más tardar en enero de 2025, presenten un informe;", "es") == \
        [(None, "report", None)]
    # an adverbial with commas of its own, and a relative "que" later in the paragraph that is no complement
    assert got("Solicita al Secretario General que, en consulta con el Programa de las Naciones Unidas para el "
               "Desarrollo, el Fondo de Población de las Naciones Unidas y otras organizaciones competentes, le "
               "presente un informe sobre la cuestión en su octogésimo período de sesiones, que servirá de base para "
               "los debates de los Estados;", "es") == [("secretary-general", "report", "80")]


def test_french_demande_au_body_the_vocabulary_lacks():
    assert got("Demande au comité intergouvernemental spécial de lui soumettre, à sa soixante-dix-neuvième session, "
               "un rapport ;", "fr") == [(None, "report", "79")]


@pytest.mark.parametrize("language, text", [
    ("en", "Decides that there shall be set off against the apportionment among Member States their respective "
           "share in the estimated staff assessment income of 1,000 dollars;"),
    ("en", "Decides to appropriate to the special account for the support account for peacekeeping operations the "
           "amount of 1,000 dollars;"),
    ("fr", "Décide d'inscrire au compte d'appui aux opérations de maintien de la paix un montant de 1 000 dollars ;"),
    ("es", "Decide consignar en la cuenta de apoyo para las operaciones de mantenimiento de la paz la suma de "
           "1.000 dólares;"),
])
def test_budget_decisions_give_no_mandate(language, text):
    assert got(text, language) == []


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to continue to provide the Independent Expert with all the human and "
           "financial resources necessary;"),
    ("fr", "Prie le Secrétaire général de continuer à donner à l'Expert indépendant toutes les ressources humaines et "
           "financières nécessaires ;"),
    ("fr", "Prie le Secrétaire général de mettre à la disposition de l'Experte indépendante toutes les ressources "
           "nécessaires ;"),
    ("es", "Solicita al Secretario General que siga proporcionando al Experto Independiente todos los recursos "
           "humanos y financieros necesarios;"),
])
def test_providing_resources_is_assistance(language, text):
    assert got(text, language) == [("secretary-general", "assistance", None)]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to monitor the imposition of such measures and to study their impact;"),
    ("fr", "Prie le Secrétaire général de suivre l'imposition de telles mesures et d'étudier leurs répercussions ;"),
    ("es", "Solicita al Secretario General que vigile la imposición de tales medidas y estudie sus repercusiones;"),
])
def test_second_task_after_and_is_a_study(language, text):
    assert got(text, language) == [("secretary-general", "other", None), ("secretary-general", "study", None)]


def test_spanish_bare_noun_after_y_is_no_second_task():
    assert got("Solicita al Secretario General que presente un informe sobre investigación y desarrollo;", "es") == \
        [("secretary-general", "report", None)]


@pytest.mark.parametrize("language, text", [
    ("en", "Decides to apportion among Member States the amount of 5 dollars, subject to a decision of the Security "
           "Council to extend the mandate of the Mission;"),
    ("fr", "Décide, sous réserve que le Conseil de sécurité décide de proroger le mandat de la Mission, de répartir "
           "entre les États Membres un montant de 5 dollars ;"),
    ("es", "Decide prorratear entre los Estados Miembros la suma de 5 dólares, siempre que el Consejo de Seguridad "
           "decida prorrogar el mandato de la Misión;"),
])
def test_a_condition_on_the_councils_extension_is_no_mandate(language, text):
    assert got(text, language) == []


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to take, in consultation with the Commission, all appropriate steps;"),
    ("fr", "Prie le Secrétaire général de prendre, en consultation avec la Commission, toutes les mesures voulues ;"),
    ("es", "Solicita al Secretario General que adopte, en consulta con la Comisión, todas las medidas apropiadas;"),
])
def test_a_partner_phrase_gives_no_meeting(language, text):
    assert got(text, language) == [("secretary-general", "other", None)]


@pytest.mark.parametrize("language, text, due", [
    ("es", "Solicita al Secretario General que en su octagésimo período de sesiones le presente un informe;", "80"),
    ("es", "Solicita al Secretario General que le presente en sus períodos de sesiones septuagésimo noveno y "
           "octogésimo un informe;", "79"),
    ("es", "Solicita al Secretario General que le presente un informe en su 79º período de sesiones;", "79"),
    ("fr", "Prie le Secrétaire général de lui présenter à ses soixante-dix-neuvième et quatre-vingtième sessions "
           "un rapport ;", "79"),
    ("fr", "Prie le Secrétaire général de lui présenter un rapport à sa 79e session ;", "79"),
    ("en", "Requests the Secretary-General to submit a report to the General Assembly at its seventy-ninth and "
           "eightieth sessions;", "79"),
])
def test_due_session_in_other_spellings(language, text, due):
    assert got(text, language) == [("secretary-general", "report", due)]


@pytest.mark.parametrize("text, expected", [
    # a clitic that is also an article ("la" = the Assembly) before the second verb
    ("Solicita al Secretario General que siga apoyando a la Comisión y que la informe al respecto en su "
     "octogésimo período de sesiones;", [("secretary-general", "assistance", None), ("secretary-general", "report", "80")]),
    ("Solicita al Secretario General que estudie la cuestión y la informe en su octogésimo período de sesiones;",
     [("secretary-general", "study", None), ("secretary-general", "report", "80")]),
    # "a" after "informe" is a preposition, not the pronoun "a este último"
    ("Solicita al Secretario General que convoque una reunión y que informe a la Asamblea General en su octogésimo "
     "período de sesiones;", [("secretary-general", "meeting", None), ("secretary-general", "report", "80")]),
    # a second marker after the join
    ("Invita al Relator Especial sobre el derecho a la alimentación a que convoque una reunión, y a que le presente "
     "un informe;", [("special-rapporteur-on-the-right-to-food", "meeting", None),
                     ("special-rapporteur-on-the-right-to-food", "report", None)]),
    # "lo" stands for the report the first task prepares: one mandate, as "and to submit it"
    ("Solicita al Secretario General que prepare un informe sobre la cuestión y que se lo presente en su octogésimo "
     "período de sesiones;", [("secretary-general", "report", "80")]),
])
def test_spanish_second_subjunctive_after_y_que(text, expected):
    assert got(text, "es") == expected


def test_spanish_bare_verb_segment_keeps_its_addressee():
    """"y siga velando por que la Oficina ..." is still the Secretary-General's task, not the Office's."""
    assert got("Solicita al Secretario General que preste asistencia a la Comisión y siga velando por que la Oficina "
               "del Alto Comisionado de las Naciones Unidas para los Derechos Humanos pueda atender las solicitudes;",
               "es") == [("secretary-general", "assistance", None), ("secretary-general", "other", None)]


@pytest.mark.parametrize("language, text, due", [
    ("es", "Decide incluir en el programa provisional de su octogésimo primer período de sesiones el tema titulado "
           "\"Cuestión\", con miras a examinar el informe aprobado en su 60º período de sesiones;", "81"),
    ("en", "Decides to include in the provisional agenda of its eighty-first session the item entitled \"Question\", "
           "in the light of the report adopted at its sixtieth session;", "81"),
    ("es", "Solicita al Secretario General que presente un informe oral a la Comisión de la Condición Jurídica y "
           "Social de la Mujer en sus períodos de sesiones 70º y 71º;", "70"),
])
def test_due_session_of_the_provisional_agenda_and_plural_digits(language, text, due):
    assert [m[2] for m in got(text, language)] == [due]


def test_special_procedure_named_with_its_council_inside():
    assert got("Solicita al Relator Especial del Consejo de Derechos Humanos sobre el derecho a la alimentación que "
               "le presente un informe;", "es") == [("special-rapporteur-on-the-right-to-food", "report", None)]


def test_a_title_cut_short_is_not_a_short_name_when_it_names_another():
    """"Secretario General" is the Secretary-General's own name, not a short form of "Secretario General Adjunto
    de Asuntos Políticos ..." that the same resolution names."""
    assert got("Acoge con beneplácito la labor del Secretario General Adjunto de Asuntos Políticos y de Consolidación "
               "de la Paz y solicita al Secretario General que le presente un informe;", "es") == \
        [("secretary-general", "report", None)]


@pytest.mark.parametrize("text, expected", [
    ("Reitera sus solicitudes al Secretario General de que le presente un informe;",
     [("secretary-general", "report", None)]),
    ("Reitera sus anteriores solicitudes a la Relatora Especial sobre el derecho a la alimentación para que le "
     "presente un informe;", [("special-rapporteur-on-the-right-to-food", "report", None)]),
    ("Reitera la solicitud que formuló al Secretario General de que prestara asistencia a la Dependencia;",
     [("secretary-general", "assistance", None)]),
    ("Recuerda la solicitud que hizo a su Presidencia para que convoque una reunión de alto nivel;",
     [("president-of-the-general-assembly", "meeting", None)]),
    # a call on States made again is no mandate
    ("Reitera sus llamamientos a todos los Estados para que aumenten sus contribuciones;", []),
])
def test_spanish_request_made_again(text, expected):
    assert got(text, "es") == expected


@pytest.mark.parametrize("text, expected", [
    # a clitic before the verb stands for a body the vocabulary does not know
    ("Acoge con beneplácito las actividades del Centro Regional y le solicita que siga colaborando con los "
     "Estados;", [(None, "other", None)]),
    ("Observa con preocupación la situación, por lo que solicita al Secretario General que le presente un informe;",
     [("secretary-general", "report", None)]),
    ("Considera importante ampliar sus actividades, y a estos fines solicita al Secretario General que difunda "
     "material;", [("secretary-general", "dissemination", None)]),
])
def test_spanish_request_after_a_clitic_or_an_adverbial(text, expected):
    assert got(text, "es") == expected


def test_spanish_plural_name_gives_no_singular_short_name():
    """"organismos de las Naciones Unidas" names the system; "el Organismo" is still the agency named in full
    (keys drop the plural's "s", so the two looked alike)."""
    assert got("Encomia la labor del Organismo de Obras Públicas y Socorro de las Naciones Unidas para los "
               "Refugiados de Palestina en el Cercano Oriente y de los organismos de las Naciones Unidas, de las "
               "Naciones Unidas y de las entidades de las Naciones Unidas, y solicita al Organismo que siga "
               "prestando servicios;", "es") == \
        [("united-nations-relief-and-works-agency-for-palestine-refugees-in-the-near-east", "assistance", None)]


def test_spanish_de_inside_a_name_is_no_complement():
    """"el grupo de trabajo": "de" goes on with the name; the short name "grupo" of "Grupo de Expertos" is not it."""
    assert got("Acoge con beneplácito la labor del Grupo de Expertos sobre la República Centroafricana y solicita a "
               "la Presidencia del grupo de trabajo de composición abierta que convoque una reunión;", "es") == \
        [(None, "meeting", None)]


@pytest.mark.parametrize("language, text, entity", [
    ("en", "Requests the Committee on the Peaceful Uses of Outer Space to convene a meeting;",
     "committee-on-the-peaceful-uses-of-outer-space"),
    ("es", "Solicita a la Comisión sobre la Utilización del Espacio Ultraterrestre con Fines Pacíficos que convoque "
           "una reunión;", "committee-on-the-peaceful-uses-of-outer-space"),
])
def test_outer_space_committee_is_named(language, text, entity):
    assert got(text, language) == [(entity, "meeting", None)]


@pytest.mark.parametrize("text, expected", [
    # the list follows "que:" / "Decide:" with no marker before it; each item is a task of its own, and what an
    # item's verb acts on ("el memorando suscrito con el PNUD") is not who is asked
    ("Solicita al Secretario General que: a) Siga interponiendo sus buenos oficios; b) Presente un informe en su "
     "octogésimo período de sesiones; c) Apoye la aplicación del memorando suscrito con el Programa de las Naciones "
     "Unidas para el Desarrollo;", [("secretary-general", "assistance", None), ("secretary-general", "report", "80"),
                                   ("secretary-general", "assistance", None)]),
    ("Decide: a) Seguir examinando la cuestión en su octogésimo período de sesiones; b) Solicitar al Secretario "
     "General que le presente un informe en su octogésimo período de sesiones;",
     [("general-assembly", "agenda_item", "80"), ("secretary-general", "report", "80")]),
])
def test_spanish_lists_without_a_marker_before_them(text, expected):
    assert got(text, "es") == expected


@pytest.mark.parametrize("text, expected", [
    ("Decide incluir en el programa provisional de su octogésimo período de sesiones el tema titulado \"Cuestión\" y "
     "convocar en relación con ese tema una reunión de alto nivel;",
     [("general-assembly", "agenda_item", "80"), ("general-assembly", "meeting", None)]),
    # two verbs of one purpose are one task
    ("Decide convocar una reunión de alto nivel para promover la cooperación y fortalecer la capacidad;",
     [("general-assembly", "meeting", None)]),
])
def test_spanish_decision_coordinated_infinitives(text, expected):
    assert got(text, "es") == expected


def test_spanish_compound_title_as_short_name():
    """"el Grupo de Trabajo Intergubernamental" after the full name: "de Trabajo" is part of the title."""
    assert got("Acoge con beneplácito la labor del Grupo de Trabajo Intergubernamental sobre la Aplicación Efectiva "
               "de la Declaración y el Programa de Acción de Durban y solicita al Grupo de Trabajo Intergubernamental "
               "que le presente un informe;", "es") == \
        [("intergovernmental-working-group-on-the-effective-implementation-of-the-durban-declaration-and-programme-"
          "of-action", "report", None)]


@pytest.mark.parametrize("language, text, due", [
    ("en", "Requests the Secretary-General to submit to the General Assembly and the Human Rights Council at their "
           "eightieth and sixty-first sessions, respectively, a report;", "80"),
    ("en", "Requests the Secretary-General to submit the revised strategy by no later than the seventy-ninth "
           "session;", "79"),
    ("es", "Solicita al Secretario General que la informe, antes de que finalice su octogésimo período de sesiones, "
           "sobre las medidas adoptadas;", "80"),
    ("es", "Solicita al Secretario General que le presente esos textos con suficiente antelación a su octogésimo primer "
           "período de sesiones;", "81"),
])
def test_due_session_their_no_later_than_before_it_ends(language, text, due):
    assert [m[2] for m in got(text, language)] == [due]


@pytest.mark.parametrize("text, expected", [
    # the short name before "para que" (a complement, not "Relatora Especial para ..." of another name)
    ("Acoge con beneplácito el informe de la Relatora Especial sobre el derecho a la alimentación y reitera sus "
     "anteriores solicitudes a la Relatora Especial para que le presente un informe;",
     [("special-rapporteur-on-the-right-to-food", "report", None)]),
    # "la Relatora Especial de los Principios": "de" + article goes on after the short name; the singular clitic
    # "le" stands for her, not for the "no gubernamentales" named last
    ("Acoge con beneplácito la labor de la Relatora Especial sobre el derecho a la alimentación y el uso por la "
     "Relatora Especial de los Principios Rectores en su diálogo con las organizaciones intergubernamentales y no "
     "gubernamentales, y le solicita que difunda los Principios Rectores;",
     [("special-rapporteur-on-the-right-to-food", "dissemination", None)]),
    ("Pone de relieve la importancia de los idiomas, reafirma a este respecto su solicitud de que el Secretario General "
     "le presente un informe;", [("secretary-general", "report", None)]),
])
def test_spanish_short_names_clitics_and_requests_that(text, expected):
    assert got(text, "es") == expected


def test_spanish_coordinated_report_deliverables():
    """"a saber, un informe ... y un informe ...": the reports listed are due on their own (English "namely a report
    ... and a report ..."), the comma after "a saber" opens the list, not a deliverable."""
    assert got("Solicita al Secretario General que prepare informes para examinarlos en su octogésimo período de "
               "sesiones, a saber, un informe sobre los océanos y un informe sobre el tema de la reunión;", "es") == \
        [("secretary-general", "report", "80"), ("secretary-general", "report", None)]


@pytest.mark.parametrize("text, expected", [
    # a list of "que" clauses: the comma before a subjunctive opens a task, a relative clause ("que figuran") none
    ("Solicita al Secretario General que convoque una reunión sobre los mandatos, que figuran en el Marco, que "
     "refuerce el programa de asistencia y que presente un informe;",
     [("secretary-general", "meeting", None), ("secretary-general", "assistance", None),
      ("secretary-general", "report", None)]),
    # a parenthesis between "y" and the subjunctive
    ("Solicita al Secretario General que convoque una reunión y, en estrecha colaboración con los Estados Miembros, "
     "difunda sus conclusiones;", [("secretary-general", "meeting", None), ("secretary-general", "dissemination", None)]),
    ("Invita al Departamento de Comunicación Global a que siga facilitando la cooperación y formule medios para difundir "
     "información;", [("department-of-global-communications", "other", None),
                     ("department-of-global-communications", "dissemination", None)]),
])
def test_spanish_more_coordinated_subjunctives(text, expected):
    assert got(text, "es") == expected


@pytest.mark.parametrize("text", [
    "Decide que el comité especial celebrará un período de sesiones de organización de tres días en 2024;",
    "Decide que se celebrarán dos mesas redondas de alto nivel durante la conferencia;",
    "Decide también que el grupo de trabajo se reunirá en Nueva York durante un máximo de diez días;",
])
def test_spanish_decisions_in_the_future_tense_give_a_meeting(text):
    """The Assembly's Spanish decides in the future indicative what English says with "shall hold" / "will be held"."""
    assert got(text, "es") == [("general-assembly", "meeting", None)]
