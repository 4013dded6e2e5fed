"""Spanish task types against English on sentences written for these tests in the way the Assembly prints its
versions: the same deliverable gives the same task (docs/mandates.md, "How extraction finds them")."""
from __future__ import annotations

import pytest
from handmade import mandates


def tasks(text: str, language: str) -> list[tuple[str | None, str]]:
    return [(entity, task) for entity, task, _ in mandates(text, language)]


def same(english: str, spanish: str) -> list[tuple[str | None, str]]:
    en, es = tasks(english, "en"), tasks(spanish, "es")
    assert en == es
    return en


def test_an_infinitive_with_its_object_pronouns_keeps_its_cue():
    assert same("Requests the Secretary-General to strive to disseminate them widely;",
                "Solicita al Secretario General que procure difundirlos ampliamente;") == \
        [("secretary-general", "dissemination")]
    assert tasks("Solicita al Secretario General que procure presentárselo a la Asamblea General;", "es") == \
        [("secretary-general", "report")]
    # a verb made reflexive is still itself, not a cue read from its stem
    assert tasks("Decide que el grupo de trabajo deberá reunirse en Ginebra;", "es")[0][1] == "meeting"


def test_the_plural_subjunctive_reports():
    assert same("Requests the Secretary-General and the Department of Global Communications to report regularly "
                "to the General Assembly;",
                "Solicita al Secretario General y al Departamento de Comunicación Global que informen "
                "periódicamente a la Asamblea General;") == \
        [("secretary-general", "report"), ("department-of-global-communications", "report")]


def test_a_committee_decided_to_go_on_examining_keeps_the_item():
    assert same("Decides that the Sixth Committee shall continue its consideration of the scope of the principle;",
                "Decide que la Sexta Comisión siga examinando el alcance del principio;")[0][1] == "agenda_item"


def test_a_request_passed_on_is_an_other_task():
    assert same("Requests the Secretary-General to urge the relevant agencies to undertake a study on the effects "
                "of the pollution;",
                "Solicita al Secretario General que inste a los organismos competentes a que realicen un estudio "
                "sobre los efectos de la contaminación;") == [("secretary-general", "other")]


@pytest.mark.parametrize("english, spanish, task", [
    ("Requests the Secretary-General to continue, in his capacity as chair of the technical assistance group, to "
     "inform Member States about its activities;",
     "Solicita al Secretario General que, en su calidad de presidente del grupo de asistencia técnica, siga "
     "informando a los Estados Miembros sobre sus actividades;", "report"),
    ("Requests the Secretary-General, following consultations with the advisory group, to submit recommendations "
     "on the programme;",
     "Solicita al Secretario General que, previa consulta con el grupo consultivo, presente recomendaciones "
     "sobre el programa;", "report"),
])
def test_an_aside_on_capacity_or_consultation_gives_no_task(english, spanish, task):
    assert same(english, spanish) == [("secretary-general", task)]


def test_a_report_cited_after_a_contracted_article_is_no_report():
    assert same("Requests the Secretary-General to maintain the websites listed in the annex to the report of the "
                "Secretary-General on the programme;",
                "Solicita al Secretario General que mantenga los sitios web enumerados en el anexo del informe del "
                "Secretario General sobre el programa;") == [("secretary-general", "other")]


@pytest.mark.parametrize("english, spanish", [
    ("Requests the Secretary-General to prepare a handbook based on the principles of the High-level Panel;",
     "Solicita al Secretario General que elabore un manual basado en los principios del Panel de Alto Nivel;"),
    ("Requests the Secretary-General to continue to ensure coherence through the Coordination and Support Group;",
     "Solicita al Secretario General que siga asegurando la coherencia por conducto del Grupo de Coordinación y "
     "Apoyo;"),
])
def test_a_task_word_inside_a_name_is_no_cue(english, spanish):
    assert same(english, spanish) == [("secretary-general", "other")]


def test_a_subparagraph_verb_is_still_a_cue():
    assert tasks("Requests the Secretary-General: (a) To convene a workshop on the matter;", "en") == \
        [("secretary-general", "meeting")]
    assert tasks("Solicita al Secretario General que: a) Convoque un taller sobre la cuestión;", "es") == \
        [("secretary-general", "meeting")]


def test_the_adjective_brief_is_no_briefing():
    assert same("Requests the Secretary-General to present a brief and concise draft declaration;",
                "Solicita al Secretario General que presente un proyecto de declaración breve y conciso;") == \
        [("secretary-general", "report")]
    assert tasks("Requests the Secretary-General to brief the Council on the matter;", "en") == \
        [("secretary-general", "oral_update")]


@pytest.mark.parametrize("english, spanish, task", [
    ("Requests the Secretary-General to ensure the allocation of appropriate resources to the Division;",
     "Solicita al Secretario General que vele por que se asignen a la División recursos apropiados;", "assistance"),
    ("Requests the Secretary-General to ensure that the Office is able to respond to the requests for advisory "
     "services;",
     "Solicita al Secretario General que vele por que la Oficina pueda atender las solicitudes de servicios de "
     "asesoramiento;", "assistance"),
    ("Requests the Secretary-General to ensure the full involvement of country teams in the preparations for the "
     "conference;",
     "Solicita al Secretario General que asegure la plena participación de los equipos en los países en los "
     "preparativos de la conferencia;", "other"),
])
def test_cues_both_versions_print(english, spanish, task):
    assert same(english, spanish) == [("secretary-general", task)]


def test_an_agenda_item_named_as_the_setting_decides_nothing():
    assert same("Requests the Secretary-General to submit an annual report to inform the discussions under the agenda "
                "item on the programme;",
                "Solicita al Secretario General que presente un informe anual para las deliberaciones sobre el tema "
                "del programa relativo al programa;") == [("secretary-general", "report")]
    assert tasks("Solicita al Secretario General que presente un informe en relación con el tema del programa "
                 "titulado \"Desarrollo sostenible\";", "es") == [("secretary-general", "report")]


def test_a_purpose_of_consideration_pays_no_attention():
    assert same("Requests the Secretary-General to submit for consideration a report on the programme;",
                "Solicita al Secretario General que presente, para su examen, un informe sobre el programa;") == \
        [("secretary-general", "report")]
    assert tasks("Requests the Secretary-General to give due consideration to the needs of small States;", "en") == \
        [("secretary-general", "other")]


def test_studying_the_way_to_do_explores():
    assert same("Requests the Secretary-General to continue to seek ways to promote workload-sharing;",
                "Solicita al Secretario General que siga estudiando el modo de promover el reparto de la carga de "
                "trabajo;") == [("secretary-general", "other")]


def test_a_gerund_with_its_object_pronoun_keeps_its_cue():
    assert tasks("Solicita al Relator Especial que siga presentándole sus conclusiones;", "es")[0][1] == "report"


def test_helping_to_do_is_an_other_task():
    assert same("Requests the Secretary-General to develop recommendations to help to ensure coherent procedures;",
                "Solicita al Secretario General que formule recomendaciones para ayudar a conseguir procedimientos "
                "coherentes;") == [("secretary-general", "other")]
    assert tasks("Solicita al Secretario General que siga ayudando a los Estados Miembros;", "es") == \
        [("secretary-general", "assistance")]


def test_a_request_passed_on_with_an_object_pronoun():
    assert same("Requests the President of the General Assembly to invite the Department of Global Communications to "
                "support him;",
                "Solicita al Presidente de la Asamblea General que invite al Departamento de Comunicación Global a "
                "prestarle apoyo;") == [("president-of-the-general-assembly", "other")]


def test_a_light_verb_takes_its_own_object_first():
    assert same("Requests the Secretary-General to continue to provide technical assistance to Member States for the "
                "collection and analysis of evidence;",
                "Solicita al Secretario General que siga prestando asistencia técnica a los Estados Miembros para la "
                "reunión y el análisis de pruebas;") == [("secretary-general", "assistance")]


@pytest.mark.parametrize("english, spanish, task", [
    ("Requests the Secretary-General to raise awareness of the strategy;",
     "Solicita al Secretario General que siga trabajando para crear conciencia sobre la estrategia;", "other"),
    ("Requests the Secretary-General to update the compilation of decisions;",
     "Solicita al Secretario General que actualice la compilación de decisiones;", "study"),
    ("Requests the Secretary-General to provide the Division with adequate resources;",
     "Solicita al Secretario General que dote a la División de recursos;", "assistance"),
    ("Invites the Secretary-General to consider convening a conference on the matter;",
     "Invita al Secretario General a que considere la posibilidad de convocar una conferencia sobre la cuestión;",
     "meeting"),
    ("Invites the Secretary-General to consider designating a focal point;",
     "Invita al Secretario General a que considere la posibilidad de designar un coordinador;", "establish"),
    ("Requests the Secretary-General to ensure the simultaneous issuance of documents;",
     "Solicita al Secretario General que asegure la publicación simultánea de los documentos;", "dissemination"),
    ("Requests the Secretary-General to ensure that the Special Rapporteur receives the resources necessary;",
     "Solicita al Secretario General que vele por que la Relatora Especial reciba los recursos necesarios;",
     "assistance"),
    ("Requests the Secretary-General to bear in mind the characteristics of the mandate;",
     "Solicita al Secretario General que tenga presente las características del mandato;", "other"),
    ("Requests the Secretary-General to ensure that the persons who serve as experts on mission are vetted;",
     "Solicita al Secretario General que vele por que las personas que presten servicios como expertos en misión "
     "sean investigadas;", "other"),
    ("Requests the Secretary-General to continue to improve dialogue with Member States on the processes;",
     "Solicita al Secretario General que siga mejorando el diálogo con los Estados Miembros sobre los procesos;",
     "other"),
    ("Requests the Secretary-General to strengthen the capacity of the Section to support the debate in the Sixth "
     "Committee on the agenda item;",
     "Solicita al Secretario General que refuerce la capacidad de la Sección para apoyar el debate en la Sexta "
     "Comisión sobre el tema del programa;", "assistance"),
    ("Requests the Secretary-General to act to strengthen capacity to prevent the damage;",
     "Solicita al Secretario General que actúe para fortalecer la capacidad de prevenir los daños;", "assistance"),
    ("Requests the Secretary-General to take all appropriate measures to ensure coherence;",
     "Solicita al Secretario General que adopte todas las medidas adecuadas para asegurar la coherencia;", "other"),
])
def test_more_cues_both_versions_print(english, spanish, task):
    assert same(english, spanish) == [("secretary-general", task)]


def test_a_report_cited_with_de_is_no_report():
    assert same("Requests the Secretary-General to transmit the records of the debate on the report of the "
                "Commission;",
                "Solicita al Secretario General que transmita las actas de los debates sobre el informe de la "
                "Comisión;") == [("secretary-general", "dissemination")]


def test_two_ways_of_working_with_partners_close_or_not():
    assert same("Requests the Secretary-General, in collaboration and close consultation with Member States, to "
                "continue to support the enhancement of capacity;",
                "Solicita al Secretario General que, en colaboración y estrecha consulta con los Estados Miembros, "
                "siga apoyando el aumento de la capacidad;") == [("secretary-general", "assistance")]


def test_services_qualified_twice_hold_no_meeting():
    got = tasks("Requests the Secretary-General to ensure the provision to the Commission of all necessary "
                "conference support services;", "en")
    assert len(got) == 1 and got[0][1] != "meeting"


def test_informing_a_process_is_no_report():
    assert tasks("Requests the Secretary-General to inform the intergovernmental process;", "en") == \
        [("secretary-general", "other")]
    assert tasks("Requests the Secretary-General to inform the General Assembly of the process;", "en") == \
        [("secretary-general", "report")]
    assert same("Requests the Secretary-General to ensure that the information is not less than on the online "
                "reporting tool;",
                "Solicita al Secretario General que garantice que la información no sea inferior a la de la "
                "herramienta en línea;") == [("secretary-general", "other")]


def test_a_reflexive_verb_is_not_its_transitive_cue():
    assert tasks("Solicita al Secretario General que, cuando el personal no pueda presentarse al servicio, le asigne "
                 "otra plaza;", "es") == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to bring the findings of the inquiry to the attention of the States "
           "concerned;"),
    ("es", "Solicita al Secretario General que ponga las conclusiones de la investigación en conocimiento de los "
           "Estados interesados;"),
])
def test_making_something_known_to_someone_disseminates(language, text):
    assert tasks(text, language) == [("secretary-general", "dissemination")]


def test_the_verb_after_the_subject_of_a_repeated_request_opens_the_task():
    # the later "que" is a relative clause ("los buques que enarbolan"), not where the task begins
    text = ("Reafirma su solicitud de que la Organización de las Naciones Unidas para la Alimentación y la Agricultura "
            "inicie arreglos para difundir datos sobre los buques que enarbolan su pabellón;")
    assert tasks(text, "es") == [("food-and-agriculture-organization-of-the-united-nations", "dissemination")]


def test_a_long_aside_between_the_marker_and_the_verb():
    partners = ", ".join(f"el Programa de Cooperación Regional número {n}" for n in range(1, 8))
    text = (f"Solicita al Secretario General que, con el apoyo de {partners} y otros asociados pertinentes, organice "
            "una audiencia interactiva con la participación de los Estados, y que participen también las "
            "organizaciones regionales;")
    assert tasks(text, "es")[0] == ("secretary-general", "meeting")


@pytest.mark.parametrize("language, text, task", [
    ("en", "Requests the Secretary-General to continue to study the causes of violence against journalists;", "study"),
    ("es", "Solicita al Secretario General que siga estudiando las causas de la violencia contra los periodistas;",
     "study"),
    # a gerund that says how gives no task of its own
    ("es", "Solicita al Secretario General que mejore el programa de becas, incluso creando una red de antiguos "
           "becarios;", "other"),
])
def test_a_gerund_that_continues_the_task_is_read_as_its_verb(language, text, task):
    assert tasks(text, language) == [("secretary-general", task)]


@pytest.mark.parametrize("language, text", [
    ("en", "Decides to declare 5 May the International Day of Agricultural Cooperation, to be observed every year;"),
    ("es", "Decide declarar el 5 de mayo Día Internacional de la Cooperación Agrícola, que se celebrará todos los "
           "años;"),
])
def test_declaring_a_day_establishes_it(language, text):
    assert tasks(text, language) == [("general-assembly", "establish")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to continue to establish partnerships with regional media;"),
    ("fr", "Prie le Secrétaire général de continuer à établir des partenariats avec les médias régionaux ;"),
    ("es", "Solicita al Secretario General que siga estableciendo alianzas con los medios de comunicación "
           "regionales;"),
])
def test_establishing_a_relation_creates_no_body(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text, task", [
    # updating Member States on progress reports to them, as "informe a los Estados Miembros", "rendre compte aux"
    ("en", "Requests the Secretary-General to regularly update Member States on progress in the programme;", "report"),
    ("es", "Solicita al Secretario General que informe periódicamente a los Estados Miembros sobre los progresos del "
           "programa;", "report"),
    ("fr", "Prie le Secrétaire général de rendre compte régulièrement aux États Membres de l'avancement du "
           "programme ;", "report"),
    # forwarding records to a body transmits them, as "remita a la atención de"
    ("en", "Requests the Secretary-General to forward to the Committee, for its attention, the records of the "
           "debate;", "dissemination"),
    ("es", "Solicita al Secretario General que remita a la atención del Comité las actas del debate;", "dissemination"),
    # the provision of services is assistance, as "prestando servicios", "fournir des services"; of information, a report
    ("en", "Requests the Secretary-General to continue the provision of translation services to the public;",
     "assistance"),
    ("es", "Solicita al Secretario General que continúe prestando servicios de traducción al público;", "assistance"),
    ("fr", "Prie le Secrétaire général de continuer à fournir des services de traduction au public ;", "assistance"),
    ("en", "Requests the Secretary-General to ensure the provision of timely information to the Committee;", "report"),
    # an appointing cue parted by an aside between commas
    ("en", "Requests the Secretary-General to appoint, at the beginning of the session, two co-facilitators;",
     "establish"),
    ("es", "Solicita al Secretario General que nombre, al comienzo del período de sesiones, a dos cofacilitadores;",
     "establish"),
])
def test_words_the_versions_print_for_one_task(language, text, task):
    assert tasks(text, language) == [("secretary-general", task)]


@pytest.mark.parametrize("language, text, task", [
    ("en", "Decides to consider during the eightieth session the measures required to proclaim the International "
           "Year of Glaciers;", "agenda_item"),
    ("es", "Decide considerar, durante su octogésimo período de sesiones, las medidas necesarias para proclamar el "
           "Año Internacional de los Glaciares;", "agenda_item"),
    # the report the item is to be considered with: a report, no agenda decided
    ("en", "Decides that information on the Mission shall be included in the report on closed missions, to be "
           "considered by the General Assembly at its eightieth session;", "report"),
    ("es", "Decide que se incluya la información sobre la Misión en el informe sobre las misiones terminadas que "
           "habrá de examinar en su octogésimo período de sesiones;", "report"),
])
def test_an_agenda_decision_and_a_report_to_be_considered(language, text, task):
    assert mandates(text, language) == [("general-assembly", task, "80")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to continue his efforts to improve conference servicing, without "
           "affecting the provision of services, and to report thereon to the General Assembly at its eightieth "
           "session;"),
    ("fr", "Prie le Secrétaire général de continuer à améliorer les services de conférence, sans nuire à la "
           "fourniture des services, et de lui rendre compte à ce sujet à sa quatre-vingtième session ;"),
    ("es", "Solicita al Secretario General que prosiga sus esfuerzos para mejorar los servicios de conferencias, sin "
           "afectar la prestación de servicios, y que la informe al respecto en su octogésimo período de sesiones;"),
])
def test_what_a_task_must_not_affect_is_no_task(language, text):
    assert tasks(text, language) == [("secretary-general", "other"), ("secretary-general", "report")]


@pytest.mark.parametrize("language, text", [
    ("en", "Requests the Secretary-General to coordinate closely with all entities in order to avoid duplication in "
           "the issuance of publications;"),
    ("fr", "Prie le Secrétaire général d'agir en étroite coordination avec les entités afin d'éviter les doubles "
           "emplois lors de la publication des documents ;"),
    ("es", "Solicita al Secretario General que coordine estrechamente su labor con las entidades a fin de evitar "
           "duplicaciones en la publicación de documentos;"),
])
def test_what_a_task_is_to_avoid_is_not_asked_for(language, text):
    assert tasks(text, language) == [("secretary-general", "other")]


@pytest.mark.parametrize("language, text, task", [
    # consulting States holds consultations, as "celebre consultas con", a meeting in the three versions
    ("en", "Requests the Secretary-General to consult Member States on initiatives that affect conference services;",
     "meeting"),
    ("fr", "Prie le Secrétaire général de consulter les États Membres sur les initiatives qui touchent les services de "
           "conférence ;", "meeting"),
    ("es", "Solicita al Secretario General que celebre consultas con los Estados Miembros sobre las iniciativas que "
           "afectan a los servicios de conferencias;", "meeting"),
    # taking the measures a task needs is an other task, whatever the themes listed after it
    ("en", "Requests the Secretary-General to continue to take appropriate measures to raise awareness of themes such "
           "as the dialogue among civilizations;", "other"),
    ("es", "Solicita al Secretario General que siga tomando las medidas que corresponda para crear conciencia sobre "
           "temas como el diálogo entre civilizaciones;", "other"),
])
def test_consulting_and_taking_measures(language, text, task):
    assert tasks(text, language) == [("secretary-general", task)]


@pytest.mark.parametrize("language, text, task", [
    ("en", "Invites the Secretary-General to nominate candidates for the organizing committee in a timely fashion;",
     "establish"),
    ("es", "Invita al Secretario General a que proponga oportunamente a sus candidatos para el comité organizador;",
     "establish"),
    # proposing anything else appoints no one
    ("es", "Invita al Secretario General a que proponga temas para el programa del comité organizador;", "other"),
])
def test_proposing_candidates_nominates(language, text, task):
    assert tasks(text, language) == [("secretary-general", task)]


def test_a_requested_that_clause_splits_its_coordinated_tasks():
    # the clause's own subject stands between the request and its verb: "e informe" is still a second task
    assert same("Reiterates its request that the Department of Global Communications explore options for issuing "
                "press releases in all languages, and report thereon to the Committee;",
                "Reitera su solicitud de que el Departamento de Comunicación Global estudie opciones para publicar "
                "boletines de prensa en todos los idiomas e informe al respecto al Comité;") == \
        [("department-of-global-communications", "dissemination"), ("department-of-global-communications", "report")]


def test_a_request_ending_at_its_addressee_shares_the_next_clause_task():
    assert tasks("Also requests the Secretary-General, and invites the United Nations Children's Fund, to support "
                 "national programmes on the rights of the child;", "en") == \
        [("secretary-general", "assistance"), ("united-nations-children-s-fund", "assistance")]
    # a request with words of its own keeps its task
    assert tasks("Requests the Secretary-General to intensify his efforts, and also requests the Secretary-General "
                 "to report on his efforts;", "en") == [("secretary-general", "other"), ("secretary-general", "report")]


@pytest.mark.parametrize("text, language", [
    ("Requests the Secretary-General to support national programmes on the rights of the child; invites the United "
     "Nations Children's Fund to do likewise;", "en"),
    ("Solicita al Secretario General que apoye los programas nacionales sobre los derechos del niño, e invita al "
     "Fondo de las Naciones Unidas para la Infancia a que haga lo propio;", "es"),
    ("Prie le Secrétaire général d'appuyer les programmes nationaux relatifs aux droits de l'enfant et invite le "
     "Fonds des Nations Unies pour l'enfance à faire de même ;", "fr"),
])
def test_doing_likewise_is_the_task_asked_before(text, language):
    assert tasks(text, language) == [("secretary-general", "assistance"), ("united-nations-children-s-fund", "assistance")]


def test_early_after_to_is_no_second_task():
    assert tasks("Invites the United Nations Children's Fund to intensify its cooperation in activities relating to "
                 "capacity-building and to early warning systems;", "en") == [("united-nations-children-s-fund", "assistance")]


@pytest.mark.parametrize("text, language", [
    ("Requests the Secretary-General to continue to work with Member States on the policy, including prevention, "
     "reporting, enforcement and remedial actions;", "en"),
    ("Solicita al Secretario General que continúe trabajando con los Estados Miembros en esa política, en particular "
     "a efectos de prevención, presentación de informes, cumplimiento y adopción de medidas correctivas;", "es"),
    ("Requests the Secretary-General to strengthen internal controls in planning, budgeting, monitoring and "
     "evaluation, and reporting;", "en"),
    ("Prie le Secrétaire général de renforcer les contrôles internes concernant la planification, le contrôle et "
     "l'évaluation, et l'établissement de rapports ;", "fr"),
])
def test_a_report_word_in_a_list_of_activities_asks_no_report(text, language):
    assert tasks(text, language) == [("secretary-general", "other")]


def test_a_gerund_with_its_reflexive_pronoun_keeps_its_cue():
    assert same("Invites the Committee on the Peaceful Uses of Outer Space to continue meeting for three weeks a year;",
                "Invita a la Comisión sobre la Utilización del Espacio Ultraterrestre con Fines Pacíficos a que siga "
                "reuniéndose durante tres semanas por año;")[0][1] == "meeting"


def test_the_meetings_services_are_asked_for_are_no_meeting():
    assert same("Requests the Secretariat to accord priority to requests from the Committee for conference-servicing "
                "facilities for meetings of that Committee that must be held while the Assembly is meeting;",
                "Solicita a la Secretaría que dé prioridad a las solicitudes de servicios de conferencias que formule "
                "el Comité para las reuniones que deba celebrar cuando la Asamblea esté reunida;") == \
        [("secretariat", "other")]
    # a meeting decided is still one
    assert tasks("Decide que se celebre una reunión de alto nivel en 2025;", "es")[0][1] == "meeting"
    assert tasks("Decide que se celebrarán diez paneles al más alto nivel posible;", "es")[0][1] == "meeting"


def test_an_event_named_with_a_relative_clause_is_described_not_asked():
    assert same("Invites the United Nations Educational, Scientific and Cultural Organization to act as a platform "
                "for exchange, including through a World Forum on Cultural Policies, to be held every four years;",
                "Invita a la Organización de las Naciones Unidas para la Educación, la Ciencia y la Cultura a que siga "
                "actuando como plataforma de intercambio, mediante un Foro Mundial sobre Políticas Culturales que se "
                "celebre cada cuatro años;")[0][1] == "other"


def test_contributing_through_its_work_reads_the_task_after_it():
    assert same("Invites the Commission on Crime Prevention and Criminal Justice to contribute through its work "
                "towards strengthening the capacity of national institutions through technical assistance;",
                "Invita a la Comisión de Prevención del Delito y Justicia Penal a que contribuya a través de su labor a "
                "fortalecer la capacidad de las instituciones nacionales por medio de la prestación de asistencia técnica;")[0][1] == "assistance"


def test_transmitting_information_to_a_body_reports():
    assert same("Requests the Secretary-General to transmit that information to the General Assembly at its "
                "eightieth session;",
                "Solicita al Secretario General que le transmita esa información en su octogésimo período de "
                "sesiones;")[0][1] == "report"
    # information spread to the public is disseminated
    assert same("Requests the Secretariat to disseminate information on the activities of the main organs;",
                "Solicita a la Secretaría que difunda información sobre las actividades de los órganos principales;") \
        == [("secretariat", "dissemination")]


def test_an_inclusive_dialogue_with_partners_is_no_meeting():
    assert same("Invites the United Nations Conference on Trade and Development, in cooperation and inclusive dialogue "
                "with international financial institutions, to continue its statistical work on debt issues;",
                "Invita a la Conferencia de las Naciones Unidas sobre Comercio y Desarrollo a que, en cooperación y "
                "diálogo inclusivo con las instituciones financieras internacionales, continúe su labor estadística "
                "sobre cuestiones relacionadas con la deuda;")[0][1] == "other"


def test_continuing_a_debate_held_before_is_no_meeting():
    assert same("Invites the Human Rights Council to follow up on the discussion at the fourth panel discussion;",
                "Invita al Consejo de Derechos Humanos a que prosiga el debate celebrado en la cuarta mesa redonda;") \
        == [("human-rights-council", "other")]


def test_a_task_printed_as_its_gerund_in_english():
    assert tasks("Requests the President of the General Assembly to take into consideration the programme of "
                 "activities, with a view to proclaiming the decade starting in 2025 a second decade;", "en")[0][1] == \
        "establish"


def test_a_thing_currently_held_somewhere_is_no_meeting():
    assert tasks("Requests the Secretary-General to digitize and preserve the print heritage of the Organization "
                 "currently held in the basements of the Library, including voluntary contributions and support from other "
                 "stakeholders;",
                 "en")[0][1] == "assistance"


def test_a_verb_in_a_relative_clause_of_another_gives_no_task():
    assert tasks("Solicita al Secretario General que continúe teniendo en cuenta las propuestas que le presenten los "
                 "países de la región;", "es") == [("secretary-general", "other")]
    assert same("Requests the Secretary-General to ensure that information collected and communicated by the "
                "monitoring and reporting mechanism is accurate;",
                "Solicita al Secretario General que vele por que la información que reúna y transmita el mecanismo de "
                "vigilancia y presentación de informes sea precisa;") == [("secretary-general", "other")]
    # the clauses a request asks for are no relatives
    assert tasks("Solicita al Secretario General que vele por que se presente un informe a la Asamblea;", "es") == \
        [("secretary-general", "report")]
    assert tasks("Solicita al Secretario General que siga esforzándose por asegurar que se presente un informe a la "
                 "Asamblea;", "es") == [("secretary-general", "report")]


@pytest.mark.parametrize("text, language", [
    ("Requests the Secretary-General to issue the publications referred to in his previous report in various "
     "formats;", "en"),
    ("Solicita al Secretario General que publique las mencionadas en su informe anterior en diversos formatos;", "es"),
    ("Prie le Secrétaire général de faire paraître sous diverses formes celles qui sont visées dans son précédent "
     "rapport ;", "fr"),
])
def test_a_previous_report_is_cited_not_asked_for(text, language):
    assert tasks(text, language) == [("secretary-general", "dissemination")]


def test_a_task_word_after_towards_names_an_aim():
    assert tasks("Requests the Secretary-General to seek the views of those States on the measures, in order to move "
                 "towards the establishment of a zone free of such weapons;", "en") == [("secretary-general", "other")]
