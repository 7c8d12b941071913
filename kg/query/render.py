r"""Render a query ``Result``: table (rich), CSV, TSV, SPARQL JSON/XML, Turtle, N-Triples, JSON-LD.

CSV, TSV, JSON and XML follow the W3C "SPARQL 1.1 Query Results" formats (XML is written by
pyoxigraph's serializer); CONSTRUCT/DESCRIBE results print as Turtle, N-Triples, JSON-LD
(``json`` is JSON-LD for them) or RDF/XML (``xml``).

>>> from pyoxigraph import NamedNode, Literal
>>> r = Result("SELECT", variables=["who", "n"],
...            rows=[(NamedNode("http://www.wikidata.org/entity/Q423"), Literal("1500", datatype=NamedNode(XSD + "integer")))])
>>> to_csv(r)
'who,n\r\nhttp://www.wikidata.org/entity/Q423,1500\r\n'
>>> to_json(r)
'{"head": {"vars": ["who", "n"]}, "results": {"bindings": [{"who": {"type": "uri", "value": "http://www.wikidata.org/entity/Q423"}, "n": {"type": "literal", "value": "1500", "datatype": "http://www.w3.org/2001/XMLSchema#integer"}}]}}'
>>> short(NamedNode("http://www.wikidata.org/entity/Q423"))
'wd:Q423'
"""

from __future__ import annotations

import csv
import io
import json
import re
from typing import Any, Optional

import pyoxigraph as ox

from kg.errors import QueryError
from kg.rdf.namespaces import PREFIXES as _NAMESPACES
from kg.query.run import Result, Term

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

# the prefixes Warta writes (kg.rdf.namespaces), plus vocabularies a query is likely to return
PREFIXES: dict[str, str] = {
    **_NAMESPACES,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "sh": "http://www.w3.org/ns/shacl#",
}

FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle", "ntriples", "jsonld")
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")  # SELECT / ASK
GRAPH_FORMATS = ("table", "turtle", "ntriples", "jsonld", "json", "xml")  # CONSTRUCT / DESCRIBE


def render(result: Result, fmt: str = "table", *, prefixes: Optional[dict[str, str]] = None) -> str:
    """The result as text in ``fmt`` (``table`` is for a terminal; see ``print_table``)."""
    fmt = normalise_format(fmt)
    if result.is_graph:
        if fmt == "table":
            return _table_text(result, prefixes)
        if fmt in GRAPH_FORMATS:
            return to_rdf(result, fmt, prefixes)
        raise QueryError(
            f"{result.form} returns triples: {fmt} is for SELECT/ASK",
            hint="use --format " + ", ".join(GRAPH_FORMATS),
        )
    if fmt not in RESULT_FORMATS:
        raise QueryError(f"{fmt} is for CONSTRUCT/DESCRIBE results", hint="use --format " + ", ".join(RESULT_FORMATS))
    return {"csv": to_csv, "tsv": to_tsv, "json": to_json, "xml": to_xml}.get(fmt, lambda r: _table_text(r, prefixes))(result)


def normalise_format(fmt: str) -> str:
    """The canonical name of an output format (``ttl`` -> ``turtle``); unknown names are an error."""
    fmt = {"ttl": "turtle", "nt": "ntriples", "n-triples": "ntriples", "json-ld": "jsonld"}.get(fmt.lower(), fmt.lower())
    if fmt not in FORMATS:
        raise QueryError(f"unknown output format {fmt!r}", hint="use one of " + ", ".join(FORMATS))
    return fmt


# -- W3C result formats ----------------------------------------------------------------------
def term_json(t: Term) -> dict[str, Any]:
    """One RDF term in the SPARQL 1.1 Query Results JSON format."""
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            out["datatype"] = t.datatype.value
        return out
    if isinstance(t, ox.Triple):  # SPARQL 1.2 / RDF-star
        return {
            "type": "triple",
            "value": {"subject": term_json(t.subject), "predicate": term_json(t.predicate), "object": term_json(t.object)},
        }
    raise QueryError(f"cannot encode term {t!r}")


def to_json(result: Result) -> str:
    if result.form == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, ensure_ascii=False)
    bindings = [
        {v: term_json(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
    ]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}}, ensure_ascii=False)


def to_xml(result: Result) -> str:
    """The SPARQL Query Results XML Format, written by pyoxigraph's serializer."""
    parsed = ox.parse_query_results(to_json(result).encode("utf-8"), format=ox.QueryResultsFormat.JSON)
    return (parsed.serialize(format=ox.QueryResultsFormat.XML) or b"").decode("utf-8") + "\n"


def _csv_value(t: Optional[Term]) -> str:
    if t is None:
        return ""
    if isinstance(t, ox.BlankNode):
        return "_:" + t.value
    if isinstance(t, (ox.NamedNode, ox.Literal)):
        return t.value
    return str(t)


def to_csv(result: Result) -> str:
    """CSV: values without types (IRIs bare, literals as their lexical form), CRLF line ends."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if result.form == "ASK":
        w.writerows([["boolean"], [str(bool(result.boolean)).lower()]])
        return buf.getvalue()
    w.writerow(result.variables)
    w.writerows([_csv_value(t) for t in row] for row in result.rows)
    return buf.getvalue()


def to_tsv(result: Result) -> str:
    """TSV: ``?var`` headers and terms in N-Triples syntax (``<iri>``, ``"text"@id``)."""
    if result.form == "ASK":
        return f"?boolean\n{str(bool(result.boolean)).lower()}\n"
    lines = ["\t".join("?" + v for v in result.variables)]
    lines += ["\t".join("" if t is None else str(t) for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def to_rdf(result: Result, fmt: str, prefixes: Optional[dict[str, str]] = None) -> str:
    rdf_format = {
        "turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "json": ox.RdfFormat.JSON_LD,
        "jsonld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML,
    }[fmt]
    used = _used_prefixes(result.triples, prefixes or PREFIXES) if fmt == "turtle" else None
    data = ox.serialize(result.triples, format=rdf_format, prefixes=used) or b""
    return data.decode("utf-8")


def _used_prefixes(triples: list[ox.Triple], prefixes: dict[str, str]) -> dict[str, str]:
    """Prefixes that occur, skipping any whose local names would need ``\\/`` escapes (kgr:)."""
    iris = {t.value for tr in triples for t in (tr.subject, tr.predicate, tr.object) if isinstance(t, ox.NamedNode)}
    iris |= {tr.object.datatype.value for tr in triples if isinstance(tr.object, ox.Literal) and not tr.object.language}
    iris.discard(XSD_STRING)
    out = {}
    for p, ns in prefixes.items():
        locals_ = [i[len(ns):] for i in iris if i.startswith(ns)]
        if locals_ and not any("/" in x for x in locals_):
            out[p] = ns
    return out


# -- for people ------------------------------------------------------------------------------
def short(t: Optional[Term], prefixes: Optional[dict[str, str]] = None) -> str:
    """A compact, readable form: ``wd:Q423``, ``"Korea Utara"@id``, ``1500``."""
    if t is None:
        return ""
    prefixes = prefixes or PREFIXES
    if isinstance(t, ox.NamedNode):
        best = max((ns for ns in prefixes.values() if t.value.startswith(ns)), key=len, default=None)
        if best is not None:
            name = next(p for p, ns in prefixes.items() if ns == best)
            return f"{name}:{t.value[len(best):]}"
        return f"<{t.value}>"
    if isinstance(t, ox.Literal):
        if t.language:
            return f'"{t.value}"@{t.language}'
        if t.datatype.value == XSD_STRING:
            return t.value
        if t.datatype.value.startswith(XSD):
            return t.value
        return f'"{t.value}"^^{short(t.datatype, prefixes)}'
    return str(t)


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    r"""Text safe to show in a terminal cell: control characters (ANSI escapes, newlines, tabs)
    shown as ``\n``, ``\t``, ``\xNN`` instead of acting on the terminal.

    >>> printable("a\tb\n\x1b[31mred")
    'a\\tb\\n\\x1b[31mred'
    """
    names = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}
    return _CONTROL.sub(lambda m: names.get(m.group(), f"\\x{ord(m.group()):02x}"), text)


def _rows(result: Result, prefixes) -> tuple[list[str], list[list[str]]]:
    if result.form == "ASK":
        return ["boolean"], [[str(bool(result.boolean)).lower()]]
    if result.is_graph:
        return ["subject", "predicate", "object"], [
            [short(tr.subject, prefixes), short(tr.predicate, prefixes), short(tr.object, prefixes)] for tr in result.triples
        ]
    return result.variables, [[short(t, prefixes) for t in row] for row in result.rows]


def build_table(result: Result, prefixes: Optional[dict[str, str]] = None):
    """A rich ``Table`` of the result (IRIs shortened with the Warta prefixes). Cells never wrap:
    when the columns do not fit the console, long values are cut with an ellipsis."""
    from rich.table import Table
    from rich.text import Text

    head, rows = _rows(result, prefixes)
    # an IRI column whose label has its own column ("agent" beside "agentLabel") is left out of
    # the table: the label says it to a reader (csv/tsv/json keep every column)
    labelled = {h for h in head if f"{h}Label" in head or f"{h}_label" in head}
    keep = [i for i, h in enumerate(head) if h not in labelled] or list(range(len(head)))
    table = Table(show_lines=False)
    for i in keep:
        # a header never folds into letter groups: the column is at least as wide as its name
        table.add_column(head[i], overflow="ellipsis", no_wrap=True, min_width=min(len(head[i]), 18))
    for r in rows:
        table.add_row(*(Text(printable(r[i])) for i in keep))  # Text: no rich markup in data
    return table


def summary(result: Result) -> str:
    """``"4 rows in 0.01s"`` (``"first 10 rows (--limit) in 0.01s"`` when the limit cut it)."""
    n = len(result)
    unit = "triple" if result.is_graph else "row"
    first = "first " if result.truncated else ""
    cut = " (--limit; more exist)" if result.truncated else ""
    return f"{first}{n} {unit}{'s' if n != 1 else ''}{cut} in {result.seconds:.2f}s"


def _table_text(result: Result, prefixes) -> str:
    from rich.console import Console

    console = Console(file=io.StringIO(), width=160, color_system=None)
    console.print(build_table(result, prefixes))
    console.print(summary(result))
    return console.file.getvalue()
