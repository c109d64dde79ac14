"""Several runs side by side, as wpt.fyi shows browsers: the reports of N runs (several targets,
or one target over time) become one matrix, requirements × runs, in French HTML and in JSON:

    python -m ameli_conformance.compare reports-ref reports-autre reports-v2 --reports-dir cmp
    make compare RUNS="reports-ref reports-autre reports-v2"

Each folder holds the `conformance.json` (and `conformance.html`, `evidence/`) a run wrote. A
cell gives the requirement's status in that run and links to the scenario that decided it in
that run's own report (the first that failed, else the first that ran). Between two runs of the
same target (same profile name, or same URL), in the order of their start, the requirements
that passed and now fail are listed as regressions, those that failed and now pass as fixes.
Writes `comparaison.html` and `comparaison.json`; exit status 0, or 2 when a folder cannot be
read."""
import argparse
import html
import json
import os
import sys
from datetime import datetime
from pathlib import Path

from .html_report import PARIS, VERDICT, status_label
from .merge import MergeError as CompareError
from .merge import load_report as _load

BAD = ("failed", "error")


def _target_of(data: dict) -> str:
    profile, target = data.get("profile") or {}, data.get("target") or {}
    return profile.get("name") or target.get("url") or target.get("login_url") or "cible"


def _decider(data: dict, rid: str, status: str) -> int | None:
    """The rank (from 1, as the run's report numbers its scenarios) of the scenario that decided
    a requirement's status: the first of its scenarios with a bad status when it failed, else
    the first that ran."""
    ranked = [(n, s) for n, s in enumerate(data.get("scenarios") or [], 1) if rid in s["tags"]]
    for n, s in ranked:
        if status not in BAD or s["status"] in BAD:
            return n
    return None


def compare(folders: list[Path], out: Path) -> dict:
    runs = []
    for folder in folders:
        data = _load(folder)
        runs.append({"folder": folder, "data": data})
    runs.sort(key=lambda r: r["data"].get("started_at", ""))
    order, titles = [], {}
    for run in runs:
        for req in run["data"].get("requirements") or []:
            if req["id"] not in titles:
                order.append(req["id"])
                titles[req["id"]] = (req.get("title", ""), req.get("profile", ""))
    table = []
    for rid in order:
        cells = []
        for run in runs:
            req = next((r for r in run["data"].get("requirements") or [] if r["id"] == rid), None)
            status = req["status"] if req else "absent"
            rank = _decider(run["data"], rid, status) if req else None
            report = run["folder"] / "conformance.html"
            link = None
            if rank and report.is_file():
                link = os.path.relpath(report, out).replace(os.sep, "/") + f"#scenario-{rank}"
            cells.append({"status": status, "link": link})
        table.append({"id": rid, "title": titles[rid][0], "profile": titles[rid][1],
                      "cells": cells})
    described = [{"folder": str(r["folder"]), "target": _target_of(r["data"]),
                  "started_at": r["data"].get("started_at"), "verdict": r["data"].get("verdict"),
                  "duration_s": r["data"].get("duration_s")} for r in runs]
    changes, last = [], {}
    for index, run in enumerate(described):
        before = last.get(run["target"])
        if before is not None:
            was = {row["id"]: row["cells"][before]["status"] for row in table}
            now = {row["id"]: row["cells"][index]["status"] for row in table}
            changes.append({
                "target": run["target"], "from": described[before]["started_at"],
                "to": run["started_at"],
                "regressions": [r for r in order if was[r] == "passed" and now[r] in BAD],
                "fixes": [r for r in order if was[r] in BAD and now[r] == "passed"],
            })
        last[run["target"]] = index
    result = {"runs": described, "requirements": [
        {"id": row["id"], "title": row["title"], "profile": row["profile"],
         "statuses": [c["status"] for c in row["cells"]]} for row in table], "changes": changes}
    out.mkdir(parents=True, exist_ok=True)
    (out / "comparaison.json").write_text(json.dumps(result, ensure_ascii=False, indent=2),
                                          encoding="utf-8")
    (out / "comparaison.html").write_text(_html(described, table, changes), encoding="utf-8")
    return result


def _when(stamp: str | None) -> str:
    try:
        return datetime.fromisoformat(stamp).astimezone(PARIS).strftime("%d/%m/%Y %Hh%M")
    except (TypeError, ValueError):
        return "?"


def _html(runs: list[dict], table: list[dict], changes: list[dict]) -> str:
    e = html.escape
    head = "".join(f"<th scope='col'>{e(r['target'])}<br><small>{_when(r['started_at'])}"
                   f" — {e(VERDICT.get(r['verdict'], (str(r['verdict']),))[0])}</small></th>"
                   for r in runs)
    rows = []
    for row in table:
        if all(c["status"] in ("not_tested", "absent") for c in row["cells"]):
            continue  # tested by no run (the security profile, outside a conformance run)
        cells = []
        for cell in row["cells"]:
            label = e(status_label(cell["status"]) if cell["status"] != "absent" else "absent")
            inner = f"<a href='{e(cell['link'])}'>{label}</a>" if cell["link"] else label
            cells.append(f"<td class='st-{e(cell['status'])}'>{inner}</td>")
        rows.append(f"<tr><th scope='row'>{e(row['id'])}<br><small>{e(row['title'])}</small>"
                    f"</th>{''.join(cells)}</tr>")
    lists = []
    for change in changes:
        def items(ids):
            return ", ".join(e(i) for i in ids) or "aucune"
        lists.append(f"<li><strong>{e(change['target'])}</strong>, du {_when(change['from'])} "
                     f"au {_when(change['to'])} : régressions : {items(change['regressions'])} ;"
                     f" corrections : {items(change['fixes'])}</li>")
    evolution = (f"<h2>Évolution d'une même cible</h2><ul>{''.join(lists)}</ul>"
                 if lists else "")
    return f"""<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Comparaison des exécutions — Mot de passe
oublié</title><style>
body {{ font-family: Arial, sans-serif; margin: 1.5em; color: #1d1d1b; }}
table {{ border-collapse: collapse; }} th, td {{ border: 1px solid #bbb; padding: .35em .6em;
vertical-align: top; text-align: left; }} td {{ text-align: center; font-weight: bold; }}
.st-passed {{ background: #d9f2d9; }} .st-failed, .st-error {{ background: #f8d0d0; }}
.st-not_tested, .st-absent {{ background: #eee; color: #555; }}
.st-not_applicable, .st-expected_failure, .st-accepted_exception {{ background: #fbeec8; }}
small {{ font-weight: normal; color: #444; }}
</style></head><body><main>
<h1>Comparaison des exécutions — « Mot de passe oublié »</h1>
<p>{len(runs)} exécutions, une colonne chacune ; chaque case mène au scénario qui a décidé du
statut, dans le rapport de l'exécution. Les exigences qu'aucune n'a testées sont omises (elles
sont dans comparaison.json).</p>
<table id="matrice"><thead><tr><th scope="col">Exigence</th>{head}</tr></thead>
<tbody>{''.join(rows)}</tbody></table>
{evolution}
</main></body></html>
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m ameli_conformance.compare",
        description="plusieurs exécutions côte à côte : exigences × exécutions")
    parser.add_argument("runs", nargs="+", type=Path, help="dossiers de rapports")
    parser.add_argument("--reports-dir", type=Path, default=Path("reports/comparaison"))
    args = parser.parse_args(argv)
    try:
        result = compare(args.runs, args.reports_dir)
    except CompareError as exc:
        print(f"comparaison impossible : {exc}", file=sys.stderr)
        return 2
    print(f"{len(result['runs'])} exécutions comparées -> {args.reports_dir / 'comparaison.html'}")
    for change in result["changes"]:
        print(f"{change['target']} : régressions {change['regressions'] or 'aucune'}, "
              f"corrections {change['fixes'] or 'aucune'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
