"""Language patterns for extraction, per language: function words and constructions, never vocabulary.

Vocabularies (verbs, actors, rights, groups) live in ontology/vocab/*.ttl; what is here is the grammar that
glues their mentions together: conjunctions that open a new provision, the marker of the complement after
an addressee ("to" + infinitive, "à"/"de", "a"/"de"), partner phrases that are not addressees ("in
consultation with"), words that may sit between coordinated mentions, citation and SDG phrasing, ordinal
numbers of sessions, the shape of mandates (coordinated tasks, due years, periods, review clauses). Kept as plain data (one dict per language) so that
a contributor adds a language by adding a dict. All strings are lower case and matched on word boundaries.
"""
from __future__ import annotations

from typing import Any

# the nouns of ways of working with partners ("in close cooperation with")
_WAYS = [f"{close}{n}" for close in ("", "close ") for n in ("cooperation", "consultation", "collaboration",
                                                             "coordination", "partnership")]

# the Spanish nouns of ways of working with partners, and their close forms ("en estrecha consulta con")
_ES_WAYS = ["consulta", "cooperación", "colaboración", "coordinación", "concertación", "asociación"]
_ES_CLOSE = [f"{close}{w}" for w in _ES_WAYS for close in ("", "estrecha ", "plena ")]
# the French nouns of ways of working with partners, and their close forms ("en étroite consultation avec")
_FR_WAYS = ["consultation", "coopération", "collaboration", "coordination", "concertation", "liaison"]
_FR_CLOSE = [f for w in _FR_WAYS for f in (f"étroite {w}", f"{w} étroite")] + ["partenariat", "étroit partenariat"]

EN: dict[str, Any] = {
    # tokens that may precede a verb that opens a new provision ("..., and encourages", "; demands")
    "provision_boundaries": [",", ";", "and", ":"],
    # gerunds open a provision only after ", while" ("..., while also urging States to"); in French and
    # Spanish the same phrases may also introduce a finite verb ("al tiempo que insta a los Estados")
    "gerund_intro": ["while"],
    "gerund_suffixes": ["ing"],
    # a one-word verb label followed by one of these is a noun: "the drivers and values *of*"
    "noun_links": ["of"],
    # adverbials that may sit between the boundary and the verb ("and in this regard calls upon")
    "adverbials": ["in this regard", "in that regard", "to this end", "to that end", "for this purpose", "for that purpose",
                   "in this connection",
                   "in that connection", "in this context", "in that context", "accordingly", "therefore",
                   "consistent with action 16 of the 2010 action plan", "as well as", "with this in mind"],
    # the complement after the addressee: "to" followed by anything but a determiner is an infinitive
    "complement_markers": ["to", "that"],
    "non_infinitive_after_to": ["the", "a", "an", "all", "its", "their", "his", "her", "this", "these", "that",
                                "those", "any", "each", "every", "such", "other", "member", "states", "it",
                                "them", "which", "whom", "our", "relevant", "international", "national",
                                "regional", "un", "united", "human", "2030", "article", "paragraph", "or", "and", "by",
                                "from", "early"],
    "clause_that": ["that"],
    # the word before a "that" that opens a purpose, not what is decided ("so that", "in order that")
    "purpose_that": ["so", "order"],
    # a short noun phrase may stand between the verb and its addressee: "the attention *of* Governments",
    # "stronger collaboration *between* States"
    "addressee_links": ["of", "between", "among", "within"],
    # after the noun of a thing asked for, the actor it goes to is no addressee ("Invites voluntary contributions
    # *to* the Mission")
    "recipient_links": ["to"],
    # adverbs that may stand between a verb and its "to" ("Appeals once again to")
    "verb_adverbs": ["again", "also", "further", "once", "anew", "still", "now"],
    # nouns of a request, whose "to" names the ones asked ("its call to States", "its invitation to")
    "request_nouns": ["call", "calls", "appeal", "appeals", "request", "requests", "invitation", "invitations",
                      "encouragement", "recommendation", "recommendations", "plea", "demand", "demands"],
    # pronouns that stand for the addressee: after the verb ("encourages them to"), or, in French and
    # Spanish, as clitics before it ("et l'encourage à", "y les exhorta a")
    "object_pronouns": ["him", "her", "them", "it"],
    "plural_pronouns": ["them"],
    # pronouns inside a clause that may stand for the groups of the clause before ("support *them*")
    "group_pronouns": ["them", "they"],
    # "calls on him": a pronoun of a person stands for an office holder ("the Secretary-General", "the Special
    # Rapporteur"), the last one named, not the nearest body; its noun is one of these, before the name's "of",
    # "on" or "for" (the Office *of* the High Commissioner is no person)
    # "the above-mentioned entities", "the aforementioned organizations": the actors named before in the
    # paragraph; entities, organizations, bodies ... are the ones that are no State ("encourages Member States
    # and the above-mentioned entities"), actors and stakeholders are all of them
    "back_references": ["above-mentioned", "above mentioned", "aforementioned", "aforesaid"],
    "back_reference_nonstate": ["entities", "organizations", "organisations", "bodies", "institutions",
                                "agencies"],
    "back_reference_all": ["actors", "stakeholders", "partners"],
    # "... mentioned in paragraph 4 above": named in another paragraph, not this one's
    "back_reference_elsewhere": ["paragraph", "paragraphs", "annex", "resolution", "section"],
    # "regional and other organizations": the adjective before "and other" goes with the noun (regional
    # organizations); "other organizations" alone names no concept
    "and_other": ["and other", "or other"],
    "person_pronouns": ["him", "her"],
    "person_nouns": ["secretary-general", "under-secretary-general", "rapporteur", "expert", "envoy",
                     "commissioner", "representative", "president", "chair", "chairperson", "adviser", "advisor",
                     "coordinator", "director", "director-general", "prosecutor", "registrar", "ombudsperson",
                     "mediator", "administrator"],
    # the adopting body's own presiding officer: "Requests its President to" (President of the General Assembly)
    "own_president": ["its president"],
    "clitics": [],
    # "the Government", "the authorities" in a resolution about one country: that country's Government
    "own_government": ["government", "authorities", "national authorities", "competent authorities",
                       "relevant authorities"],
    "own_government_articles": ["the"],
    # "the shareholders of business enterprises": these are addressed, not the enterprises
    # ("members of civil society" are civil society, "members of the specialized agencies" their States)
    # ("observers of the General Assembly" are the States and organizations with observer status, not the Assembly)
    "member_nouns": ["shareholders", "shareholder", "owners", "observers", "observer"],
    # the noun of "parties": bare, they are a treaty's parties where the resolution names those and no conflict's
    "party_nouns": ["parties", "party"],
    # "States *not* parties to the Treaty": an actor noun after these says what the addressees are not
    "predicate_negations": ["not"],
    # adverbs that may stand between the negation and the actor noun ("States not *yet* parties")
    "negation_adverbs": ["yet", "already", "currently", "now"],
    # "parties *to* the Basel Convention": bare parties followed by a capitalised name are the treaty's
    "party_links": ["to"],
    # words that may follow an addressee without making it the modifier of a longer, unknown name
    # ("States concerned", "States that have not"; but "social *media* messaging services")
    "actor_followers": ["not", "that", "which", "who", "whose", "whom", "where", "concerned", "also", "further",
                        "still", "yet", "already", "both", "alike", "themselves", "itself", "together"],
    # words that never begin a noun: a mention before them is no modifier of a longer name
    "function_words": ["for", "with", "by", "at", "from", "into", "onto", "about", "against", "among", "between",
                       "through", "during", "without", "within", "under", "over", "after", "before", "towards",
                       "toward", "upon", "via", "across", "throughout", "beyond", "despite", "per", "is", "are",
                       "was", "were", "be", "been", "has", "have", "had", "will", "shall", "should", "may",
                       "might", "can", "could", "would", "must", "who", "which", "that", "whose", "whom", "this",
                       "these", "those", "their", "its", "his", "her", "our", "given", "made", "held", "taken",
                       "shown", "seen", "done", "known", "born", "regardless", "irrespective", "notwithstanding",
                       "worldwide", "everywhere", "there", "here", "where", "when", "while", "if", "whether",
                       "than", "so", "not", "no", "nor", "but", "only", "even", "more", "most", "less", "least",
                       "alone", "themselves", "itself", "concerned", "affected", "alike", "together"],
    # "decides that X shall *be* credited": X is not asked to act (the adopting body decides)
    "passive_auxiliaries": ["be", "been"],
    "participle_suffixes": ["ed", "en"],
    # words that begin a noun phrase: after a word that follows a name, they make that word a verb ("that the
    # Houthis end the restrictions")
    "determiners": ["the", "a", "an", "its", "their", "his", "her", "any", "all", "each", "every", "this", "these",
                    "those", "such"],
    # heads of a noun phrase after a name that make the phrase a body of the named one ("United Nations
    # departments", "United Nations oversight bodies"); after any other head the name only says whose the thing is
    # ("the United Nations Framework Convention", "Economic and Social Council resolution 1980/67")
    "body_nouns": ["entity", "entities", "body", "bodies", "organ", "organs", "agency", "agencies", "organization",
                   "organizations", "department", "departments", "office", "offices", "funds", "programmes",
                   "system", "systems", "team", "teams", "staff", "personnel", "officials", "mission", "missions",
                   "operation", "operations", "presence", "family", "partners", "mechanism", "mechanisms",
                   "secretariat", "secretariats", "representatives", "coordinators", "experts", "forces", "troops",
                   "police", "peacekeepers", "observers", "actors", "institutions", "commission", "commissions",
                   "committee", "committees", "council", "councils", "group", "groups", "network", "networks",
                   "leadership", "management", "membership", "members", "authorities", "administration", "board",
                   "boards", "panel", "panels", "unit", "units", "division", "divisions", "service", "services",
                   "centre", "centres", "center", "centers", "procedures", "force", "army", "armies", "guard",
                   "guards", "navy", "court", "courts", "tribunal", "tribunals", "government", "governments",
                   "authority", "ministry", "ministries", "parliament", "parliaments", "assembly", "assemblies",
                   "delegation", "delegations", "contingents", "bank", "banks", "institute", "institutes",
                   "member", "leader", "leaders", "envoy", "envoys", "representative", "coordinator", "rapporteur",
                   "rapporteurs", "expert", "adviser", "advisers", "officer", "officers", "head", "heads", "chief",
                   "chiefs", "chair", "president", "director", "administrator", "secretary", "commissioner"],
    # a coordinated second addressee slot of the same verb: "Calls upon States ..., and *upon* X to ..."
    "addressee_repeat": ["upon"],
    # the first words of a conjunct that is an adjunct, not an unknown actor: never reported as unmapped
    "adjunct_starts": ["those", "that", "which", "who", "whose", "where", "when", "if", "in", "on", "at", "by",
                       "for", "with", "without", "within", "from", "not", "also", "further", "including",
                       "particularly", "especially", "inter", "as", "to", "through", "among", "under", "upon",
                       "during", "after", "before", "following", "against", "between", "over", "towards", "via",
                       "beyond", "despite", "such"],
    # a comma and one of these open an adjunct that runs to the next comma (", during the debate on the report of
    # the Council,"): no addressee in it
    "parenthetical_starts": ["during", "after", "before", "following", "through", "at", "on", "under", "without",
                             "for", "where", "when", "whenever", "if", "once", "while", "since", "until",
                             # ", mindful of the criteria in Economic and Social Council resolution 1980/67,"
                             "mindful", "bearing", "considering", "taking", "recalling", "noting", "recognizing",
                             "guided"],
    # adverbs that may come between that comma and the word (", also considering the mandate of the Office,")
    "parenthetical_adverbs": ["also", "further"],
    # a comma and one of these before a gerund open an adjunct too (", in transmitting information to the
    # Secretary-General,"; ", by providing support to the Office,"): "in"/"by" alone may be a list's filler
    # (", in particular")
    "gerund_adjuncts": ["in", "by"],
    # titles of days, years, programmes, plans ...: a capitalised run with one of these heads ("International
    # Day of Persons with Disabilities") names a thing, and the actors and groups in it are no mentions
    "title_heads": ["day", "year", "decade", "week", "month", "agenda", "summit", "campaign"],
    # heads that also name bodies ("Programme on Ageing of the Department ..."): only groups are dropped
    "title_heads_groups": ["programme", "program", "plan", "strategy", "conference", "platform", "framework",
                           "initiative", "compact"],
    "title_joiners": ["of", "for", "on", "the", "a", "an", "and", "with", "against", "to", "in", "'", "s", "-"],
    # words that name a right as such: a right named only by a policy noun ("birth registration") needs one
    # of them in its clause
    "right_words": ["right", "rights", "freedom", "freedoms", "entitlement", "entitlements", "liberty"],
    "policy_nouns": ["birth registration", "social security", "adequate housing", "sexual and reproductive health",
                     "social protection"],
    # plurals that do not end in s: a group printed so is a noun, not a modifier ("women leaders" is women)
    "irregular_plurals": ["women", "children", "people", "men", "peoples", "youth"],
    # a State named after these is where something happens ("enterprises operating in Myanmar", "refugees
    # from Myanmar"), not whom a provision addresses
    "place_prepositions": ["in", "from", "within", "inside", "across", "throughout"],
    # phrases that introduce partners, not addressees ("in consultation with X, Y and Z"): they run to the
    # complement; conditions ("as appropriate", "within their mandates") run to the next comma
    "partner_phrases": ["in consultation with", "in cooperation with", "in close cooperation with",
                        "in collaboration with", "in close collaboration with", "in coordination with",
                        "in partnership with", "in association with", "with the support of", "with the assistance of",
                        "with the participation of", "on behalf of", "through", "acting", "together with",
                        "supported by", "in conjunction with", "with support from", "with the support",
                        "with the assistance", "with the cooperation of", "with the help of", "dialogue with",
                        "engagement with", "through consultations with"]
    # the partners of a joint act asked for: "encourages close collaboration with Member States"
    + [f"{w} with" for w in _WAYS]
    # two joint ways of working before one "with": "in close cooperation and coordination with"
    + [f"in {a} and {c} with" for a in _WAYS for c in _WAYS if a != c],
    # "treaties *relating to* the protection of victims", "instruments *on* the rights of migrants": groups in the
    # description of instruments are what the instruments are about
    "instrument_nouns": ["treaty", "treaties", "convention", "conventions", "protocol", "protocols", "instrument",
                         "instruments"],
    "description_links": ["relating to", "on", "concerning"],
    # "Commends civil society and young people *for* their activities": the grounds of praise follow those praised
    "praise_grounds": ["for"],
    "condition_phrases": ["in accordance with", "consistent with", "in line with", "in conformity with",
                          "within their mandates", "within their respective mandates", "within its mandate",
                          "upon request", "upon their request", "as appropriate", "pending", "in compliance with",
                          "based on", "where appropriate", "when appropriate", "where applicable",
                          # an office its holder is asked in ("the Secretary-General, as Chair of the Chief Executives
                          # Board,"): the body of the office is not addressed
                          "in his capacity as", "in her capacity as", "in its capacity as", "in their capacity as",
                          "as chair of", "as the chair of", "as chairs of", "as president of", "as the president of",
                          # adjuncts of respect and frame (", in view of the expanded activities of X,")
                          "in respect of", "with respect to", "with regard to", "in view of", "in the interest of",
                          "in the interests of", "within the framework of", "in the framework of"],
    # words allowed between coordinated mentions in an addressee phrase
    "fillers": ["the", "a", "an", "all", "and", "or", ",", "as", "well", "including", "in", "particular",
                "especially", "notably", "inter", "alia", "other", "relevant", "concerned", "its", "their",
                "all", "other", "such", "as", "also", "both", "each", "(", ")", "and/or", "namely", "to", "upon",
                "on"],
    # an embedded request inside a declaratory provision ("reiterates its strong call upon States to")
    # ("recalls its invitation to X", "recalls its resolution ..., in which it invited X to")
    "embedded_request": r"\b(?:its|their)\s+(?:\w+\s+){0,2}(?:calls?|appeals?|requests?|invitations?)\s+(?:upon|on|to)\b"
                        r"|\bthe\s+(?:(?-i:[a-z]+)\s+)?(?:calls?|appeals?|requests?|invitations?)\s+(?:upon|on|to)\b"
                        r"|\b(?:in\s+which|whereby)\s+(?:it|the\s+(?:General\s+)?Assembly)\s+(?:\w+\s+)?"
                        r"(?:invited|requested|urged|encouraged|called\s+upon)\b",
    # heads that coordinated items share ("freedom of opinion, expression and association")
    "coordination": [",", "and", "or", ", and", "as well as"],
    "head_prepositions": ["of", "to", "in"],
    # words a name may carry inside without changing the concept: "the right to *the enjoyment of* just and
    # favourable conditions of work" = "the right to just and favourable conditions of work"
    # generic nouns a group label begins with: the rest of such a label after another group names that group
    # too ("girls with disabilities": girls, persons with disabilities)
    "qualifier_heads": ["persons", "people"],
    "mention_skips": ["the enjoyment of", "the full enjoyment of", "the effective enjoyment of", "enjoy",
                      "the conduct of", "remote and", "and remote",
                      # "all relevant States", "all the interested States": all States
                      "relevant", "interested", "concerned", "the relevant", "the interested", "the concerned"],
    # definite article before a short mandate name ("the Special Rapporteur"), and the words that join a
    # short name to the rest of a full one ("Special Rapporteur *on* ...")
    "definite": ["the"],
    "mandate_connectors": ["on", "of", "for"],
    # words that go on to the rest of a full name but open none after a short name ("the ... Stabilization Mission
    # in the Central African Republic", but "the Mission in its reports"); the second only before a capitalised
    # word ("the Special Committee to Investigate ...", not "the Special Adviser to the Secretary-General")
    "name_connectors": ["in"],
    "name_connectors_capitalised": ["to"],
    "name_optional": ["united nations"],
    "headed_by": ["headed by a", "headed by an", "headed by the"],
    # citations
    "resolution_words": ["resolution", "resolutions", "decision", "decisions"],
    "decision_words": ["decision", "decisions"],
    "own": ["its"],
    "bodies": {
        "general assembly": "A", "assembly": "A", "human rights council": "A/HRC",
        "security council": "S", "economic and social council": "E", "commission on human rights": "E/CN.4",
    },
    "list_joiners": [",", "and", ", and", "as well as"],
    "date_after_number": r"\s*,?\s*of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}",
    "body_after_number": None,
    # SDG phrasing
    "sdg_target": r"\btargets?\s+",
    "sdg_indicator": r"\bindicators?\s+",
    "sdg_goal": r"\b(?:sustainable\s+development\s+)?goals?\s+",
    # a session the task is due at ("at its eightieth session", "the provisional agenda of its eightieth session")
    # is preferred to one it is due before or one cited ("adopted at its tenth special session")
    "session": r"\b(?:(?P<at>at|by|during|to|for|(?<=agenda )of|no\s+later\s+than)|of|before|prior\s+to|until)\s+(?:its|their|the)\s+(?:resumed\s+)?((?:[a-z]+[- ])?[a-z]+)"
               r"(?:\s+and\s+(?:[a-z]+[- ])?[a-z]+)?\s+(?:regular\s+)?sessions?\b",
    # a session named earlier in the provision ("to submit ... at its eightieth session ... and report at that session")
    "session_back_reference": r"\b(?:at|to|(?<=agenda )of)\s+(?:that|the\s+same)\s+session\b",
    # a session that dates a publication, not a task: "the official records of the seventy-eighth session"
    "session_publication": r"\b(?:records|documents)(?:\s+of\s+(?:the\s+)?(?:debates|proceedings|meetings))?\s*$",
    # a session that dates a report already made: "his report submitted to the Commission on Human Rights at"
    "session_cited": r"\breport\s+(?:submitted|presented)\s+to\s+[^,;]{0,80}$",
    # mandates (task and recurrence cues are the labels of ontology/vocab/tasks.ttl and recurrence.ttl): a
    # provision's tasks are coordinated infinitives ("to submit ... and to convene ...")
    "mandate_joins": ["and"],
    # a task asked by pointing to the one asked just before: it is that task
    "likewise": ["to do likewise", "to do the same"],
    # a verb that passes on information to a body reports it ("to transmit that information to the Assembly")
    "transmitting": ["transmit"],
    # a condition on someone else's act: its task words give the resolution's body no task
    "mandate_conditions": ["subject to a decision", "subject to the decision", "should the security council decide"],
    "mandate_markers": ["to"],
    # the nouns of deliverables that a report task may coordinate ("an interim report ... and a final report")
    "deliverable_nouns": ["report", "reports", "update", "updates"],
    # verbs of a purpose after a comma ("a meeting, to mark the anniversary, and to galvanize ..."): an "and to"
    # after one continues the purpose, not the list of tasks
    "purpose_verbs": ["mark", "enable", "allow", "permit", "help", "facilitate", "commemorate", "celebrate",
                      "foster", "promote", "bolster", "galvanize"],
    # what a meeting or a body a task creates is for ("to convene a conference to assess ... and to support ...", "to
    # establish a commission to prepare ... and to prepare ..."): the infinitives coordinated after it are its own
    "created_purposes": ["in order to", "so as to", "to"],
    # a purpose the task serves, whose coordinated infinitives are its own, not tasks ("with a view to ensuring
    # ... and encouraging", "en vue de garantir ... et d'encourager", "encaminadas a promover ... y a fortalecer"),
    # unless a comma ends it or a report follows
    "purpose_openers": ["in order to", "so as to", "efforts to", "effort to", "resources to"],
    # an infinitive after a plural noun depends on it ("the use of mercenaries to undermine ... and to impede")
    "plural_noun_ending": "s",
    # a join of tasks of more than one word ("... and to report, as well as to make recommendations")
    "phrase_joins": ["as well as"],
    # two tasks a light verb may give at once ("to provide the assistance and services required")
    "assistance_and_services": ["assistance", "services"],
    # a task after "and" without its marker ("to accelerate the establishment of the centre and report on its
    # status"): the verb and the words it takes after it ("report" is also a noun)
    "bare_verbs": {"report": ["on", "to", "thereon", "back", "regularly", "periodically", "annually"]},
    # an agenda item named again by a second task is the one the first included ("to include ... the sub-item
    # entitled ... and to consider the sub-item before ...")
    "agenda_nouns": ["item", "sub-item"],
    # prepositions that end a noun phrase ("the sub-item *before* the Games")
    "phrase_ends": ["before", "after", "during", "within", "under", "among", "prior", "between", "without", "into",
                    "upon", "until", "from", "with", "through", "over"],
    # verbs that ask a named UN entity for a task whatever modality the verbs vocabulary gives them
    "requesting_verbs": [],
    # a request recalled with the resolution that made it cites that request, it asks nothing again ("recalls its
    # request in resolution 2378 (2017) that the Secretary-General ensure ...")
    "cited_request": r"^recalls\s+(?:its|the)\s+(?:previous\s+)?requests?\s*,?\s+(?:made\s+)?(?:in|of)\s+"
                     r"(?:paragraph\s+\S+\s+of\s+)?(?:its\s+)?resolutions?\b",
    # the verb after a marker: object pronouns before it, and its endings where the marker also heads nouns
    "marker_pronouns": [],
    "marker_endings": {},
    # a sub-paragraph that starts with a verb of its own ("(b) To convene", "b) Convoquer")
    "item_verb_endings": [],
    "due_date": r"(?<!dated )(?<!of )\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d{2})\b",
    # who is asked: a named entity inside another's name or a partner is not ("observers *of* the Assembly",
    # "in consultation *with* the Secretary-General"); a body the vocabulary lacks ("the working group")
    # an entity after these is not asked ("observers of", "in consultation with", "through the Secretary-General")
    "entity_prepositions": ["of", "with", "by", "for", "from", "in", "to", "through"],
    "negations": ["not"],
    "unnamed_addressee": r"\s*(?:in\s+this\s+regard\s+|also\s+|further\s+)?(?:to\s+)?the\s+(?:[\w’'()-]+,?\s+){0,8}?to\s+"
                         r"(?!the\b|a\b|an\b|all\b)[a-z]+",
    # an unknown addressee that names a whole system or groups, no one body ("requests the development system
    # to", "invites the regional groups to")
    "collective_nouns": ["system", "groups", "bureaux", "heads"],
    # an addressee after these is one side of what is asked for, not who is asked ("invites cooperation among")
    "relation_prepositions": ["among", "amongst", "between"],
    # a decision to approve or adopt a text: the words of the text ask nothing of the body ("Decides to approve
    # the following amendment to the statute: ... shall review ...", "Decides to adopt the Global Framework")
    "approving_verbs": ["approve", "adopt"],
    # a decision that asks someone else ("Decides to invite representatives of the Committee to ...")
    "asking_nouns": ["invitation", "appeal"],
    # plural nouns a name before them qualifies ("Secretariat entities", "Secretariat staff"): no one is named
    "qualified_plurals": ["entities", "bodies", "departments", "offices", "staff", "officials", "personnel"],
    # what a decision fixes of a task already decided, which is no task of its own ("that the theme of ...")
    # a meeting verb after these describes an event already named or one under way ("the Games, to be held in
    # 2026", "meetings of that Committee that must be held while the Main Committees are meeting"), asks for none
    "describing_passives": [", to be", "that must be", "that will be", "which will be", "that are to be", "currently",
                            "which are to be", "are", "is", "were"],
    # the verbs that end the subject of a decision's clause ("that the modalities of ... *shall* be")
    "subject_ends": ["shall", "will", "should", "would", "may", "must", "be", "is", "are"],
    # a meeting participle holds a meeting only after one of these ("shall be held", "and held"); else it qualifies
    # a noun ("the collection currently held in the basements")
    "meeting_participles": ["held"],
    # a meeting after these (an adjective or two between) is when something is done, not a meeting asked for
    "meeting_times": ["at the", "at its", "at their"],
    # a decision's clause that opens with a condition decides what happens only if it is met
    "condition_words": ["if"],
    # a gerund after these continues or weighs the task, read as its verb's cue ("to consider supporting
    # initiatives", "to continue providing support"; Spanish "que siga estudiando", its "continuing_verbs"), but
    # "and" + gerund after them is no second task in English ("continue coordinating ..., protecting and assisting")
    "gerund_cue_verbs": ["consider", "continue"],
    "gerund_infinitives": {"ing": ["", "e"]},
    "auxiliaries": ["be", "been", "being", "is", "are", "was", "were", "and", "or", "to"],
    "modality_nouns": ["proceedings", "arrangements", "modalities", "format", "theme", "outcome", "focus", "period",
                       "duration", "attendance"],
    # the word after a modality noun that makes it the subject's head ("the format *of*", "attendance *at* the
    # meetings ... will be opened to")
    "modality_links": ["of", "for", "at"],
    # when what is decided takes place, no task of its own ("that the consultations should be scheduled so that")
    "schedule_verbs": ["scheduled", "rescheduled", "commence", "begin"],
    # a decision's predicate that says how, when or on what something decided takes place, no task of its own
    "describing_predicates": ["held as follows", "in nature"],
    # a light or assistance verb before one of these pays attention: an other task, as "give due consideration"
    "attention_nouns": ["attention", "consideration"],
    # words that open an aside after a comma, which says how or within what, not what (", taking into account the
    # report of ...,", ", within existing resources,"): its task words give no task
    # what a task is to avoid is not asked for ("in order to avoid duplication in the issuance of publications")
    # a light "provide" gives no assistance when what it provides is one of these ("provide oversight of the
    # delivery", "provide content in all official languages", "provide guidance on managing risk"): French and
    # Spanish print another verb ("superviser", "indiquer", "supervisar"), an other task
    "unassisting_objects": ["guidance", "oversight", "content", "access"],
    # help sought from others is none the entity gives ("to seek the full support of the administering Powers",
    # "s'assurer le plein concours des puissances administrantes", "recabar el apoyo de")
    "seeking_verbs": ["seek", "seeking", "secure", "obtain", "enlist"],
    # resources to be shown in a budget proposal are an estimate the entity makes, not assistance it gives ("to
    # include the resources necessary in his next proposed programme budget")
    "budget_places": ["proposed programme budget", "budget proposal", "budget proposals"],
    "averting_verbs": ["avoid"],
    "aside_openers": ["taking", "bearing", "within", "without", "from", "in his capacity", "in her capacity", "in its capacity",
                      "in their capacity", "in his role", "in her role", "in its role", "following consultations",
                      "after consultations"],
    # "hold" or "held" before one of these holds to account, no meeting ("hold programme managers accountable")
    "accountable": ["accountable", "responsible", "liable"],
    # an item included in the provisional agenda with its title between the verb and the agenda ("to include the
    # item entitled "..." in the provisional agenda of its seventy-ninth session")
    "agenda_inclusion": (["include"], "in the provisional agenda"),
    # "meet" holds a meeting only without an object: before one of these words, an adverb in "-ly" or punctuation
    # ("shall meet in Geneva", "meet annually"), not "meet the needs", "meet high standards"
    "meeting_intransitive": ["meet"],
    "meeting_intransitive_followers": ["in", "at", "for", "with", "to", "on", "during", "before", "after", "and", "or",
                                       "again", "once", "twice", "every", "each", "as", "from", "until", "between",
                                       "prior", "no", "not", "without", "within", "via", "virtually", "online"],
    # the report verbs of a task ("to report ... during the briefing" is an oral update when an oral cue follows)
    "report_verbs": ["report"],
    # a light verb before one of these, with only words between, reports ("provide accurate and up-to-date
    # information"), as the cue "provide information"
    "information_nouns": ["information"],
    # the report a deliverable goes into, which is no deliverable of its own ("to provide in his next report an
    # assessment")
    "deliverable_places": ["in his", "in her", "in its", "in their"],
    # a one-word report cue before one of these qualifies it, asks for no report ("the online reporting tool",
    # "reporting requirements", "the report format")
    "qualified_nouns": ["tool", "tools", "mechanism", "mechanisms", "obligations", "requirements", "framework",
                        "frameworks", "system", "systems", "lines", "procedures", "template", "templates", "platform",
                        "format"],
    # "inform" before a process feeds it, reports to no one ("to inform the next cycle of the review", "to inform the
    # intergovernmental process")
    "informing_verbs": ["inform"],
    # a verb that brings its object to someone's attention, the object between: dissemination
    # a document made available is disseminated ("to make up-to-date information available to Member States", "to
    # make the complete report available"); resources made available are assistance
    "making_available": (["make", "making"], ["available"], ["information", "report", "reports", "data", "documents",
                                                             "document", "text", "texts", "records", "publications",
                                                             "materials", "findings", "results"]),
    "bringing_to_attention": [(["bring"], "to the attention")],
    "informed_articles": ["the", "a", "its", "their"],
    "informed_processes": ["process", "processes", "cycle", "work", "deliberations", "discussions", "discussion",
                           "negotiations", "review", "preparations", "policy", "policies", "decision", "decisions",
                           "decision-making", "debate", "planning", "programming", "design", "development"],
    "giving_with": ["with"],
    # a meeting word that names where or how meetings are served is no meeting ("conference services",
    # "services de conférence", "servicios de conferencias")
    "facility_nouns": ["services", "servicing", "facilities", "centres", "rooms", "webcasts"],
    "composition_verbs": ["comprise", "comprises", "consist", "consists", "composed"],
    # what an establishing verb relates rather than creates ("to establish partnerships"): no body, an other task
    "relation_nouns": ["partnership", "partnerships", "contact", "contacts", "relations", "relationships", "links",
                       "environment", "environments", "conditions", "climate",
                       "linkages"],
    "asking_words": ["request", "requests", "invite", "invites", "ask", "asks", "authorize", "authorizes",
                     "authorise", "authorises", "entrust", "entrusts"],
    # a task that passes a request on to others: "to invite Member States to present proposals"
    "relaying_verbs": ["invite", "urge", "encourage", "request", "ask"],
    # infinitives that give no task ("to be followed by an interactive dialogue")
    "not_tasks": ["be", "this", "which"],
    "due_year": r"\b(?:in|by|before|until|during|for|no\s+later\s+than|not\s+later\s+than)\s+(?:the\s+end\s+of\s+|early\s+|mid-|late\s+)?"
                r"(?:(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|"
                r"November|December)\s+)?((?:19|20)\d{2})\b(?!\s*(?:Agenda|agenda))",
    "period": r"\bfor\s+(?:a\s+(?:further\s+|new\s+)?period\s+of\s+|a\s+further\s+|an\s+additional\s+|another\s+)?"
              r"((?:\w+[- ])?\w+\s+(?:years?|months?))\b",
    "review_clause": r"\b(?:review(?:s|ed|ing)?\s+(?:of\s+)?(?:the|its|this|their)\s+(?:\w+\s+){0,3}?(?:mandate|functioning|"
                     r"modalities|methods\s+of\s+work)|evaluat(?:e|es|ed|ion|ions)\b|terminat(?:e|es|ed|ion)\b|"
                     r"sunset|reassess\w*|review\s+(?:this|the\s+present)\s+resolution|review\s+the\s+measures)",
    "existing_resources": r"\b(?:from\s+)?within\s+(?:existing|available)\s+(?:\w+\s+(?:and\s+)?)?resources\b",
    # the body whose session a due session is ("to the Human Rights Council at its sixtieth session")
    "session_bodies": {"General Assembly": ["general assembly", "assembly"],
                       "Human Rights Council": ["human rights council", "the council"],
                       "Commission on the Status of Women": ["commission on the status of women"]},
    "recipient_markers": ["to the", "to"],
    # an article before a task word makes it the object ("submit ... *a report* on ...")
    "articles": ["a", "an", "the"],
    "ordinal_units": {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                      "eighth": 8, "ninth": 9},
    "ordinal_teens": {"tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
                      "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19},
    "ordinal_tens": {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                     "seventieth": 70, "eightieth": 80, "ninetieth": 90},
    "cardinal_tens": {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
                      "eighty": 80, "ninety": 90},
}

FR: dict[str, Any] = {
    "provision_boundaries": [",", ";", "et", ":"],
    "gerund_intro": ["tout en", "en"],
    # ", sachant que", ", considérant que": a participle before "que" opens a provision after a bare comma
    "gerund_after_comma_before": ["que", "qu"],
    "back_references": ["susmentionnés", "susmentionnées", "susmentionné", "susmentionnée", "précités", "précitées",
                        "susvisés", "susvisées"],
    "back_reference_nonstate": ["entités", "organisations", "organismes", "institutions", "organes"],
    "back_reference_all": ["acteurs", "partenaires"],
    "back_reference_elsewhere": ["paragraphe", "paragraphes", "annexe", "résolution", "section"],
    "gerund_suffixes": ["ant"],
    "adverbials": ["à cet égard", "à ce propos", "dans ce contexte", "à cette fin", "en outre", "par ailleurs",
                   "dans ce cadre", "ainsi que"],
    "complement_markers": ["à", "de", "d'", "d’", "que", "qu'", "qu’"],
    # ("à savoir les gouvernements, ...": "namely", the list goes on)
    "non_infinitive_after_to": ["savoir", "la", "le", "les", "l'", "l’", "un", "une", "des", "du", "tous", "toutes",
                                "leur", "leurs", "ses", "son", "sa", "ce", "cette", "ces", "tout", "toute",
                                "l", "d", "nouveau", "nouvelle", "plus", "même", "autres", "autre"],
    "clause_that": ["que", "qu'", "qu’"],
    "purpose_that": ["pour", "afin", "sorte"],
    # "ainsi qu'au Conseil": a "que" of comparison, which opens no clause
    "as_well_as": ["ainsi"],
    "addressee_links": ["de", "du", "des", "entre", "au sein"],
    # the things a name after "de" belongs to ("la Convention *des Nations Unies* contre la corruption", "la
    # résolution 1980/67 *du Conseil économique et social*"): that name is no addressee
    "owned_things": ["convention", "conventions", "traité", "traités", "protocole", "protocoles", "pacte", "charte",
                     "instrument", "instruments", "résolution", "résolutions", "décision", "décisions"],
    # demonstratives for the addressee named before ("prie ce dernier de", "demande à celui-ci de")
    "object_pronouns": ["ce dernier", "cette dernière", "ces derniers", "ces dernières", "celui-ci", "celle-ci",
                        "ceux-ci", "celles-ci", "à ce dernier", "à cette dernière", "à ces derniers",
                        "à ces dernières", "à celui-ci", "à celle-ci", "à ceux-ci", "à celles-ci"],
    # "remercie les États Membres qui ont payé et prie tous les autres de payer": the others of the actors named
    # before, which French leaves unsaid and English repeats ("all other Member States")
    "elliptic_others": ["tous les autres", "toutes les autres", "à tous les autres", "à toutes les autres"],
    "plural_pronouns": ["derniers", "dernières", "ceux", "celles", "ils", "elles", "autres"],
    # subjects of a "que" clause that stand for the actors named before ("recommande qu'ils ...")
    "subject_pronouns": ["ils", "elles", "celui-ci", "celle-ci", "ceux-ci", "celles-ci"],
    # an infinitive after the complement marker ("à coopérer", "de prendre"), and the words that may come before it
    "infinitive": r"(?:er|ir|re|oir)$",
    "infinitive_leads": ["ne", "n", "'", "se", "s", "lui", "leur", "y", "en", "le", "la", "les", "l", "tout", "pas"],
    # a relative clause in the addressee phrase runs to the next comma: no addressee in it
    "relative_pronouns": ["qui"],
    # "les États Membres *souhaitant* accueillir la Conférence des Nations Unies": a participle after the addressee
    # opens an adjunct that runs to the next comma, as a relative clause does
    "adjunct_participle_suffixes": ["ant"],
    # a comma and one of these open an adjunct that runs to the next comma (", pendant le débat sur le rapport de
    # la Commission,"): no addressee in it
    "parenthetical_starts": ["pendant", "durant", "lors", "après", "avant", "sans", "lorsque", "quand", "dès"],
    "party_nouns": ["parties", "partie"],
    # "Prie le Président de sa soixante-dix-huitième session de ...": the President of the Assembly at that session
    "own_president": ["son président", "sa présidente", "sa présidence", "président de sa", "présidente de sa",
                      "présidence de sa"],
    "clitics": ["le", "la", "les", "lui", "leur", "l'", "l’"],
    # "et *lui* demande", "et *l'*invite": a singular clitic stands for one actor, named with a singular determiner
    "singular_clitics": ["le", "la", "lui", "l'", "l’"],
    "singular_determiners": ["le", "la", "l'", "l’", "du", "au", "ce", "cet", "cette", "son", "sa", "un", "une"],
    "plural_determiners": ["les", "des", "aux", "ces", "leurs", "ses"],
    "own_government": ["gouvernement", "autorités", "autorités nationales", "autorités compétentes"],
    "own_government_articles": ["le", "les", "au", "aux", "du", "des"],
    "right_words": ["droit", "droits", "liberté", "libertés"],
    "passive_auxiliaries": ["être", "été", "sera", "seront", "soit", "soient"],
    "participle_suffixes": ["é", "ée", "és", "ées", "is", "ise", "ises", "it", "ite", "its", "ites", "ert", "erte",
                            "erts", "ertes", "u", "ue", "us", "ues"],
    "place_prepositions": ["en", "dans", "depuis"],
    "partner_phrases": ["en consultation avec", "en coopération avec", "en étroite coopération avec",
                        "en coopération notamment avec", "en collaboration notamment avec", "en association avec",
                        "conjointement avec", "avec le concours de", "en concertation avec", "de concert avec",
                        "en étroite concertation avec", "appuyés par", "appuyées par", "appuyé par", "appuyée par",
                        "avec le concours d'", "avec le concours d’", "avec le concours des", "avec l'aide des",
                        "avec l’aide des",
                        "en collaboration avec", "en étroite collaboration avec", "en coordination avec",
                        "en partenariat avec", "avec l'appui", "avec l’appui", "par l'intermédiaire",
                        "par l’intermédiaire", "avec l'aide de", "avec l’aide de", "avec l'aide des", "avec l’aide des",
                        "avec l'aide du", "avec l’aide du", "avec le soutien de",
                        "avec la participation de", "dialogue avec", "dialogue interactif avec", "à l'aide de", "à l’aide de", "à l'aide des",
                        "à l’aide des", "à l'aide du", "à l’aide du", "à l'aide d'", "à l’aide d’",
                        # how, as English "through consultations with": "à la faveur de consultations et d'activités
                        # de coordination avec les autres départements"
                        "à la faveur de consultations", "au moyen de consultations"]
    # the same ways of working when close ("en étroite consultation avec", "en coordination étroite avec") or
    # two at once ("en collaboration et en coordination étroites avec")
    + [f"en {w} avec" for w in _FR_CLOSE]
    + [f"en {a} et {en}{b} étroites avec" for a in _FR_WAYS for b in _FR_WAYS if a != b for en in ("", "en ")],
    # "agissant dans le cadre de leur mandat," runs to the next comma: the list may go on after it
    "condition_phrases": ["conformément", "dans le cadre de", "agissant", "en sa qualité de", "en leur qualité de",
                        "en sa qualité d'", "en sa qualité d’", "en leur qualité d'", "en leur qualité d’",
                        "dans les limites de leur mandat", "dans les limites de leurs mandats",
                        "dans la limite de leurs mandats", "dans le cadre de leurs mandats respectifs",
                        "dans le cadre de leur mandat", "à leur demande", "selon qu'il conviendra",
                        "selon qu’il conviendra", "selon qu'il convient", "selon qu’il convient", "s'il y a lieu",
                        "s’il y a lieu", "selon que de besoin", "en tant que de besoin", "le cas échéant", "en attendant", "compte tenu", "en fonction"],
    "fillers": ["le", "la", "les", "l'", "l’", "l", "un", "une", "des", "tous", "toutes", "tout", "et", "ou",
                ",", "ainsi", "que", "y", "compris", "en", "particulier", "notamment", "autres", "autre",
                "concernés", "concernées", "intéressés", "intéressées", "compétents", "compétentes", "ses",
                "leurs", "son", "sa", "leur", "aux", "au", "à", "de", "du", "d'", "d’", "d", "(", ")",
                "tels", "telles",  # "les entités concernées, tels qu'ONU-Femmes, le PNUD ..."
                "pertinents", "pertinentes", "également", "aussi", "donc", "savoir"],
    # ("rappelle son invitation à X", "rappelle qu'elle a invité X", "... dans laquelle elle a prié X de")
    "embedded_request": r"(?:\b(?:son|sa|leur|ses|leurs|la|le|les)\s+|\bl['’])(?:\w+\s+){0,2}(?:appels?|demandes?|invitations?)\s+"
                        r"(?:(?:faite|faites|adressée|adressées|lancée|lancés|lancé)\s+)?(?:aux?|à|en faveur)\b"
                        r"|\b(?:qu['’]elle|laquelle\s+elle)\s+(?:a|avait)\s+(?:\w+\s+)?"
                        r"(?:invité|prié|engagé|exhorté|encouragé|demandé(?:\s+instamment)?\s+(?:aux?|à))(?=\s)",
    "coordination": [",", "et", "ou", ", et", "ainsi que", "ainsi qu'"],
    "head_prepositions": ["de", "d'", "d’", "à", "au"],
    # "le Rapporteur spécial [du Conseil des droits de l'homme] sur le droit à l'alimentation"
    "mention_skips": ["jouir de", "jouir d'", "jouir d’", "la jouissance de", "la jouissance du",
                      "la pleine jouissance de", "du conseil des droits de l'homme", "du conseil des droits de l’homme"],
    "definite": ["le", "la", "l'", "l’", "au", "du"],
    "mandate_connectors": ["sur", "de", "du", "des", "pour", "chargé", "chargée", "contre"],
    "name_optional": ["des nations unies"],
    "headed_by": ["dirigée par un", "dirigée par une", "dirigé par un", "dirigé par une"],
    "resolution_words": ["résolution", "résolutions", "décision", "décisions"],
    "decision_words": ["décision", "décisions"],
    "own": ["sa", "ses"],
    "bodies": {
        "de l'assemblée générale": "A", "de l’assemblée générale": "A", "assemblée générale": "A",
        "du conseil des droits de l'homme": "A/HRC", "du conseil des droits de l’homme": "A/HRC",
        "conseil des droits de l'homme": "A/HRC", "conseil des droits de l’homme": "A/HRC",
        "du conseil de sécurité": "S", "conseil de sécurité": "S",
        "du conseil économique et social": "E", "conseil économique et social": "E",
        "de la commission des droits de l'homme": "E/CN.4", "de la commission des droits de l’homme": "E/CN.4",
    },
    # "ainsi que", "ainsi qu'aux": the "que" goes on the list, it opens no complement clause
    "list_joiners": [",", "et", ", et", "ainsi que", "ainsi qu'", "ainsi qu’"],
    # "les entités concernées, tels qu'ONU-Femmes et le PNUD, à ...": examples of a list, not a "que" clause
    "example_joiners": ["tels que", "telles que", "tels qu'", "telles qu'", "tels qu’", "telles qu’"],
    "date_after_number": r"\s*,?\s*(?:du|en date du)\s+\d{1,2}(?:er)?\s+[a-zéû]+\s+\d{4}",
    "body_after_number": True,
    "sdg_target": r"\bcibles?\s+",
    "sdg_indicator": r"\bindicateurs?\s+",
    "sdg_goal": r"\b(?:objectifs?\s+de\s+développement\s+durable|objectifs?)\s+(?:n[o°º]\s*)?",
    # "à sa quatre-vingt-unième session", "à ses soixante-dix-neuvième et quatre-vingtième sessions", "à sa 33e session",
    # "durant sa soixante et unième session"; a special session ("sa dixième session extraordinaire") is no due date
    "session": r"\b(?:(?P<at>à|lors\s+de|pour|durant|pendant|au\s+cours\s+de)|avant|de)\s+(?:sa|la|ses)\s+"
               r"(\d+\s*(?:e|ème|re|er)|[a-zéèê\-]+(?:[- ](?:et[- ])?[a-zéèê]+)?)"
               r"(?:\s+et\s+[a-zéèê\d\- ]+?)?\s+sessions?\b(?!\s+extraordinaires?\b)",
    "session_back_reference": r"\b(?:à|lors\s+de|de)\s+(?:la\s+même|cette\s+même|cette|ladite)\s+session\b",
    "session_cited": r"\brapport\s+(?:qu['’](?:il|elle)\s+a\s+)?présenté\s+à\s+[^,;]{0,80}$",
    "session_publication": r"\b(?:documents\s+officiels|comptes\s+rendus(?:\s+(?:des|de\s+ses)\s+(?:débats|séances))?)\s*$",
    "mandate_joins": ["et"],
    "likewise": ["faire de même", "fasse de même", "fassent de même", "en faire autant"],
    "transmitting": ["transmettre"],
    # "d'établir des rapports, ..., à savoir un rapport sur ... et un rapport sur ...": one mandate each
    "deliverable_nouns": ["rapport", "rapports"],
    "deliverable_articles": ["un", "une"],
    # infinitives that take an object clitic in a request ("et de la tenir informée", "et de les aider"): after
    # "de la" / "de les" they are verbs, where "de la mer" is a noun
    "clitic_verbs": ["tenir", "informer", "saisir", "aider", "appuyer", "soutenir", "faire", "appliquer",
                     "renforcer", "protéger", "présenter", "soumettre", "transmettre", "diffuser", "mettre",
                     "examiner", "inclure", "communiquer", "publier", "associer", "consulter", "actualiser",
                     "intégrer", "utiliser", "accompagner", "doter"],
    # an object clitic before the verb that stands for what the task before produced ("et de le présenter")
    "deliverable_clitics": ["le", "les"],
    # a clitic that names the first task's object before a verb that does not report ("et de la diffuser"), or whom a
    # report informs ("et de la tenir informée")
    "object_clitics": ["la", "l"],
    # after a comma, these open an aside up to the next comma that says how or with whom, not what
    # what a task is to avoid is not asked for ("in order to avoid duplication in the issuance of publications")
    "averting_verbs": ["éviter"],
    "aside_openers": ["agissant", "compte tenu", "en tenant compte", "conformément", "par l'intermédiaire",
                      "avec l'appui", "avec l'aide", "avec le concours", "avec le soutien", "en sa qualité",
                      "en leur qualité", "après consultation", "après avoir consulté", "sans"]
    + [f"en {w}" for w in _FR_WAYS + _FR_CLOSE + ["conformité"]],
    # verbs of heeding name no deliverable: "tenir compte de ces débats dans son rapport" asks for the report,
    # as English "consider ... in his report" ("tenir dûment compte" is "give due consideration", an other cue)
    "heeding_phrases": ["tenir compte", "tienne compte", "tiennent compte", "tiendra compte"],
    "mandate_conditions": ["sous réserve que", "sous réserve d'une décision", "si le conseil de sécurité décide"],
    "mandate_markers": ["de", "d", "à"],
    "phrase_joins": ["ainsi que", "ainsi qu"],
    # when what is decided starts or how its meetings are laid out ("que la première séance débutera le lundi",
    # "se tiendront comme suit"): modalities, no task
    "schedule_verbs": ["débutera", "commencera"],
    "describing_predicates": ["comme suit"],
    "assistance_and_services": ["assistance", "services"],
    "agenda_nouns": ["question", "point"],
    "phrase_ends": ["avant", "après", "pendant", "durant", "dans", "sous", "entre", "auprès", "lors", "depuis", "avec",
                    "selon", "jusqu", "parmi", "contre", "vers"],
    "purpose_openers": ["moyen de", "moyen d", "moyens de", "moyens d", "s'efforcer de", "s'efforcer d", "en vue de", "en vue d", "visant à",
                        "tendant à", "destiné à", "destinée à", "destinés à", "destinées à", "l'objectif étant de", "l'objectif étant d", "de façon à", "de manière à"],
    "created_purposes": ["afin de", "afin d", "afin qu", "afin que", "pour", "chargé de", "chargée de", "chargés de",
                         "chargées de", "chargé d", "chargée d", "chargés d", "chargées d"],
    # a list of tasks after one marker repeats it after each comma ("de présenter ..., de solliciter ... et de
    # lui faire rapport"): the markers that head the same list; and nouns in "-re" that a marker also heads
    "listed_markers": {"de": "de", "d": "de", "à": "à"},
    "listed_nouns": ["manière", "nature", "mesure", "matière", "lumière", "ordre", "titre", "cadre", "centre",
                     "nombre", "membre", "procédure", "structure", "culture", "guerre", "frontière"],
    "attention_nouns": ["attention", "considération"],
    "report_verbs": ["rendre", "faire"],
    "information_nouns": ["informations", "renseignements"],
    "deliverable_places": ["dans son", "dans sa", "dans ses", "dans leur", "dans leurs"],
    "informing_verbs": ["informer"],
    "making_available": (["mettre"], ["à la disposition", "à disposition"],
                         ["informations", "information", "rapport", "rapports", "données", "documents", "document",
                          "texte", "textes", "publications", "résultats", "conclusions"]),
    "bringing_to_attention": [(["porter"], "à l'attention")],
    "relation_nouns": ["partenariat", "partenariats", "contact", "contacts", "relations", "liens", "environnement",
                       "environnements", "conditions", "climat"],
    "informed_articles": ["le", "la", "les", "l", "son", "sa", "ses", "leur", "leurs"],
    "informed_processes": ["processus", "cycle", "travaux", "délibérations", "débats", "négociations", "examen",
                           "préparatifs", "politiques", "décisions"],
    "agenda_inclusion": (["inscrire"], "à l'ordre du jour provisoire"),
    # "documents de conférence" are the documents of meetings, as "services de conférence" their services
    "facility_nouns": ["services", "centres", "salles", "installations", "documents"],
    # "étudier" before one of these explores ("étudier les moyens de", "étudier la possibilité de"): English
    # "explore", "consider how best", which are no task words
    # "consulter" holds consultations with people or bodies ("consulter régulièrement les États Membres", "consulter
    # les organisations intergouvernementales"), not with what it reads ("consulter ces archives")
    # an other cue that keeps something up to date gives way to the deliverable it keeps ("tenir à jour ... la
    # compilation en ligne", as "keep up to date the online compilation"), as a light verb does
    "keeping_phrases": ["tenir à jour"],
    # help sought from others is none the entity gives ("to seek the full support of the administering Powers",
    # "s'assurer le plein concours des puissances administrantes", "recabar el apoyo de")
    "seeking_verbs": ["assurer", "obtenir", "solliciter", "rechercher"],
    # "constituer" creates a body when one follows ("de constituer pour la période 2024-2028 un groupe de travail",
    # English "to establish"), not in "constituer une infraction", "constituer une base"
    "body_creating": (["constituer"], ["groupe", "équipe", "comité", "commission", "mécanisme", "réseau", "fonds"]),
    # resources to be shown in a budget proposal are an estimate the entity makes, not assistance it gives ("to
    # include the resources necessary in his next proposed programme budget")
    "budget_places": ["projet de budget"],
    "consulting_verbs": ["consulter"],
    "consulted_nouns": ["organisations", "organismes", "parties", "acteurs", "entités", "institutions", "gouvernements",
                        "pays", "experts", "peuples", "communautés", "représentants", "membres", "organes", "partenaires",
                        "titulaires", "intéressés", "populations", "autorités", "juristes", "spécialistes"],
    # "tenir" holds a meeting only when one follows ("tenir des consultations", "tenir sa prochaine session", "tenir
    # le quinzième Congrès en 2026"), not "tenir une liste", "tenir les engagements", "tenir des élections"
    "holding_verbs": ["tenir"],
    "held_nouns": ["réunion", "réunions", "séance", "séances", "session", "sessions", "consultation", "consultations",
                   "débat", "débats", "conférence", "conférences", "dialogue", "dialogues", "congrès", "table", "tables",
                   "atelier", "ateliers", "séminaire", "séminaires", "colloque", "colloques", "forum", "discussions",
                   "manifestation", "manifestations", "audition", "auditions", "sommet", "concertations"],
    "exploring_verbs": ["étudier"],
    "explored_nouns": ["moyens", "possibilité", "possibilités", "options", "idée", "façons", "manières", "voies"],
    "requesting_verbs": ["demande"],
    # a request made again or recalled is a request: "Réitère les demandes adressées à la Rapporteuse spéciale pour
    # qu'elle ...", "Rappelle qu'elle a demandé à sa présidence de ..." (English "Reiterates its request to",
    # "Recalls its request for")
    "cited_request": r"^rappelle\s+(?:la|les|sa|ses)\s+demandes?\s+(?:qu'elle\s+a\s+)?(?:formulées?|faites?|adressées?)?\s*,?\s*"
                     r"(?:dans|au|aux)\s+(?:le\s+)?(?:paragraphes?\s+\S+\s+de\s+)?(?:sa\s+|la\s+)?résolutions?\b",
    "repeated_request": r"(?:réitère|réaffirme|rappelle)\s+(?:à\s+cet\s+égard\s+|également\s+|aussi\s+)?"
                        r"(?:(?:sa|ses|la|les)\s+(?:précédentes?\s+)?(?:demandes?|invitations?)\s+"
                        r"(?:(?:adressées?|faites?|formulées?)\s+)?(?:à|au|aux)\b|"
                        r"qu['’]elle\s+a\s+(?:demandé|prié|invité)\s+|"
                        r"les\s+dispositions\s+du\s+paragraphe\s+\S+\s+de\s+sa\s+résolution\s+\S+\s*,\s+dans\s+lequel\s+"
                        r"elle\s+a\s+(?:demandé|prié|invité)\s+)",
    "marker_pronouns": ["lui", "leur", "y", "en", "se", "s"],
    "item_verb_endings": ["er", "ir", "re", "oir"],
    "marker_endings": {"de": ["er", "ir", "re", "oir"], "d": ["er", "ir", "re", "oir"], "à": ["er", "ir", "re", "oir"]},
    "due_date": r"(?<!du )\b(?:1er|\d{1,2})\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\s+((?:19|20)\d{2})\b",
    "entity_prepositions": ["de", "du", "des", "avec", "par", "pour"],
    "negations": ["pas"],
    "unnamed_addressee": r"\s*(?:à\s+cet\s+égard\s+|également\s+|en\s+outre\s+|donc\s+)?"
                         r"(?:qu['’]elle\s+a\s+(?:demandé|prié|invité)\s+)?(?:au|aux|à\s+la|à\s+l['’]|le|la|les|l['’])\s*(?:[\w’'()-]+,?\s+){0,8}?"
                         r"(?:de|d['’])\s*(?!la\b|le\b|les\b)[a-zé]+",
    # "Décide de recommander à la Sixième Commission de créer ...", as English "decides to recommend that the Sixth
    # Committee establish"
    "approving_verbs": ["approuver", "adopter"],
    "collective_nouns": ["système", "groupes", "bureaux", "chefs"],
    "asking_words": ["prier", "inviter", "demander", "charger", "autoriser", "prie", "invite", "demande", "autorise",
                     "recommander"],
    # "... le Centre régional ... et l'invite à continuer": a clitic before the verb stands for a body the vocabulary
    # does not know
    "clitic_addressee": (r"(?:\bl['’]|\b(?:les|lui|leur)\s+)$",
                         r"\s*(?:également\s+|aussi\s+|en\s+outre\s+)?(?:à|de|d['’])\s*[a-zéèêàâîôû]+(?:er|ir|re|oir)\b"),
    "relaying_verbs": ["inviter", "engager", "encourager", "demander", "exhorter", "prier"],
    "not_tasks": ["être", "cet", "cette"],
    "due_year": r"\b(?:en|d['’]ici\s+(?:à\s+)?|avant|jusqu['’]au|jusqu['’]en|au\s+plus\s+tard\s+en|pour)\s+"
                r"(?:(?:1er|\d{1,2})\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|"
                r"novembre|décembre)\s+|fin\s+)?((?:19|20)\d{2})\b(?!\s*(?:Agenda|agenda|Programme))",
    "period": r"\bpour\s+une\s+(?:nouvelle\s+)?période\s+(?:supplémentaire\s+)?(?:de\s+|d['’])((?:\w+[- ])?\w+\s+(?:ans|années?|mois))",
    "review_clause": r"\b(?:(?:examiner|réexaminer|revoir)\s+(?:le|son|ce|leur)\s+(?:\w+\s+){0,2}?(?:mandat|fonctionnement|"
                     r"modalités|méthodes\s+de\s+travail)|(?:réexamen|examen)\s+(?:du|de\s+son|de\s+leur)\s+(?:\w+\s+){0,2}?"
                     r"(?:mandat|fonctionnement|modalités)|évaluation|évaluer|mettre\s+fin|cessation|réévalu\w+)",
    "existing_resources": r"\b(?:dans\s+(?:la\s+limite|les\s+limites)\s+des|au\s+moyen\s+des|grâce\s+aux)\s+"
                          r"ressources\s+(?:existantes|disponibles)",
    "session_bodies": {"General Assembly": ["assemblée générale", "assemblée"],
                       "Human Rights Council": ["conseil des droits de l'homme", "conseil des droits de l’homme",
                                                "le conseil"],
                       "Commission on the Status of Women": ["commission de la condition de la femme"]},
    "recipient_markers": ["à", "au", "aux"],
    "articles": ["un", "une", "le", "la", "les", "l", "des", "du"],
    "ordinal_units": {"unième": 1, "premier": 1, "première": 1, "deuxième": 2, "troisième": 3, "quatrième": 4,
                      "cinquième": 5, "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9},
    "ordinal_teens": {"dixième": 10, "onzième": 11, "douzième": 12, "treizième": 13, "quatorzième": 14,
                      "quinzième": 15, "seizième": 16, "dix-septième": 17, "dix-huitième": 18,
                      "dix-neuvième": 19},
    "ordinal_tens": {"vingtième": 20, "trentième": 30, "quarantième": 40, "cinquantième": 50,
                     "soixantième": 60, "soixante-dixième": 70, "quatre-vingtième": 80,
                     "quatre-vingt-dixième": 90},
    "cardinal_tens": {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
                      "quatre-vingt": 80},
}

ES: dict[str, Any] = {
    "provision_boundaries": [",", ";", "y", "e", ":"],
    "gerund_intro": ["al tiempo que", "a la vez que", "mientras que"],
    "back_references": ["mencionadas", "mencionados", "antes mencionadas", "antes mencionados",
                        "mencionadas anteriormente", "mencionados anteriormente", "antes citadas", "antes citados",
                        "citadas anteriormente", "citados anteriormente"],
    "back_reference_nonstate": ["entidades", "organizaciones", "organismos", "instituciones", "órganos"],
    "back_reference_all": ["actores", "asociados", "interesados"],
    "back_reference_elsewhere": ["párrafo", "párrafos", "anexo", "resolución", "sección"],
    "gerund_suffixes": ["ando", "iendo", "yendo", "ándose", "iéndose", "yéndose"],
    "adverbials": ["a este respecto", "en este sentido", "en ese sentido", "a ese respecto", "con ese fin",
                   "con este fin", "en este contexto", "además", "así como", "a estos fines", "a tal fin",
                   "con tal fin", "a tal efecto", "a esos efectos", "a estos efectos", "por lo que", "por consiguiente",
                   "en consecuencia"],
    "complement_markers": ["a", "de", "que"],
    "non_infinitive_after_to": ["la", "el", "los", "las", "un", "una", "todos", "todas", "su", "sus", "este",
                                "esta", "estos", "estas", "ese", "esa", "cada", "otros", "otras", "lo"],
    "clause_that": ["que"],
    "purpose_that": ["para", "fin"],
    "addressee_links": ["de", "del", "entre", "dentro"],
    "owned_things": ["convención", "convenciones", "tratado", "tratados", "protocolo", "protocolos", "pacto", "carta",
                     "instrumento", "instrumentos", "resolución", "resoluciones", "decisión", "decisiones"],
    "object_pronouns": ["a este último", "a esta última", "a estos últimos", "a estas últimas", "a este",
                        "a esta", "a estos", "a estas"],
    "plural_pronouns": ["últimos", "últimas", "estos", "estas", "ellos", "ellas"],
    "subject_pronouns": ["ellos", "ellas", "este último", "esta última", "estos últimos", "estas últimas"],
    "infinitive": r"(?:ar|er|ir|ír)(?:se|lo|la|los|las|le|les)?$",
    "infinitive_leads": ["no"],
    "parenthetical_starts": ["durante", "tras", "después", "antes", "sin", "cuando", "mientras"],
    "party_nouns": ["partes", "parte"],
    "own_president": ["su presidente", "su presidenta", "su presidencia"],
    "clitics": ["le", "la", "lo", "les", "los", "las"],
    "singular_clitics": ["le", "la", "lo"],
    "singular_determiners": ["el", "la", "al", "del", "este", "esta", "su", "un", "una"],
    "plural_determiners": ["los", "las", "estos", "estas", "sus", "unos", "unas"],
    "own_government": ["gobierno", "autoridades", "autoridades nacionales", "autoridades competentes"],
    "own_government_articles": ["el", "las", "al", "del"],
    "right_words": ["derecho", "derechos", "libertad", "libertades"],
    "passive_auxiliaries": ["ser", "sea", "sean", "será", "serán", "sido"],
    "participle_suffixes": ["ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"],
    "place_prepositions": ["en", "desde", "dentro"],
    "partner_phrases": ["en consulta con", "a través de consultas con", "en cooperación con", "en estrecha cooperación con",
                        "en colaboración con", "en estrecha colaboración con", "en coordinación con",
                        "en asociación con", "con el apoyo de", "por conducto de", "junto con",
                        "con la asistencia de", "con la participación de", "diálogo con", "diálogo inclusivo con",
                        "diálogo interactivo con"]
    # the same ways of working when close ("en estrecha consulta con", "en plena coordinación con") or two at once
    # ("en consulta y cooperación con", "en estrecha cooperación y coordinación con")
    + [f"en {w} con" for w in _ES_CLOSE]
    + [f"en {a} y {b} con" for a in _ES_CLOSE for b in _ES_CLOSE if not a.endswith(b) and not b.endswith(a)],
    "condition_phrases": ["de conformidad con", "con arreglo a", "actuando", "en su calidad de", "en su carácter de",
                        "en el marco de sus mandatos", "en el marco de su mandato", "dentro de sus mandatos",
                        "en el marco de sus respectivos mandatos", "cuando lo soliciten", "a solicitud",
                        "según proceda", "cuando proceda", "hasta que", "en consonancia con"],
    "fillers": ["el", "la", "los", "las", "lo", "un", "una", "todos", "todas", "y", "e", "o", "u", ",", "así",
                "como", "incluidos", "incluidas", "incluido", "incluida", "en", "particular", "especial",
                "especialmente", "otros", "otras", "otro", "otra", "pertinentes", "interesados", "interesadas",
                "competentes", "sus", "su", "a", "al", "de", "del", "(", ")", "también", "entre", "ellos", "ellas"],
    # ("recuerda su invitación a X", "recuerda que invitó a X", "... en la que solicitó al X que")
    "embedded_request": r"\b(?:su|sus|la|el|los|las)\s+(?:\w+\s+){0,2}(?:llamamientos?|exhortaci(?:ón|ones)|solicitud(?:es)?|"
                        r"petici(?:ón|ones)|invitaci(?:ón|ones))\s+(?:(?:hecha|hechas|formulada|formuladas|dirigida|"
                        r"dirigidas|que\s+hizo|que\s+formuló|que\s+dirigió|urgente|urgentes)\s+)?(?:a|al|de(?=\s+que\b))\b"
                        r"|\b(?:en\s+(?:la|el)\s+que|en\s+que|que)\s+(?:también\s+|además\s+|la\s+Asamblea\s+)?"
                        r"(?:invitó|solicitó|pidió|exhortó|alentó|instó)"
                        r"\s+(?:a|al)\b",
    "coordination": [",", "y", "e", "o", "u", ", y", "así como"],
    "head_prepositions": ["de", "a", "al", "del"],
    # "el Relator Especial [del Consejo de Derechos Humanos] sobre el derecho a la alimentación": the body a
    # special procedure reports to may stand inside its name
    "mention_skips": ["disfrutar de", "disfrutar del", "el disfrute de", "el disfrute del", "gozar de",
                      "del consejo de derechos humanos"],
    "definite": ["el", "la", "al", "del"],
    "mandate_connectors": ["sobre", "de", "del", "para", "encargado", "encargada", "contra"],
    "name_optional": ["de las naciones unidas"],
    "headed_by": ["encabezado por un", "encabezada por un", "dirigido por un", "dirigida por un"],
    "resolution_words": ["resolución", "resoluciones", "decisión", "decisiones"],
    "decision_words": ["decisión", "decisiones"],
    "own": ["su", "sus"],
    "bodies": {
        "de la asamblea general": "A", "asamblea general": "A",
        "del consejo de derechos humanos": "A/HRC", "consejo de derechos humanos": "A/HRC",
        "del consejo de seguridad": "S", "consejo de seguridad": "S",
        "del consejo económico y social": "E", "consejo económico y social": "E",
        "de la comisión de derechos humanos": "E/CN.4",
    },
    "list_joiners": [",", "y", "e", ", y", "así como"],
    "date_after_number": r"\s*,?\s*de\s+\d{1,2}\s+de\s+[a-záéíóú]+\s+(?:de\s+)?\d{4}",
    "body_after_number": True,
    "sdg_target": r"\bmetas?\s+",
    "sdg_indicator": r"\bindicador(?:es)?\s+",
    "sdg_goal": r"\b(?:objetivos?\s+de\s+desarrollo\s+sostenible|objetivos?)\s+",
    # "en su octogésimo primer período de sesiones", "en su 34º período de sesiones", and the plural with its
    # ordinals after it: "en sus períodos de sesiones septuagésimo noveno y octogésimo" (the first is due); the
    # session of a provisional agenda is due ("el programa provisional de su octogésimo primer período de sesiones")
    "session": r"\b(?:(?P<at>en|durante|para|(?<=provisional )de|a\s+partir\s+de(?=l\s))|antes\s+de(?:\s+que\s+(?:finalice|concluya|termine))?|antelación\s+a|de)(?:\s+|(?<=partir\sde|mienzo\sde|inicio\sde)(?=l\s))(?:(?:su|el|l)\s+(\d+\s*(?:º|°|ª|er|o)|[a-záéíóú]+(?:\s+[a-záéíóú]+)?)"
               r"(?:\s+y\s+[a-záéíóú\dº° ]+?)?\s+períodos?\s+de\s+sesiones\b|sus\s+períodos\s+de\s+sesiones\s+"
               r"(?P<after>\d+\s*(?:º|°|ª|er|o)|[a-záéíóú]+(?:\s+(?!y\b)[a-záéíóú]+)?))",
    "session_back_reference": r"\b(?:en|(?<=provisional )de)\s+(?:dicho|ese|el\s+mismo|ese\s+mismo)\s+período\s+de\s+sesiones\b",
    "session_cited": r"\binforme\s+(?:que\s+)?(?:presentó|presentado)\s+a\s+[^,;]{0,80}$",
    "session_publication": r"\b(?:documentos\s+oficiales|actas(?:\s+de\s+las\s+(?:deliberaciones|sesiones)(?:\s+celebradas)?)?)\s*$",
    "mandate_joins": ["y", "e"],
    "likewise": ["haga lo propio", "hagan lo propio", "haga otro tanto", "hagan otro tanto", "hacer lo propio"],
    "transmitting": ["transmita", "transmitan", "transmitir"],
    # coordinated deliverables of a report, each due on its own ("un informe provisional ... y un informe final
    # ..."); the list after "a saber," is of the reports just asked for
    "deliverable_nouns": ["informe", "informes", "actualización", "actualizaciones"],
    "namely": ["a saber"],
    # words of a purpose: the infinitives coordinated after them are its own ("para examinar ... y debatir ...")
    "purpose_words": ["para", "fin", "miras", "objeto", "vistas"],
    "phrase_joins": ["así como"],
    "assistance_and_services": ["asistencia", "servicios"],
    # "que la primera sesión comenzará el lunes", "se celebrarán como se indica a continuación"
    "schedule_verbs": ["comenzará"],
    "describing_predicates": ["como se indica a continuación"],
    # gerunds too short for the suffix test ("siga prestando servicios y dando a conocer sus conclusiones")
    "short_gerunds": ["dando"],
    "agenda_nouns": ["tema", "subtema"],
    "phrase_ends": ["antes", "después", "durante", "dentro", "bajo", "entre", "ante", "según", "hasta", "desde",
                    "sobre", "contra", "hacia", "mediante"],
    "purpose_openers": ["con miras a", "encaminado a", "encaminada a", "encaminados a", "encaminadas a",
                        "destinado a", "destinada a", "destinados a", "destinadas a", "de manera que", "de modo que"],
    "created_purposes": ["para", "a fin de", "con el fin de", "con miras a", "con objeto de", "encargado de",
                         "encargada de", "encargados de", "encargadas de", "fines"],
    "mandate_conditions": ["siempre que el consejo", "a reserva de que", "en caso de que el consejo"],
    "mandate_markers": ["que", "a"],
    # a word between the join and the marker of a second task ("y de que informe al respecto")
    "marker_leads": ["de"],
    "attention_nouns": ["atención", "consideración"],
    "report_verbs": ["informe", "informen", "informar"],
    "information_nouns": ["información"],
    "deliverable_places": ["en su", "en sus"],
    "making_available": (["poner", "ponga", "pongan", "poniendo"], ["a disposición", "a la disposición"],
                         ["información", "informe", "informes", "datos", "documentos", "documento", "texto", "textos",
                          "publicaciones", "resultados", "conclusiones"]),
    "bringing_to_attention": [(["señalar", "señale", "señalen"], "a la atención"),
                              (["poner", "ponga", "pongan"], "en conocimiento de")],
    # "decide incluir el tema titulado "..." en el programa provisional de su octogésimo segundo período de sesiones"
    "agenda_inclusion": (["incluir"], "en el programa provisional"),
    # "asistir" and "asistencia" attend a meeting before one of these ("asistan a la Conferencia", "la asistencia
    # a las sesiones"), else they assist
    "attending_words": ["asistir", "asista", "asistan", "asistiendo", "asistencia"],
    "attended_nouns": ["sesiones", "sesión", "reunión", "reuniones", "conferencia", "cumbre", "foro", "debate",
                       "diálogo", "seminario", "taller", "curso", "período"],
    # "reunión" is also the gathering of data ("la reunión y el análisis de datos", "la reunión de información")
    # "estudiar" before one of these explores ("estudie la posibilidad de", "estudie opciones para"): English
    # "explore", "consider"
    "exploring_verbs": ["estudiar", "estudie", "estudien", "estudiando"],
    "explored_nouns": ["posibilidad", "posibilidades", "opciones", "medios", "maneras", "formas", "mecanismos",
                       "posibles", "vías", "modo", "modos", "alternativas"],
    # verbs that continue a task given as a gerund ("que siga prestando ..."): a gerund after "y" is a second task
    "continuing_verbs": ["siga", "sigan", "continúe", "continúen", "prosiga", "prosigan"],
    # a verb that proposes candidates nominates them ("que propongan oportunamente a sus candidatos")
    "nominating": (["proponer", "proponga", "propongan"], ["candidato", "candidatos", "candidata", "candidatas"]),
    # the infinitives a gerund is read as, for its task cue ("que siga estudiando" as "estudiar")
    "gerund_infinitives": {"ando": ["ar"], "iendo": ["er", "ir"]},
    # what a thing is to undergo ("el informe ... que habrá de examinar en su ... período de sesiones", English "to be
    # considered at its"): an agenda cue after these decides nothing
    "prospective": ["habrá de", "habrán de", "ha de", "han de"],
    "relation_nouns": ["alianza", "alianzas", "asociación", "asociaciones", "contacto", "contactos", "relaciones",
                       "entorno", "entornos", "condiciones", "clima",
                       "vínculos"],
    "gathering_cues": ["reunión"],
    "gathered_nouns": ["datos", "información", "pruebas", "estadísticas", "análisis"],
    # what a task is to avoid is not asked for ("in order to avoid duplication in the issuance of publications")
    "averting_verbs": ["evitar"],
    # help sought from others is none the entity gives ("to seek the full support of the administering Powers",
    # "s'assurer le plein concours des puissances administrantes", "recabar el apoyo de")
    "seeking_verbs": ["recabar", "recabe", "recaben", "obtener", "obtenga", "obtengan", "procurar"],
    # resources to be shown in a budget proposal are an estimate the entity makes, not assistance it gives ("to
    # include the resources necessary in his next proposed programme budget")
    "budget_places": ["proyecto de presupuesto"],
    "aside_openers": ["teniendo", "tomando", "habida cuenta", "con cargo a", "con los recursos", "dentro de los límites",
                      "dentro de los recursos", "en su calidad de", "en calidad de", "previa consulta", "tras consultar",
                      "después de consultar", "sin"],
    # verbs of help that help to do something before "a" and an infinitive ("para ayudar a conseguir")
    "helping_verbs": ["ayudar", "ayude", "ayuden", "ayudando"],
    # object pronouns printed at the end of an infinitive ("publicarlos", "presentárselo"), longest first
    # (not a reflexive "se": "presentarse al servicio" is to report to duty, no report)
    "enclitics": ["selos", "selas", "selo", "sela", "los", "las", "les", "lo", "la", "le"],
    # a task that passes a request on to others: "que invite a los Gobiernos a que proporcionen información"
    "relaying_verbs": ["invite", "inviten", "inste", "insten", "aliente", "alienten", "pida", "pidan", "solicite",
                       "soliciten", "exhorte", "exhorten", "invitar", "instar", "alentar", "pedir", "solicitar",
                       "exhortar"],
    "facility_nouns": ["servicios", "centros", "salas", "instalaciones"],
    # a meeting cue after these describes the meetings of another ("las reuniones que deba celebrar", English "that
    # must be held"), and after "que" that follows an event's name, that event ("un Foro ... que se celebre")
    "describing_passives": ["que deba", "que deban"],
    # a verb after "que" on a noun is in a relative clause of another's act ("las propuestas que le presenten los
    # países"); these words before "que" open no relative ("vele por que", "a medida que", "de manera que")
    "relative_that": ["que"],
    "infinitive_endings": ["ar", "er", "ir"],
    # a report word in the complement of one of these qualifies it ("el mecanismo de vigilancia y presentación de
    # informes", English "the monitoring and reporting mechanism")
    "qualified_before": ["mecanismo", "mecanismos", "obligaciones", "sistema", "sistemas", "herramienta",
                         "herramientas", "requisitos", "procedimientos", "plataforma"],
    "not_antecedents": ["por", "para", "de", "a", "en", "con", "sin", "hasta", "así", "ya", "mientras", "siempre",
                        "medida", "manera", "modo", "forma", "lo", "tal", "vez", "luego", "solicita", "pide",
                        "invita", "decide", "insta", "alienta", "exhorta", "considera", "recomienda", "reitera",
                        "reafirma", "recuerda", "subraya", "destaca", "observa", "señala", "reconoce", "estima"],
    "describing_relatives": ["que"],
    # "celebrar" holds a meeting or observes a day: with one of these (as a name) near it, it observes
    "observing_cues": ["celebre", "celebren", "celebrar"],
    "observances": ["día", "año", "decenio", "semana", "jornada"],
    "requesting_verbs": ["pide"],
    "marker_pronouns": ["le", "les", "se"],
    # a clitic before the verb that stands for what the task before produced ("que prepare un informe ... y que
    # se lo presente")
    "deliverable_clitics": ["lo", "los"],
    "object_clitics": ["la", "las"],
    "item_verb_endings": ["ar", "er", "ir", "e", "a", "en", "an"],
    "marker_endings": {"a": ["ar", "er", "ir"]},
    # verbs in the subjunctive that open a second task after "y" without repeating "que" ("que vigile ... y
    # estudie ...")
    "coordinated_verbs": {"siga", "sigan", "prosiga", "prosigan", "continúe", "continúen", "incluya", "incluyan",
                          "estudie", "estudien", "presente", "presenten", "vele", "velen", "adopte", "adopten",
                          "promueva", "promuevan", "preste", "presten", "difunda", "difundan", "convoque",
                          "convoquen", "organice", "organicen", "establezca", "establezcan", "elabore", "elaboren",
                          "prepare", "preparen", "mantenga", "mantengan", "colabore", "colaboren", "refuerce",
                          "refuercen", "fortalezca", "fortalezcan", "apoye", "apoyen", "ayude", "ayuden",
                          "proporcione", "proporcionen", "facilite", "faciliten", "examine", "examinen", "considere",
                          "consideren", "vigile", "vigilen", "evalúe", "evalúen", "recopile", "recopilen",
                          "actualice", "actualicen", "transmita", "transmitan", "designe", "nombre", "aliente",
                          "alienten", "mejore", "mejoren", "asegure", "aseguren", "garantice", "garanticen",
                          "publique", "publiquen", "celebre", "celebren", "intensifique", "intensifiquen",
                          "desarrolle", "desarrollen", "reúna", "analice", "analicen", "determine", "determinen",
                          "señale", "haga", "hagan", "ponga", "pongan", "movilice", "movilicen",
                          "cree", "creen", "amplíe", "amplíen", "coordine", "coordinen", "redoble", "redoblen",
                          "informe", "informen", "comunique", "comuniquen", "remita", "remitan", "explique",
                          "expliquen", "concluya", "entable", "entablen", "ofrezca", "ofrezcan", "asigne",
                          "asignen", "invite", "inviten", "participe", "participen", "tome",
                          "tomen", "recabe", "recaben", "confíe", "aplique", "apliquen", "trabaje", "trabajen",
                          "procure", "procuren", "lleve", "lleven", "incorpore", "incorporen", "aumente", "aumenten",
                          "inicie", "inicien", "distribuya", "distribuyan", "disponga", "dispongan", "confeccione", "conceda", "concedan",
                          "actúe", "actúen", "formule", "formulen", "ejecute", "ejecuten", "estreche", "estrechen",
                          "consiga", "dé", "den", "rinda", "rindan", "responda", "respondan", "identifique",
                          "identifiquen",
                          "contribuya", "contribuyan", "evite", "eviten", "ataque", "ataquen"},
    # "a que, en su período de sesiones de 2024, continúe": an adverbial between the marker and its verb
    "marker_parenthetical": True,
    "due_date": r"(?<!de )\b\d{1,2}\s+de\s+(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\s+de\s+((?:19|20)\d{2})\b",
    "entity_prepositions": ["de", "del", "con", "por", "para"],
    "negations": ["no"],
    # a request made again is a request: "Reitera sus anteriores solicitudes a la Relatora Especial para que",
    # "Reafirma la solicitud hecha al Secretario General de que", "reitera la solicitud de que el Departamento ..."
    # (English "Reiterates its request" is a verb label)
    "cited_request": r"^recuerda\s+(?:su|sus|la|las)\s+(?:solicitud(?:es)?|petici(?:ón|ones))\s*,?\s+(?:que\s+formuló\s+|"
                     r"formulada\s+|hecha\s+)?(?:en\s+)?(?:el\s+párrafo\s+\S+\s+de\s+)?(?:su\s+|la\s+)?resolución\b",
    "repeated_request": r"(?:reitera|reafirma|recuerda)\s+(?:(?:a|en)\s+(?:este|ese)\s+(?:respecto|sentido)\s+|también\s+|"
                        r"además\s+)?(?:su|sus|la|las)\s+(?:anteriores\s+)?(?:solicitud(?:es)?|"
                        r"petici(?:ón|ones)|invitaci(?:ón|ones))\s+(?:(?:hecha|hechas|formulada|formuladas|que\s+hizo|"
                        r"que\s+formuló|que\s+dirigió)\s+)?(?:a|al|de(?=\s+que\b))\b",
    # "... el Centro Regional y le solicita que ...": a clitic before the verb stands for a body the vocabulary
    # does not know
    "clitic_addressee": (r"\b(?:le|les)\s+$", r"\s*(?:también\s+|además\s+)?(?:a\s+)?que\b"),
    "unnamed_addressee": r"\s*(?:a\s+este\s+respecto\s+|también\s+|además\s+)?(?:al|a\s+la|a\s+los|a\s+las)\s+"
                         r"(?:[\w’'()-]+,?\s+){0,8}?(?:a\s+)?que,?\s+[a-zé]+",
    "approving_verbs": ["aprobar"],
    "collective_nouns": ["sistema", "grupos", "mesas", "jefes"],
    "asking_words": ["solicitar", "invitar", "pedir", "encargar", "autorizar", "solicita", "invita", "pide", "autoriza"],
    "not_tasks": ["ser"],
    "due_year": r"\b(?:en|para|antes\s+de|hasta\s+el|hasta|a\s+más\s+tardar\s+en|de\s+aquí\s+a)\s+"
                r"(?:(?:\d{1,2}\s+de\s+)?(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|"
                r"octubre|noviembre|diciembre)\s+de\s+|finales\s+de\s+)?((?:19|20)\d{2})\b(?!\s*(?:Agenda|agenda))",
    "period": r"\bpor\s+un\s+(?:nuevo\s+)?período\s+(?:adicional\s+)?de\s+((?:\w+\s+)?\w+\s+(?:años?|meses|mes))",
    "review_clause": r"\b(?:(?:examinar|revisar|reexaminar)\s+(?:el|su|este)\s+(?:\w+\s+){0,2}?(?:mandato|funcionamiento|"
                     r"modalidades|métodos\s+de\s+trabajo)|(?:examen|revisión)\s+(?:del|de\s+su)\s+(?:\w+\s+){0,2}?"
                     r"(?:mandato|funcionamiento|modalidades)|evaluaci[oó]n|evaluar|poner\s+fin|terminaci[oó]n)",
    "existing_resources": r"\b(?:con\s+cargo\s+a|dentro\s+de(?:\s+los\s+límites\s+de)?|con)\s+los\s+recursos\s+"
                          r"(?:existentes|disponibles)",
    "session_bodies": {"General Assembly": ["asamblea general", "asamblea"],
                       "Human Rights Council": ["consejo de derechos humanos", "el consejo"],
                       "Commission on the Status of Women": ["comisión de la condición jurídica y social de la mujer"]},
    "recipient_markers": ["a", "al"],
    "articles": ["un", "una", "el", "la", "los", "las", "del"],
    "ordinal_units": {"primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4,
                      "quinto": 5, "sexto": 6, "séptimo": 7, "octavo": 8, "noveno": 9},
    "ordinal_teens": {"décimo": 10, "undécimo": 11, "duodécimo": 12},
    "ordinal_tens": {"vigésimo": 20, "trigésimo": 30, "cuadragésimo": 40, "quincuagésimo": 50,
                     "sexagésimo": 60, "septuagésimo": 70, "octogésimo": 80, "nonagésimo": 90,
                     "octagésimo": 80},  # a spelling the Assembly's Spanish texts also print
    "cardinal_tens": {},
}

GRAMMARS: dict[str, dict[str, Any]] = {"en": EN, "fr": FR, "es": ES}


def grammar(language: str) -> dict[str, Any]:
    """The grammar of a language; English for languages without one (their verbs then rarely match)."""
    return GRAMMARS.get(language, EN)
