"""load -> validate -> place, once per build: the one place that knows the order of the stages.

Front doors (the CLI and the MkDocs adapter) call ``run`` and then decide what to do with the
problems; stages never call each other upwards.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from servicemap.core.model import Service, Territory
from servicemap.load import document as load
from servicemap.place import geocache, territory
from servicemap.place import placement as place
from servicemap.problems.problem import Problem, has_errors
from servicemap.validate import contract
from servicemap.validate import records as validate
from servicemap.validate.project import Project


@dataclass
class Result:
    """What a build knows after the data stages: placed records, the territory, every problem."""

    services: list[Service] = field(default_factory=list)
    territory: Territory | None = None
    vocabulary: contract.Vocabulary | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)


def run(project: Project, *, today: dt.date | None = None, place_records: bool = True) -> Result:
    """Load, validate and (unless ``place_records`` is False) place every record of a project."""
    name = project.display_name
    result = Result()
    within = project.trusted_dirs
    vocabulary, problems = contract.load_vocabulary(project.vocabulary_file, within=within)
    result.vocabulary = vocabulary
    result.problems += problems
    doc, problems = load.load_path(project.data_file, display_name=name, within=within)
    result.problems += problems
    if doc is None:
        return result
    terr, problems = territory.load_territory(project.territory_file, within=within)
    result.problems += problems
    dataset, problems = validate.validate_document(
        doc, file=name, vocabulary=vocabulary, territory=terr, today=today
    )
    result.problems += problems
    result.services = dataset.services
    comuni = dataset.comuni + dataset.comuni_limitrofi
    result.territory = territory.merge(
        terr, dataset.territory_name, comuni, neighbours=dataset.comuni_limitrofi
    )
    cache = geocache.load_cache(project.cache_file, within=within)  # even when not placing:
    if not place_records or has_errors(result.problems):  # validate reports a damaged cache
        result.problems += cache.problems
        return result
    result.problems += place.place_services(result.services, result.territory, cache, file=name)
    return result
