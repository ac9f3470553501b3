"""Where a territory's files are, and the site settings that come from ``mkdocs.yml``.

One repository may hold several territories (one folder each, as ``examples/``): each has its own
``services.yaml`` and, beside it, ``territorio.geojson`` (comuni and boundaries),
``geocache.yaml`` (the committed geocoding cache) and optionally ``vocabolario.yaml`` (the
territory's additions to the default vocabularies). Convention over configuration: a volunteer
never has to wire paths together.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from servicemap.load import safefile
from servicemap.validate.contact import Contact

TERRITORY_FILE = "territorio.geojson"
CACHE_FILE = "geocache.yaml"
VOCABULARY_FILE = "vocabolario.yaml"


@dataclass
class Project:
    """The files of one territory and the options of its site."""

    data_file: Path
    site_url: str = ""
    repo_url: str = ""  # e.g. https://github.com/org/repo (for "Modifica questa scheda")
    edit_branch: str = "main"
    report_email: str = ""  # network coordinator, for "Segnala un errore"
    data_path_in_repo: str = ""  # services.yaml's path in the repository ("": found from .git)
    tile_url: str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    tile_attribution: str = "© OpenStreetMap contributors"
    data_license: str = "CC-BY-4.0"  # SPDX id of the open data's licence (the HSDS package's)
    contact: Contact | None = None  # extra.servicemap.contatto, checked (``contact``)
    options: dict[str, object] = field(default_factory=dict)
    project_dir: Path | None = None  # the folder of mkdocs.yml (None: the data file's folder)

    @property
    def root(self) -> Path:
        return self.data_file.parent

    @property
    def trusted_dirs(self) -> tuple[Path, ...]:
        """Where the data files may really be, links followed (``safefile``).

        The project: the folder of ``mkdocs.yml`` (for the CLI, the working folder). A data file
        configured outside it (``data_file: ../dati/services.yaml``, or a path given to the CLI)
        is the maintainer's choice: then its own folder. A link that leads anywhere else, a folder
        of the project replaced by a link, are refused.
        """
        base = self.project_dir or Path.cwd()
        return (base,) if safefile.lexically_inside(self.root, base) else (self.root,)

    @property
    def territory_file(self) -> Path:
        return self.root / TERRITORY_FILE

    @property
    def cache_file(self) -> Path:
        return self.root / CACHE_FILE

    @property
    def vocabulary_file(self) -> Path:
        return self.root / VOCABULARY_FILE

    @property
    def source_files(self) -> tuple[Path, ...]:
        """Every file of the territory a build reads: ``mkdocs serve`` rebuilds when one changes."""
        return (self.data_file, self.territory_file, self.cache_file, self.vocabulary_file)

    @property
    def display_name(self) -> str:
        """How messages name the data file: relative to the working directory when possible."""
        return safefile.display_path(self.data_file)

    @property
    def path_in_repo(self) -> str:
        """The data file's path from the repository root, for links to it on the forge.

        ``data_path_in_repo`` when set; else relative to the nearest folder above it holding
        ``.git`` (``examples/cernusco/services.yaml``); else just its name.
        """
        if self.data_path_in_repo:
            return self.data_path_in_repo.strip("/")
        here = self.data_file.resolve()
        for folder in here.parents:
            if (folder / ".git").exists():
                return here.relative_to(folder).as_posix()
        return self.data_file.name

    @classmethod
    def from_options(cls, base: Path, options: dict[str, object]) -> Project:
        """Build from the ``extra.servicemap`` mapping of ``mkdocs.yml`` (paths relative to it)."""
        known = {
            k: v
            for k, v in options.items()
            if k in cls.__dataclass_fields__ and k not in ("data_file", "project_dir")
        }
        data = base / str(options.get("data_file", "services.yaml"))
        return cls(data_file=data, options=dict(options), project_dir=base, **known)  # type: ignore[arg-type]
