"""Typed models of the three data files.

Unknown keys are forbidden everywhere (``extra="forbid"``) so a misspelt key is an error, never
silently ignored data. Field descriptions double as the contributor documentation and the JSON
Schema that editors use for completion, so keep them written for a newcomer.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=1, max_length=60),
    Field(description="Lower-case words joined by hyphens, e.g. `raw-throughput`."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
OneLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160)]
Url = Annotated[str, Field(description="An absolute `http://` or `https://` address.")]
PagePath = Annotated[
    str,
    Field(description="A page of the guide, as a path under `docs/`, e.g. `performance.md`."),
]


STALE_AFTER_DAYS = 365


def review_is_stale(reviewed: dt.date, today: dt.date | None = None) -> bool:
    """Reviewed more than a year ago: flagged on the page and warned about by ``make check``."""
    return ((today or dt.date.today()) - reviewed).days > STALE_AFTER_DAYS


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Rating(str, Enum):
    """The one fixed scale every assessment uses; the order is best first."""

    strong = "strong"
    good = "good"
    fair = "fair"
    weak = "weak"

    @property
    def score(self) -> int:
        return {"strong": 3, "good": 2, "fair": 1, "weak": 0}[self.value]

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def meaning(self) -> str:
        return RATING_MEANINGS[self]


RATING_MEANINGS = {
    Rating.strong: "Built in and a strength: works well out of the box for most teams.",
    Rating.good: "Well supported, with minor gaps or one well-known add-on.",
    Rating.fair: "Possible, but needs third-party packages, glue code or care.",
    Rating.weak: "Missing or works against you; plan extra effort or another tool.",
}


class Source(Strict):
    """Where a claim can be checked."""

    title: Text = Field(description="What the reader will find there, e.g. `Django 5.2 release notes`.")
    url: Url
    accessed: dt.date = Field(description="The date someone last read the page and checked the claim (YYYY-MM-DD).")


class Assessment(Strict):
    """One framework's standing on one criterion."""

    rating: Rating = Field(description="One of `strong`, `good`, `fair`, `weak` (see the rating scale).")
    verdict: OneLine = Field(description="One line, shown in the tables (at most 160 characters).")
    detail: Text = Field(description="A fuller explanation: versions, features, numbers, caveats.")
    sources: list[Source] = Field(min_length=1, description="At least one source that backs the verdict.")
    judgement: Text | None = Field(
        default=None,
        description="Where the rating goes beyond what the sources say: the guide's own reasoning, shown as such.",
    )


class Criterion(Strict):
    id: Id
    title: OneLine = Field(description="The criterion's name as the tables show it.")
    measures: Text = Field(description="What this criterion measures, in a sentence or two.")
    glance: bool = Field(default=False, description="Also shown in the at-a-glance table on the home page.")
    reviewed: dt.date = Field(description="When the assessments were last checked against their sources.")
    review_note: Text = Field(
        description="What the review on the `reviewed` date re-checked, against which sources, and what it changed."
    )
    examples: list[PagePath] = Field(default_factory=list, description="Side-by-side pages that show this criterion in code.")
    assessments: dict[Id, Assessment] = Field(
        description="One assessment per framework, keyed by the framework's `id`; every framework needs one."
    )


class Group(Strict):
    id: Id
    title: OneLine = Field(description="The group's name, used as a heading.")
    description: Text = Field(description="What the group covers; shown above its table.")
    page: PagePath | None = Field(default=None, description="The page that discusses this group in prose.")
    criteria: list[Criterion] = Field(min_length=1, description="The criteria in this group, in the order the tables show them.")


class Framework(Strict):
    id: Id
    name: OneLine = Field(description="The framework's name as its own docs write it.")
    summary: OneLine = Field(description="One line on what the framework is.")
    homepage: Url
    repository: Url
    licence: OneLine = Field(description="SPDX identifier, e.g. `MIT` or `BSD-3-Clause`.")
    version: OneLine = Field(description="The release the assessments were checked against, e.g. `5.2 LTS`.")
    reviewed: dt.date = Field(description="When the framework's facts (version, licence, links) were last checked.")
    page: PagePath | None = Field(default=None, description="The guide's overview page for this framework.")


class FrameworksFile(Strict):
    frameworks: list[Framework] = Field(min_length=2, description="The frameworks compared; each becomes a column in every table.")


class CriteriaFile(Strict):
    groups: list[Group] = Field(min_length=1, description="Groups of criteria, in the order the pages show them.")


class Answer(Strict):
    label: OneLine = Field(description="The answer as the reader would say it.")
    hint: Text | None = Field(default=None, description="A short explanation of when this answer applies.")
    next: Id = Field(description="The `id` of the question or outcome this answer leads to.")


class Question(Strict):
    id: Id
    text: OneLine = Field(description="The question, ending with a question mark.")
    hint: Text | None = Field(default=None, description="Why the question matters.")
    answers: list[Answer] = Field(min_length=2, description="At least two answers, each leading to a question or an outcome.")


class Recommendation(Strict):
    framework: Id = Field(description="The `id` of a framework in frameworks.yml.")
    role: OneLine = Field(description="What this framework does in the recommended setup.")


class Outcome(Strict):
    id: Id
    title: OneLine = Field(description="The recommendation in a few words.")
    recommends: list[Recommendation] = Field(min_length=1, description="The framework(s) recommended, each with its role.")
    why: Text = Field(description="Why this setup fits the answers that lead here.")
    watch_out: list[Text] = Field(default_factory=list, description="Risks and caveats of this choice.")
    criteria: list[Id] = Field(min_length=1, description="Criteria whose verdicts back this outcome.")
    pages: list[PagePath] = Field(min_length=1, description="Pages that explain this outcome further.")


class DecisionFile(Strict):
    start: Id = Field(description="The `id` of the first question.")
    questions: list[Question] = Field(min_length=1, description="The questions; ids share one namespace with the outcomes.")
    outcomes: list[Outcome] = Field(min_length=1, description="Where the answers end: a recommendation with its reasons.")


ArticleSection = Literal[
    "overview", "performance", "development", "use-fastapi", "use-django", "scalability", "decision", "together"
]


class Claim(Strict):
    id: Id
    section: ArticleSection = Field(description="The section of the source article the claim comes from.")
    claim: Text = Field(description="The article's claim, paraphrased (never copied).")
    finding: Literal["supported", "qualified", "disputed"] = Field(
        description="What checking it against the sources found."
    )
    note: Text = Field(description="What the check found, concretely.")
    criteria: list[Id] = Field(min_length=1, description="Criteria where the claim is checked.")


class ClaimsFile(Strict):
    claims: list[Claim] = Field(min_length=1, description="Every claim of the source article, each checked.")


class BenchmarkTest(Strict):
    """One test of a benchmark run: a column of its table."""

    id: Id
    name: OneLine = Field(description="What the test does, in a few words, e.g. `JSON, about 1 KB`.")
    database: bool = Field(default=False, description="Whether each request queries a database in this test.")


class BenchmarkStack(Strict):
    """One framework setup measured in a run (framework, add-on, server): a row of its table."""

    framework: Id = Field(description="The `id` of the framework in frameworks.yml this setup belongs to.")
    label: OneLine = Field(description="The setup as the benchmark names it, with versions where known, e.g. `FastAPI 0.75.0`.")
    results: dict[Id, Annotated[int, Field(gt=0)]] = Field(
        description="Requests per second for each test, keyed by the test's `id`; leave out a test the setup did not run."
    )


class Benchmark(Strict):
    """A published benchmark run whose figures the Performance page shows."""

    id: Id
    title: OneLine = Field(description="The benchmark's name and the run, e.g. `py-frameworks-bench, run of 2022-03-14`.")
    published: dt.date = Field(description="The day the results were published (YYYY-MM-DD).")
    hardware: Text = Field(description="The machine the run used, as the benchmark describes it.")
    load: Text = Field(description="How the load was generated and how the apps were served.")
    versions: Text = Field(description="The framework versions measured, or that the source does not state them.")
    tests: list[BenchmarkTest] = Field(min_length=1, description="The tests shown, in table order.")
    stacks: list[BenchmarkStack] = Field(min_length=2, description="The setups shown, in table order.")
    caveat: Text | None = Field(default=None, description="What a reader must know before comparing the figures.")
    sources: list[Source] = Field(min_length=1, description="Where the figures were read.")


class BenchmarksFile(Strict):
    benchmarks: list[Benchmark] = Field(min_length=1, description="Benchmark runs with figures for at least two frameworks.")


class Guide(BaseModel):
    """The whole, cross-checked guide: what every renderer and export reads."""

    model_config = ConfigDict(frozen=True)

    frameworks: list[Framework]
    groups: list[Group]
    decision: DecisionFile
    claims: list[Claim]
    benchmarks: list[Benchmark] = []

    @property
    def criteria(self) -> list[Criterion]:
        return [criterion for group in self.groups for criterion in group.criteria]

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(f"no criterion has the id '{criterion_id}'")

    def group(self, group_id: str) -> Group:
        for group in self.groups:
            if group.id == group_id:
                return group
        raise KeyError(f"no group has the id '{group_id}'; known groups: {', '.join(g.id for g in self.groups)}")

    def framework(self, framework_id: str) -> Framework:
        for framework in self.frameworks:
            if framework.id == framework_id:
                return framework
        raise KeyError(f"no framework has the id '{framework_id}'")

    def group_of(self, criterion_id: str) -> Group:
        return next(g for g in self.groups if any(c.id == criterion_id for c in g.criteria))

    @property
    def reviewed(self) -> dt.date:
        """The newest review date in the data: what "data last reviewed" means on every page."""
        dates = [c.reviewed for c in self.criteria] + [f.reviewed for f in self.frameworks]
        return max(dates)

    @property
    def oldest_review(self) -> dt.date:
        return min(c.reviewed for c in self.criteria)

    def is_stale(self, criterion: Criterion, today: dt.date | None = None) -> bool:
        return review_is_stale(criterion.reviewed, today)
