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
    ("es", "Invita al Secretario General a cooperar y pide a este último que presente un informe;",
     ["secretary-general"]),
    ("es", "Invita a los Estados Miembros a cooperar y exhorta a estos a que actúen;", ["member-states"]),
    ("es", "Toma nota del informe y exhorta a estos Estados a que actúen;", ["states"]),
])
def test_demonstratives_stand_for_the_actor_named_before(vocab, lang, text, expected):
    prs = provisions(vocab, [text], language=lang)
    assert len(prs) == 2
    assert local(prs[1].addressees) == expected
