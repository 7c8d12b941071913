"""ONTOLOGY.md, ontology/kg.ttl, ontology/shapes.ttl and kg/rdf/vocab.py agree."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from .conftest import REPO, SHARED
from kg.rdf import vocab
from kg.rdf.namespaces import PREFIXES

KG = rdflib.Namespace("https://w3id.org/warta/ontology#")
STANDARD = ("http://www.w3.org/", "http://schema.org/", "http://semanticweb.cs.vu.nl/2009/11/sem/")


@pytest.fixture(scope="module")
def onto():
    return rdflib.Graph().parse(REPO / "ontology" / "kg.ttl", format="turtle")


@pytest.fixture(scope="module")
def shapes():
    return rdflib.Graph().parse(REPO / "ontology" / "shapes.ttl", format="turtle")


def _contract_terms() -> set[str]:
    """Every kg: name in the class and property tables of ../shared/ONTOLOGY.md."""
    text = (SHARED / "ONTOLOGY.md").read_text(encoding="utf-8")
    tables = re.findall(r"^## (Classes|Properties)\n(.*?)(?=^## )", text, re.S | re.M)
    assert len(tables) == 2, "ONTOLOGY.md: class and property tables not found"
    names: set[str] = set()
    for _, body in tables:
        for line in body.splitlines():
            if line.startswith("|") and not line.startswith("|---"):
                for span in re.findall(r"`([^`]*)`", line):
                    names.update(re.findall(r"\bkg:(\w+)", span))
    return names


def test_contract_has_the_expected_size():
    names = _contract_terms()
    assert {"Actor", "Deployment", "speaker", "troopCount", "Denied", "MoreThan", "sha256"} <= names
    assert len(names) >= 40


def test_every_contract_term_is_defined_in_kg_ttl(onto):
    defined = {str(s)[len(str(KG)):] for s in onto.subjects(RDF.type, None) if str(s).startswith(str(KG))}
    missing = _contract_terms() - defined
    assert not missing, f"in ONTOLOGY.md but not defined in ontology/kg.ttl: {sorted(missing)}"


def test_every_contract_term_is_in_vocab():
    missing = {n for n in _contract_terms() if n not in vocab.KG}
    assert not missing, f"missing from kg/rdf/vocab.py (run scripts/gen_vocab.py): {sorted(missing)}"


def test_vocab_module_is_up_to_date():
    r = subprocess.run([sys.executable, str(REPO / "scripts" / "gen_vocab.py"), "--check"],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr


def test_vocab_is_closed():
    with pytest.raises(AttributeError, match="did you mean kg:speaker"):
        vocab.KG.speakr  # noqa: B018


def test_every_term_has_english_and_indonesian_label_and_comment(onto):
    for s in set(onto.subjects(RDF.type, None)):
        if not str(s).startswith(str(KG)):
            continue
        for p in (RDFS.label, RDFS.comment):
            langs = {o.language for o in onto.objects(s, p)}
            assert {"en", "id"} <= langs, f"{s} lacks {p} in en/id (has {langs})"


@pytest.mark.parametrize(
    "cls, supers",
    [
        ("Actor", ["http://www.w3.org/ns/prov#Agent", "http://semanticweb.cs.vu.nl/2009/11/sem/Actor"]),
        ("Person", [str(KG.Actor), "http://schema.org/Person"]),
        ("Organization", [str(KG.Actor), "http://schema.org/Organization"]),
        ("Country", [str(KG.Actor), str(KG.Place)]),
        ("Place", ["http://schema.org/Place", "http://semanticweb.cs.vu.nl/2009/11/sem/Place"]),
        ("Event", ["http://semanticweb.cs.vu.nl/2009/11/sem/Event"]),
        ("Statement", [str(KG.Event)]),
        ("Deployment", [str(KG.Event)]),
        ("Agreement", [str(KG.Event)]),
        ("Article", ["http://schema.org/NewsArticle"]),
    ],
)
def test_superclasses_and_alignments(onto, cls, supers):
    got = {str(o) for o in onto.objects(KG[cls], RDFS.subClassOf)}
    assert set(supers) <= got


def test_individuals_belong_to_their_classes(onto):
    for m in ("Asserted", "Possible", "Planned", "Denied"):
        assert (KG[m], RDF.type, KG.Modality) in onto
    for q in ("Exact", "About", "AtLeast", "UpTo", "MoreThan"):
        assert (KG[q], RDF.type, KG.CountQualifier) in onto
    ont = rdflib.URIRef("https://w3id.org/warta/ontology")
    assert (ont, RDF.type, OWL.Ontology) in onto and onto.value(ont, OWL.versionInfo)


def test_shapes_use_only_defined_or_standard_properties(onto, shapes):
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    defined = set(onto.subjects(RDF.type, None))
    for path in shapes.objects(None, SH.path):
        p = str(path)
        assert (path in defined) or p.startswith(STANDARD), f"shapes use undefined property {p}"
    for cls in shapes.objects(None, SH["class"]):
        assert cls in defined or str(cls).startswith(STANDARD), f"shapes use undefined class {cls}"


def test_every_shape_constraint_has_a_message(shapes):
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    for prop in shapes.objects(None, SH.property):
        assert shapes.value(prop, SH.message), f"a property shape on {shapes.value(prop, SH.path)} has no sh:message"


def test_prefixes_match_the_contract():
    assert PREFIXES["kg"] == "https://w3id.org/warta/ontology#"
    assert PREFIXES["kgr"] == "https://w3id.org/warta/resource/"
    assert PREFIXES["wd"] == "http://www.wikidata.org/entity/"
