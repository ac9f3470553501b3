"""Whole-site build time of N synthetic records against a plain Material build of N pages.

Usage: ``python benchmarks/bench_build.py [N]`` (default 3,000). In one run it builds

1. the servicemap site of N synthetic records (validation, placing, pages, map, search, exports),
2. a plain MkDocs-Material site with the same hand-written pages plus N Markdown pages carrying the
   same words as the service pages (headings, paragraphs, the weekly table), not in the nav,

each with ``mkdocs build`` in a fresh subprocess, and prints both times, their ratio (budget:
at most 1.25 at 3,000 records), the output size and Material's search index bytes per record.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# The tests' synthetic records (tests/synthetic.py: test data, not part of the package).
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import synthetic

REPO = Path(__file__).resolve().parents[1]
DAYS = {"lun": "Lunedì", "mar": "Martedì", "mer": "Mercoledì", "gio": "Giovedì",
        "ven": "Venerdì", "sab": "Sabato", "dom": "Domenica"}  # fmt: skip


def equivalent_markdown(rec: dict) -> str:
    """A plain Markdown page with the words of a service page."""
    a = rec["indirizzo"]
    rows = "\n".join(
        f"| {name} | {rec['orari'].get(day, 'chiuso')} |" for day, name in DAYS.items()
    )
    return f"""# {rec["nome"]}

{", ".join(rec["tipo"])}. A cura di {rec["ente"]}. {a["comune"]}. Per: {", ".join(rec["aree"])}.

{rec["descrizione"]}

## A chi è rivolto

{rec["destinatari"]}. Possono rivolgersi i residenti di: {", ".join(rec["comuni_serviti"])}.

## Come fare

Come accedere: {", ".join(rec["accesso"])}. Che cosa offre: {", ".join(rec["attivita"])}.

## Cosa serve

{"; ".join(rec["documenti"])}

## Costi

{rec["costo"]}

## Orari

| Giorno | Orario |
|---|---|
{rows}

{rec["note_orari"]}

## Dove si trova

{a["via"]}, {a["cap"]} {a["comune"]} ({a["provincia"]})

## Contatti

Telefono {rec["telefoni"][0]}, e-mail {rec["email"]}, sito {rec["sito"]}.
Lingue: {", ".join(rec["lingue"])}. {rec["accessibilita"]["note"]}.

## Informazioni sulla scheda

Ultimo aggiornamento {rec["aggiornato"]}, verificato da {rec["verificato_da"]}.
"""


def servicemap_site(root: Path, recs: list[dict]) -> Path:
    sys.path.insert(0, str(REPO / "tests"))
    from conftest import site_config

    root.mkdir()
    (root / "services.yaml").write_text(synthetic.to_yaml(recs), encoding="utf-8")
    return site_config(root)


def plain_site(root: Path, recs: list[dict]) -> Path:
    docs = root / "docs"
    (docs / "servizi").mkdir(parents=True)
    for name in ("index.md", "dati-aperti.md"):
        (docs / name).write_text((REPO / "content" / name).read_text("utf-8"), encoding="utf-8")
    for rec in recs:
        (docs / "servizi" / f"{rec['id']}.md").write_text(
            equivalent_markdown(rec), encoding="utf-8"
        )
    config = root / "mkdocs.yml"
    config.write_text(
        "site_name: Piano\ndocs_dir: docs\nuse_directory_urls: true\n"
        "nav:\n  - Home: index.md\n  - Dati aperti: dati-aperti.md\n"
        "validation:\n  nav:\n    omitted_files: info\n  links:\n    not_found: info\n"
        "theme:\n  name: material\n  language: it\n  font: false\n"
        "plugins:\n  - search:\n      lang: it\n"
        "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - tables\n  - toc\n",
        encoding="utf-8",
    )
    return config


def timed_build(config: Path, site: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one ``mkdocs build`` in a subprocess.

    CPU time is reported too because on a shared machine the wall clock mostly measures the
    neighbours; the budget's ratio is computed on both.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        capture_output=True, text=True, env=env, cwd=config.parent,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"build non riuscito ({config}):\n{proc.stdout}{proc.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, cpu


def size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def main(n: int) -> None:
    recs = synthetic.records(n)
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        ours_cfg = servicemap_site(tmp_path / "servicemap", recs)
        plain_cfg = plain_site(tmp_path / "plain", recs)
        t_plain, cpu_plain = timed_build(plain_cfg, tmp_path / "plain-site")
        t_ours, cpu_ours = timed_build(ours_cfg, tmp_path / "servicemap-site")
        site = tmp_path / "servicemap-site"
        index = site / "search" / "search_index.json"
        plain_index = tmp_path / "plain-site" / "search" / "search_index.json"
        docs = json.loads(index.read_text("utf-8"))["docs"]
        report = {
            "records": n,
            "servicemap_s": round(t_ours, 2),
            "plain_material_s": round(t_plain, 2),
            "ratio": round(t_ours / t_plain, 3),
            "servicemap_cpu_s": round(cpu_ours, 2),
            "plain_material_cpu_s": round(cpu_plain, 2),
            "cpu_ratio": round(cpu_ours / cpu_plain, 3),
            "budget_ratio": 1.25,
            "output_mb": round(size(site) / 1e6, 1),
            "plain_output_mb": round(size(tmp_path / "plain-site") / 1e6, 1),
            "search_index_bytes_per_record": round(index.stat().st_size / n),
            "plain_search_index_bytes_per_record": round(plain_index.stat().st_size / n),
            "search_entries": len(docs),
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3000)
