"""The build's core (``adapters.build``), called as another site generator would: no MkDocs.

A generator hands its settings to ``Build.start``, asks each language tree for its files, gives
each finished page to ``finished_page`` and ends with ``finish`` (publish) or ``fail``. These
tests drive that interface directly, on the files a site would publish, and check in a fresh
interpreter that none of it imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import synthetic
from conftest import REPO, site_config

from servicemap.adapters.build import Build, BuildError, Settings, data_epoch
from servicemap.core.model import Address, Service

CONTENT = REPO / "content"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A territory folder with five records, its ``mkdocs.yml`` and a published site."""
    root = tmp_path / "territorio"
    root.mkdir()
    (root / "services.yaml").write_text(synthetic.to_yaml(synthetic.records(5)), encoding="utf-8")
    site_config(root)
    (root / "site_build").mkdir()
    (root / "site_build" / "index.html").write_text("il sito di ieri", encoding="utf-8")
    return root


def settings(root: Path, **changes: object) -> Settings:
    values: dict = {"options": {"data_file": "services.yaml"}, "copyright": "© la rete"}
    return Settings(root / "mkdocs.yml", CONTENT, root / "site_build", **{**values, **changes})


def newest_checked(root: Path) -> dt.date:
    text = (root / "services.yaml").read_text(encoding="utf-8")
    dates = [line.split(":", 1)[1].strip().strip("'\"") for line in text.splitlines()
             if line.strip().startswith("aggiornato:")]  # fmt: skip
    return max(dt.date.fromisoformat(d) for d in dates)


def test_a_tree_s_files_come_without_mkdocs(project: Path) -> None:
    script = f"""
import json, sys
from pathlib import Path
from servicemap.adapters.build import Build, Settings
root = Path({str(project)!r})
build = Build.start(Settings(root / "mkdocs.yml", Path({str(CONTENT)!r}), root / "site_build",
                             {{"data_file": "services.yaml"}}))
tree = build.files("it")
paths = [path for path, _ in tree.site_files()]
build.fail()
loaded = sorted(m for m in sys.modules if m.startswith("mkdocs"))
print(json.dumps({{"paths": paths, "mkdocs": loaded}}))
"""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                          cwd=project, timeout=300, check=True)  # fmt: skip
    out = json.loads(proc.stdout.splitlines()[-1])
    assert out["mkdocs"] == []
    ids = [r["id"] for r in synthetic.records(5)]
    for path in [f"servizi/{i}.md" for i in ids] + ["mappa/index.md", "dati/servizi.geojson"]:
        assert path in out["paths"]


def test_other_trees_put_their_files_under_their_folder_and_link_the_open_data(
    project: Path,
) -> None:
    build = Build.start(settings(project, languages={"it": "", "en": "en/"}))
    try:
        italian, english = build.files("it"), build.files("en")
    finally:
        build.fail()
    it_paths = dict(italian.site_files())
    en_paths = dict(english.site_files())
    assert "dati/servizi.csv" in it_paths and not any(p.startswith("en/dati/") for p in en_paths)
    assert "dati/servizi.csv" in english.linked and italian.linked == []
    assert "en/mappa/index.md" in en_paths and "mappa/index.md" in it_paths
    assert any(p.startswith("en/assets/") for p in en_paths)
    page = next(item for item in english.files if item.path == "mappa/index.md")
    assert en_paths["en/mappa/index.md"] is page  # a page's path is relative to its tree


def test_the_build_date_is_the_newest_check_unless_pinned(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build = Build.start(settings(project))
    assert build.built == newest_checked(project)
    assert os.environ["SOURCE_DATE_EPOCH"] == str(build.epoch)  # the generator's dates too
    footer = build.page_extras("it").footer
    build.fail()
    assert "SOURCE_DATE_EPOCH" not in os.environ  # put back as it was
    assert footer.endswith(" · © la rete") and len(footer) > len(" · © la rete")

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14
    build = Build.start(settings(project))
    assert build.built == dt.date(2023, 11, 14)
    build.fail()
    assert os.environ["SOURCE_DATE_EPOCH"] == "1700000000"


def test_data_epoch_skips_dates_it_cannot_read() -> None:
    def service(checked: str) -> Service:
        return Service("x", "x", ["sportello"], Address("Pioltello"), checked)

    services = [service("2024-03-01"), service("non so"), service("2024-02-01")]
    assert data_epoch(services) == int(dt.datetime(2024, 3, 1, tzinfo=dt.UTC).timestamp())
    assert data_epoch([service("non so")]) == 0


def test_finish_publishes_and_fail_keeps_yesterday_s_site(project: Path) -> None:
    published = project / "site_build" / "index.html"
    build = Build.start(settings(project))
    (build.site_dir / "index.html").write_text("il sito di oggi", encoding="utf-8")
    assert published.read_text(encoding="utf-8") == "il sito di ieri"  # staged beside it
    build.fail()
    assert published.read_text(encoding="utf-8") == "il sito di ieri"
    assert not build.site_dir.exists()

    build = Build.start(settings(project))
    (build.site_dir / "index.html").write_text("il sito di oggi", encoding="utf-8")
    build.finish()
    assert published.read_text(encoding="utf-8") == "il sito di oggi"


def test_data_with_an_error_stops_before_anything_is_staged(project: Path) -> None:
    recs = synthetic.records(2)
    recs[1]["id"] = recs[0]["id"]  # a duplicate id: an error
    (project / "services.yaml").write_text(synthetic.to_yaml(recs), encoding="utf-8")
    with pytest.raises(BuildError) as refused:
        Build.start(settings(project))
    assert "errori" in str(refused.value) and "resta com'era" in str(refused.value)
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site_build")) == []


def test_each_tree_has_its_own_404_page_the_root_keeps_the_default_one(project: Path) -> None:
    build = Build.start(settings(project, languages={"it": "", "ar": "ar/"}))
    try:
        page = '<html lang="x"><head><meta charset="utf-8"></head><body>{}</body></html>'
        root = build.theme_page(page.format("non trovata"), "404.html", "it")
        arabic = build.theme_page(page.format("غير موجودة"), "404.html", "ar")
        written = (build.site_dir / "ar" / "404.html").read_text(encoding="utf-8")
    finally:
        build.fail()
    assert arabic == root and "non trovata" in root and 'dir="ltr"' in root
    assert "غير موجودة" in written and 'dir="rtl"' in written
    assert "Content-Security-Policy" in written and "Content-Security-Policy" in root


def test_the_offline_copy_is_zipped_into_the_published_site(project: Path) -> None:
    build = Build.start(settings(project, offline=True, directory_urls=False, site_name="Mappa"))
    (build.site_dir / "index.html").write_text("copia", encoding="utf-8")
    build.finish()
    date = newest_checked(project).isoformat()
    assert (project / "site_build" / f"mappa-servizi-offline-{date}.zip").is_file()
