"""The GitHub Actions workflows: the key steps exist, and their shell scripts really work.

GitHub runs these files only on the forge, so the tests read them as data and run the scripts of
the check's steps locally (with ``servicemap`` on PATH, in a throwaway repository whose
``origin/main`` is the base), exactly as the runner would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import needs
import pytest
import yaml
from gitrepo import git, init_repo

import servicemap

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict:
    # BaseLoader: every scalar a string, and the key "on" stays "on" (not YAML 1.1's True).
    return yaml.load((WORKFLOWS / name).read_text(encoding="utf-8"), Loader=yaml.BaseLoader)


def steps(flow: dict) -> list[dict]:
    return [step for job in flow["jobs"].values() for step in job.get("steps", [])]


def step_running(flow: dict, command: str) -> dict:
    found = [s for s in steps(flow) if command in s.get("run", "")]
    assert len(found) == 1, f"expected one step running {command!r}"
    return found[0]


def step_using(flow: dict, action: str) -> dict:
    found = [s for s in steps(flow) if s.get("uses", "").startswith(action + "@")]
    assert found, f"no step uses {action}"
    return found[0]


def test_validate_workflow_checks_every_pull_request():
    flow = workflow("validate.yml")
    assert "pull_request" in flow["on"]
    assert step_using(flow, "actions/checkout")["with"]["fetch-depth"] == "0"
    step_using(flow, "actions/setup-python")
    step_running(flow, "pip install -e .")
    validate = step_running(flow, "servicemap validate --format github")
    assert "services.yaml" in validate["run"]
    summary = step_running(flow, "servicemap diff")
    assert "--format markdown" in summary["run"]
    assert "GITHUB_STEP_SUMMARY" in summary["run"]
    assert "!cancelled()" in summary["if"]  # the summary is posted even when validation fails
    assert flow["permissions"] == {"contents": "read"}  # fork pull requests run untrusted code
    assert step_using(flow, "actions/upload-artifact")["with"]["name"] == "pr-summary"


def test_comment_workflow_posts_the_summary_safely():
    flow = workflow("pr-comment.yml")
    assert flow["on"]["workflow_run"]["workflows"] == [workflow("validate.yml")["name"]]
    assert flow["permissions"] == {}  # each job asks for what it needs, nothing more
    assert flow["jobs"]["comment"]["permissions"] == {
        "actions": "read",
        "pull-requests": "write",
    }
    download = step_using(flow, "actions/download-artifact")
    assert download["with"]["name"] == "pr-summary"
    script = step_using(flow, "actions/github-script")["with"]["script"]
    assert "head.sha !== context.payload.workflow_run.head_sha" in script
    assert not any("actions/checkout" in s.get("uses", "") for s in steps(flow))


def test_publish_workflow_deploys_pages_and_attaches_the_offline_zip():
    flow = workflow("publish.yml")
    assert flow["on"]["push"]["branches"] == ["main"]
    jobs = flow["jobs"]
    step_running(flow, "make validate")
    assert "make offline" in step_running(flow, "make offline")["run"]
    step_running(flow, "make site")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    site_dir = yaml.load(config, Loader=yaml.BaseLoader)["site_dir"]  # it has MkDocs' !ENV tags
    assert step_using(flow, "actions/upload-pages-artifact")["with"]["path"] == site_dir
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    step_using(flow, "actions/deploy-pages")
    assert step_using(flow, "actions/upload-artifact")["with"]["path"].endswith(".zip")
    assert jobs["release"]["permissions"] == {"contents": "write"}
    assert "gh release create" in step_running(flow, "gh release create")["run"]


# --- Supply chain: pinned actions, no credentials left behind, the linters' verdict -----------

PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@([0-9a-f]{40}) # v\d+\.\d+\.\d+\s*$")


def workflow_files() -> list[Path]:
    return sorted(WORKFLOWS.glob("*.yml"))


def test_every_action_is_pinned_to_a_commit_with_its_version_in_a_comment():
    lines = [
        (path.name, number, line)
        for path in workflow_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r"^\s*(?:-\s+)?uses:", line)
    ]
    assert len(lines) >= 10
    unpinned = [
        (name, number, line.strip()) for name, number, line in lines if not PINNED.match(line)
    ]
    assert unpinned == []


def test_checkout_leaves_no_credentials_in_the_repository():
    checkouts = [
        s
        for path in workflow_files()
        for s in steps(workflow(path.name))
        if s.get("uses", "").startswith("actions/checkout@")
    ]
    assert len(checkouts) == 3
    assert all(s["with"]["persist-credentials"] == "false" for s in checkouts)


def tool(name: str) -> str:
    """The linter from the ``test`` extra (beside this Python); skipped only outside CI."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        needs.unavailable(f"{name} is not installed: pip install -e '.[test]'")
    return found


def test_zizmor_reports_no_high_finding():
    result = subprocess.run(
        [
            tool("zizmor"),
            "--offline",
            "--min-severity",
            "high",
            "--format",
            "plain",
            str(WORKFLOWS),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_actionlint_is_clean():
    result = subprocess.run(
        [tool("actionlint"), "-no-color", *map(str, workflow_files())],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert (result.returncode, result.stdout) == (0, "")


# --- Running the check's scripts ---------------------------------------------------------------

BASE = """\
territorio:
  nome: Prova
  comuni: [Pioltello]
servizi:
  - id: caritas-pioltello
    nome: Centro di ascolto Caritas Pioltello
    tipo: [centro-ascolto]
    indirizzo: {comune: Pioltello}
    aggiornato: "2026-01-10"
"""


@pytest.fixture
def runner(tmp_path: Path) -> dict[str, str]:
    """The runner's environment: ``servicemap`` on PATH and the variables GitHub sets."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "servicemap"
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m servicemap.cli.main "$@"\n')
    shim.chmod(0o755)
    src = str(Path(servicemap.__file__).resolve().parent.parent)
    return {
        **os.environ,
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": src,
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GITHUB_OUTPUT": str(tmp_path / "output.txt"),
        "BASE_REF": "main",  # the step's env maps github.base_ref to it
        "PR_NUMBER": "7",
    }


@pytest.fixture
def pull_request(tmp_path: Path) -> Path:
    """A checkout as actions/checkout leaves it: the proposal at HEAD, the base at origin/main."""
    repo = tmp_path / "repo"
    repo.mkdir()
    init_repo(repo, BASE)
    git(repo, "update-ref", "refs/remotes/origin/main", "HEAD")
    proposal = BASE.replace('aggiornato: "2026-01-10"', 'aggiornato: "10/01/2026"')
    (repo / "services.yaml").write_text(proposal, encoding="utf-8")
    git(repo, "commit", "-q", "-am", "proposta")
    return repo


def run_step(step: dict, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    script = "set -eo pipefail\n" + step["run"]  # how GitHub runs `run:` with bash
    return subprocess.run(
        ["bash", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )


def test_validate_step_annotates_the_line_and_fails(pull_request, runner):
    step = step_running(workflow("validate.yml"), "servicemap validate --format github")
    result = run_step(step, pull_request, runner)
    assert result.returncode == 1
    assert "::error file=services.yaml,line=9," in result.stdout
    assert "title=bad-date::" in result.stdout


def test_summary_steps_write_the_summary_and_the_artifact(pull_request, runner, tmp_path):
    flow = workflow("validate.yml")
    result = run_step(step_running(flow, "servicemap diff"), pull_request, runner)
    assert result.returncode == 0, result.stderr
    summary = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "**0 schede aggiunte, 1 modificata, 0 rimosse**" in summary
    assert "| `aggiornato` | `2026-01-10` | `10/01/2026` |" in summary
    result = run_step(step_running(flow, "pr-number.txt"), pull_request, runner)
    assert result.returncode == 0, result.stderr
    artifact = pull_request / "pr-summary"
    assert (artifact / "pr-number.txt").read_text().strip() == "7"
    assert (artifact / "pr-summary.md").read_text(encoding="utf-8") == summary


# --- A volunteer's pull request, through the check's steps, against the fake Nominatim --------


def test_the_check_geocodes_the_new_address_annotates_and_saves_the_cache(tmp_path, runner):
    from fake_nominatim import FakeNominatim, Reply, result
    from test_pr_check import BASE as PR_BASE
    from test_pr_check import HEAD as PR_HEAD
    from test_pr_check import PIOLTELLO, SEGRATE, make_pull_request

    repo = make_pull_request(tmp_path / "pr", PR_BASE, PR_HEAD)
    flow = workflow("validate.yml")
    with FakeNominatim() as fake:
        fake.route("Via Milano 5", Reply(body=[result(*PIOLTELLO, "Via Milano 5, Pioltello")]))
        fake.route("Via Cassanese 10", Reply(body=[result(*SEGRATE, "Via Cassanese 10, Segrate")]))
        env = {**runner, "GEOCODER_URL": fake.url, "REPOSITORY": "rete/mappa"}
        geocoded = run_step(step_running(flow, "servicemap geocode services.yaml"), repo, env)
        assert geocoded.returncode == 0, geocoded.stderr
        assert sorted(r.params["street"] for r in fake.requests) == [
            "Via Cassanese 10",
            "Via Milano 5",
        ]
        assert {r.user_agent for r in fake.requests} == {
            "servicemap-ci/1 (+https://github.com/rete/mappa)"
        }

    checked = run_step(step_running(flow, "servicemap validate"), repo, env)
    assert checked.returncode == 0, checked.stdout  # only warnings: the check is green
    out = checked.stdout.splitlines()
    # The new record's old date is annotated; the untouched record's old date and its address
    # not yet in the cache (it is not this pull request's) are one line each, not annotations.
    new_date = len(PR_HEAD.splitlines())
    assert out[0].startswith(
        f"::warning file=services.yaml,line={new_date},col=17,title=stale::`aggiornato`: "
    )
    assert out[1:] == [
        "::notice title=placed-on-comune::1 scheda non toccata da questa pull request ha "
        "l'avviso placed-on-comune: vedi servicemap validate services.yaml",
        "::notice title=stale::1 scheda non toccata da questa pull request ha l'avviso stale: "
        "vedi servicemap validate services.yaml",
    ]

    assert run_step(step_running(flow, "servicemap diff"), repo, env).returncode == 0
    saved = run_step(step_running(flow, "pr-number.txt"), repo, env)
    assert saved.returncode == 0, saved.stderr
    summary = (repo / "pr-summary" / "pr-summary.md").read_text(encoding="utf-8")
    assert "**1 scheda aggiunta, 1 modificata, 0 rimosse**" in summary
    assert "https://www.openstreetmap.org/?mlat=45.499000&mlon=9.326000#map=18/" in summary
    cache = (repo / "pr-summary" / "geocache.yaml").read_text(encoding="utf-8")
    assert cache == (repo / "geocache.yaml").read_text(encoding="utf-8")
    assert '"via milano 5, 20096, pioltello, ":' in cache


def test_the_cache_is_pushed_only_for_pull_requests_from_this_repository():
    flow = workflow("validate.yml")
    job = flow["jobs"]["save-geocache"]
    assert job["needs"] == "validate"
    assert "github.event.pull_request.head.repo.full_name == github.repository" in job["if"]
    assert job["permissions"] == {"contents": "write"}
    assert "pip install" not in "".join(s.get("run", "") for s in job["steps"])  # no PR code
    assert flow["jobs"]["validate"].get("permissions") is None  # the top-level read-only token


def test_a_pull_request_without_new_addresses_saves_nothing(tmp_path, runner):
    repo = tmp_path / "repo"
    repo.mkdir()
    init_repo(repo, BASE)
    (repo / "pr-summary").mkdir()
    script = next(
        s for s in workflow("validate.yml")["jobs"]["save-geocache"]["steps"] if "run" in s
    )
    result = run_step(script, repo, runner)
    assert (result.returncode, result.stdout) == (0, "Nessuna posizione nuova da salvare.\n")
