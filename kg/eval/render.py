"""Render an :class:`EvalReport` for people: a rich table, two accuracy lines, the errors."""

from __future__ import annotations

from typing import Optional

from rich.console import Console
from rich.table import Table

from kg.eval.score import KINDS, EvalReport
from kg.cli.common import plain  # article text and file names: shown, never read as markup

_EV = 110  # evidence shown per line


def render(report: EvalReport, console: Console, *, errors: bool = True) -> None:
    table = Table(title="Warta on the gold folder (micro-averaged over articles)")
    for col in ("kind", "gold", "system", "correct", "P", "R", "F1"):
        table.add_column(col, justify="left" if col == "kind" else "right")
    for k in KINDS:
        s = report.kinds[k]
        table.add_row(k, str(s.gold), str(s.system), str(s.tp), f"{s.p:.3f}", f"{s.r:.3f}", f"{s.f1:.3f}")
    console.print(table)
    langs = report.by_language()
    if len(langs) > 1:  # a mixed folder: F1 per gold language too
        per = Table(title="F1 by article language")
        per.add_column("language")
        per.add_column("articles", justify="right")
        for k in KINDS:
            per.add_column(k[:6], justify="right")  # short headers: the table fits 80 columns
        per.add_column("linking", justify="right")
        links = report.linking_by_language()
        for lang, kinds in langs.items():
            n = sum(1 for r in report.articles.values() if r.lang == lang)
            c, t = links.get(lang, (0, 0))
            per.add_row(lang, str(n), *(f"{kinds[k].f1:.3f}" for k in KINDS),
                        f"{_pct(c / t if t else None)} {c}/{t}")
        console.print(per)
    console.print(
        f"destination accuracy: {_pct(report.destination_accuracy)} "
        f"({report.destination_correct}/{report.destination_total} matched deployments)"
    )
    severe = sum(1 for w in report.wrong_links if w["severe"])
    console.print(
        f"linking accuracy: {_pct(report.linking_accuracy)} "
        f"({report.linking_correct}/{report.linking_total} gold actors with a QID found by mention)"
        + (f", [bold red]{severe} wrong id(s) on a country or head of state[/]" if severe else "")
    )
    missing = [a for a, r in report.articles.items() if not r.found]
    if missing:
        console.print(f"[bold red]not in the store[/]: {', '.join(plain(m) for m in missing)} (all their facts count as missed)")
    if report.unmatched_system:
        console.print(f"store articles without gold (ignored): {len(report.unmatched_system)}")
    if errors:
        render_errors(report, console)


def render_errors(report: EvalReport, console: Console) -> None:
    for art_id, res in report.articles.items():
        lines: list[str] = []
        for k in KINDS:
            for item in res.missed[k]:
                lines.append(f"  [red]missed[/] {k[:-1]}: {plain(_gold_line(k, item))}")
            for item in res.invented[k]:
                lines.append(f"  [yellow]invented[/] {k[:-1]}: {plain(_sys_line(k, item))}")
        for item in res.wrong_destination:
            lines.append(
                f"  [magenta]wrong destination[/]: {plain(item['agent'])} {plain(item['troops'])}: "
                f"gold {plain(repr(item['gold']))}, system {plain(repr(item['system']))} | {plain(_ev(item['evidence']))}"
            )
        for item in res.wrong_links:
            flag = " [bold red](country/head of state)[/]" if item["severe"] else ""
            lines.append(
                f"  [cyan]{plain(item['problem'])}[/]: {plain(item['name'])} gold {plain(item['gold_qid'])}, "
                f"system {plain(item['system_qid'])} {plain(item['system_labels'])}{flag}"
            )
        head = f"[bold]{plain(art_id)}[/]" + ("" if res.found else " [red](not in the store)[/]")
        console.print(head + ("" if lines else ": no errors"), highlight=False)
        for line in lines:
            console.print(line, highlight=False, soft_wrap=True)


def _gold_line(kind: str, d: dict) -> str:
    if kind == "actors":
        q = f" [{d['qid']}]" if d["qid"] else ""
        return f"{d['name']}{q} ({d['type']}; mentions {', '.join(d['mentions'])})"
    if kind == "deployments":
        return (f"{d['agent']} troops={d['troops']} to {d['destination']} "
                f"claimed by {d['claimed_by']} ({d['modality']}) | {_ev(d['evidence'])}")
    if kind == "statements":
        return f"{d['speaker']}{' (quote)' if d['quote'] else ''} | {_ev(d['evidence'])}"
    return f"{' + '.join(d['parties'])} | {_ev(d['evidence'])}"


def _sys_line(kind: str, d: dict) -> str:
    if kind == "actors":
        q = f" [{d['qid']}]" if d["qid"] else ""
        return f"{', '.join(d['labels']) or d['key']}{q} ({d['type'] or '?'})"
    return _gold_line(kind, d)  # events render the same on both sides


def _ev(text: Optional[str]) -> str:
    t = " ".join((text or "").split())
    return t if len(t) <= _EV else t[: _EV - 1] + "…"


def _pct(x: Optional[float]) -> str:
    return "n/a" if x is None else f"{x:.3f}"
