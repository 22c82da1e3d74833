"""Typed models of the three data files.

Unknown keys are forbidden everywhere (``extra="forbid"``) so a misspelt key is an error, never
silently ignored data. Field descriptions double as the contributor documentation and the JSON
Schema that editors use for completion, so keep them written for a newcomer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from functools import cached_property
from typing import Annotated, Any, Literal, Self

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from guide.data.fieldrules import NOT_IN_FUTURE, PLAIN_TEXT, WEB_ADDRESS
from guide.data.scale import WEIGHT_LABELS, Rating

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=1, max_length=60),
    Field(description="Lower-case words joined by hyphens, e.g. `raw-throughput`."),
]
# Field rules (guide.data.fieldrules) run as validators on the types they apply to.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(PLAIN_TEXT)]
OneLine = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=160), AfterValidator(PLAIN_TEXT)]
Url = Annotated[str, Field(description="An absolute `http://` or `https://` address."), AfterValidator(WEB_ADDRESS)]
PagePath = Annotated[
    str,
    Field(description="A page of the guide, as a path under `docs/`, e.g. `performance.md`."),
    AfterValidator(PLAIN_TEXT),
]
Day = Annotated[dt.date, AfterValidator(NOT_IN_FUTURE)]


STALE_AFTER_DAYS = 365


def review_is_stale(reviewed: dt.date, today: dt.date | None = None) -> bool:
    """Reviewed more than a year ago: flagged on the page and warned about by ``make check``."""
    return ((today or dt.date.today()) - reviewed).days > STALE_AFTER_DAYS


class Indexed(BaseModel):
    """A model whose lookups (``functools.cached_property``) are built on first use. The models
    are frozen, but ``model_copy(update=...)`` would copy the lookups with the fields: it drops them."""

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        copied = super().model_copy(update=update, deep=deep)
        for name in {name for cls in type(self).__mro__ for name, value in vars(cls).items() if isinstance(value, cached_property)}:
            copied.__dict__.pop(name, None)
        return copied


class Strict(Indexed):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(Strict):
    """Where a claim can be checked."""

    title: Text = Field(description="What the reader will find there, e.g. `Django 5.2 release notes`.")
    url: Url
    accessed: Day = Field(description="The date someone last read the page and checked the claim (YYYY-MM-DD).")


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
    reviewed: Day = Field(description="When the assessments were last checked against their sources.")
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
    reviewed: Day = Field(description="When the framework's facts (version, licence, links) were last checked.")
    page: PagePath | None = Field(default=None, description="The guide's overview page for this framework.")


class FrameworksFile(Strict):
    frameworks: list[Framework] = Field(min_length=2, description="The frameworks compared; each becomes a column in every table.")


class CriteriaFile(Strict):
    groups: list[Group] = Field(min_length=1, description="Groups of criteria, in the order the pages show them.")


class Answer(Strict):
    label: OneLine = Field(description="The answer as the reader would say it.")
    hint: Text | None = Field(default=None, description="A short explanation of when this answer applies.")
    because: OneLine | None = Field(
        default=None,
        description=(
            "What this answer tells about the project that moves the recommendation, in one sentence that holds "
            "for every outcome the answer can lead to. The result shows it as \"Because you answered ...\". "
            "Every path needs at least one, and two paths to the same outcome may not give the same ones."
        ),
    )
    next: Id = Field(description="The `id` of the question or outcome this answer leads to.")


class Question(Strict):
    id: Id
    text: OneLine = Field(description="The question, ending with a question mark.")
    hint: Text | None = Field(default=None, description="Why the question matters.")
    answers: list[Answer] = Field(min_length=2, description="At least two answers, each leading to a question or an outcome.")
    sources: list[Source] = Field(
        default_factory=list,
        description="Where the question's hint and its answers' hints and reasons can be checked.",
    )
    judgement: Text | None = Field(
        default=None,
        description=(
            "Where the hint or a reason goes beyond the sources: the guide's own reasoning, shown as such. "
            "A question with a hint or reasons needs sources, a judgement, or both."
        ),
    )


class Recommendation(Strict):
    framework: Id = Field(description="The `id` of a framework in frameworks.yml.")
    role: OneLine = Field(description="What this framework does in the recommended setup.")


class Outcome(Strict):
    id: Id
    title: OneLine = Field(description="The recommendation in a few words.")
    recommends: list[Recommendation] = Field(min_length=1, description="The frameworks recommended, one or more, each with its role.")
    why: Text = Field(
        description=(
            "Why this setup fits. It must hold for every path that leads here: what depends on the path goes "
            "in the answers' `because`."
        )
    )
    watch_out: list[Text] = Field(default_factory=list, description="Risks and caveats of this choice.")
    criteria: list[Id] = Field(min_length=1, description="Criteria whose verdicts back this outcome.")
    pages: list[PagePath] = Field(min_length=1, description="Pages that explain this outcome further.")
    sources: list[Source] = Field(default_factory=list, description="Where the `why` and the watch-out notes can be checked.")
    judgement: Text | None = Field(
        default=None,
        description=(
            "Where the `why` or a watch-out note goes beyond the sources: the guide's own reasoning, shown as such. "
            "An outcome needs sources, a judgement, or both."
        ),
    )


Step = tuple[str, int]  # one answer given: (question id, answer index)
MAX_PATHS = 5000


class DecisionFile(Strict):
    start: Id = Field(description="The `id` of the first question.")
    questions: list[Question] = Field(min_length=1, description="The questions; ids share one namespace with the outcomes.")
    outcomes: list[Outcome] = Field(min_length=1, description="Where the answers end: a recommendation with its reasons.")

    # The walks below assume a sound tree (every `next` known, no loops), as validation ensures.

    @cached_property
    def _questions(self) -> dict[str, Question]:
        return {question.id: question for question in self.questions}

    @cached_property
    def _titles(self) -> dict[str, str]:
        titles = {outcome.id: outcome.title for outcome in self.outcomes}
        titles.update({question.id: question.text for question in self.questions})
        return titles

    def question(self, node_id: str) -> Question | None:
        """The question with this id, or None (the id of an outcome, or unknown)."""
        return self._questions.get(node_id)

    def answered(self, step: Step) -> tuple[Question, Answer]:
        """The question asked and the answer given in one step of a path."""
        question = self._questions[step[0]]
        return question, question.answers[step[1]]

    def title(self, node_id: str) -> str:
        """A node's text as the outline names it: a question's text or an outcome's title."""
        return self._titles[node_id]

    def post_order(self) -> list[str]:
        """Every node reachable from the start, each after all the nodes its answers lead to
        (iterative: a recursive walk would overflow on a deep tree)."""
        questions = self._questions

        def targets(node: str) -> Iterator[str]:
            question = questions.get(node)
            return iter([a.next for a in question.answers] if question else [])

        order: list[str] = []
        on_path_or_done: dict[str, bool] = {self.start: False}  # False while on the current path
        stack = [(self.start, targets(self.start))]
        while stack:
            node, following = stack[-1]
            for target in following:
                if on_path_or_done.get(target) is False:
                    raise ValueError(f"the answers form a loop through '{target}'")
                if target not in on_path_or_done:
                    on_path_or_done[target] = False
                    stack.append((target, targets(target)))
                    break
            else:
                on_path_or_done[node] = True
                order.append(node)
                stack.pop()
        return order

    def path_count(self) -> int:
        """How many paths lead from the start to an outcome, counted without listing them: where
        answers share follow-up questions, paths can far outnumber nodes."""
        questions = self._questions
        counts: dict[str, int] = {}
        for node in self.post_order():
            question = questions.get(node)
            counts[node] = sum(counts[a.next] for a in question.answers) if question else 1
        return counts[self.start]

    def questions_left(self) -> dict[str, int]:
        """For each node, the most questions a reader can still be asked from it, itself included
        (0 at an outcome): what "question 3 of at most 5" counts."""
        questions = self._questions
        left: dict[str, int] = {}
        for node in self.post_order():
            question = questions.get(node)
            left[node] = 1 + max(left[a.next] for a in question.answers) if question else 0
        return left

    def paths(self) -> list[tuple[list[Step], str]]:
        """Every path from the start to an outcome, as its steps and the outcome's id, in answer order."""
        return [(steps, end) for steps, end, _ in self.reasoned_paths()]

    def reasoned_paths(self) -> list[tuple[list[Step], str, list[tuple[Step, str]]]]:
        """Every path as in :meth:`paths`, with the reasons its answers give (each answer's
        `because`, with its step), in order: what the result shows for exactly that path."""
        questions = self._questions
        found: list[tuple[list[Step], str, list[tuple[Step, str]]]] = []
        stack: list[tuple[str, list[Step], list[tuple[Step, str]]]] = [(self.start, [], [])]
        while stack:
            node, steps, reasons = stack.pop()
            question = questions.get(node)
            if question is None:
                found.append((steps, node, reasons))
                continue
            for index in reversed(range(len(question.answers))):
                answer, step = question.answers[index], (node, index)
                given = [*reasons, (step, answer.because)] if answer.because else reasons
                stack.append((answer.next, [*steps, step], given))
        return found


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
    published: Day = Field(description="The day the results were published (YYYY-MM-DD).")
    hardware: Text = Field(description="The machine the run used, as the benchmark describes it.")
    load: Text = Field(description="How the load was generated and how the apps were served.")
    versions: Text = Field(description="The framework versions measured, or that the source does not state them.")
    tests: list[BenchmarkTest] = Field(min_length=1, description="The tests shown, in table order.")
    stacks: list[BenchmarkStack] = Field(min_length=2, description="The setups shown, in table order.")
    caveat: Text | None = Field(default=None, description="What a reader must know before comparing the figures.")
    sources: list[Source] = Field(min_length=1, description="Where the figures were read.")


class BenchmarksFile(Strict):
    benchmarks: list[Benchmark] = Field(min_length=1, description="Benchmark runs with figures for at least two frameworks.")


def _weight(value: object) -> int:
    """A scorecard weight is a whole number 0-3; YAML's yes/no and quoted numbers are refused."""
    if type(value) is int and value in WEIGHT_LABELS:
        return value
    if isinstance(value, bool):
        shown = "a yes/no value"
    elif isinstance(value, str):
        shown = f'"{value}", text in quotes,'
    else:
        shown = f"'{value}'"
    choices = ", ".join(f"{w} {label}" for w, label in WEIGHT_LABELS.items())
    raise PydanticCustomError("weight", f"{shown} is not a weight; expected one of: {choices}".replace("{", "(").replace("}", ")"))


Weight = Annotated[int, BeforeValidator(_weight), Field(ge=0, le=3)]
GroupKey = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=1, max_length=60),
    Field(title="group id", description="The `id` of a group in criteria.yml."),
]


class Preset(Strict):
    """Starting weights for the priorities scorecard for one kind of project; readers pick it on
    the scorecard page and can change every weight."""

    id: Id
    title: OneLine = Field(description="The kind of project, as the preset's button shows it, e.g. `API-only service`.")
    description: Text = Field(description="Which projects it fits and why each weight is what it is (the guide's judgement).")
    weights: dict[GroupKey, Weight] = Field(
        min_length=1,
        description="Weight per group id: 0 Ignore, 1 Low, 2 Medium, 3 High. A group left out counts as 2 (Medium).",
    )


class PresetsFile(Strict):
    presets: list[Preset] = Field(description="Scorecard presets, in the order the scorecard page offers them.")


class Guide(Indexed):
    """The whole, cross-checked guide: what every renderer and export reads."""

    model_config = ConfigDict(frozen=True)

    frameworks: list[Framework]
    groups: list[Group]
    decision: DecisionFile
    claims: list[Claim]
    benchmarks: list[Benchmark] = []
    presets: list[Preset] = []

    @property
    def criteria(self) -> list[Criterion]:
        return [criterion for group in self.groups for criterion in group.criteria]

    @cached_property
    def _criteria_by_id(self) -> dict[str, Criterion]:
        return {criterion.id: criterion for criterion in self.criteria}

    @cached_property
    def _groups_by_id(self) -> dict[str, Group]:
        return {group.id: group for group in self.groups}

    @cached_property
    def _frameworks_by_id(self) -> dict[str, Framework]:
        return {framework.id: framework for framework in self.frameworks}

    @cached_property
    def _group_of_criterion(self) -> dict[str, Group]:
        return {criterion.id: group for group in reversed(self.groups) for criterion in group.criteria}

    def group_of(self, criterion: Criterion) -> Group:
        """The group that holds ``criterion``."""
        return self._group_of_criterion[criterion.id]

    def criterion(self, criterion_id: str) -> Criterion:
        try:
            return self._criteria_by_id[criterion_id]
        except KeyError:
            raise KeyError(f"no criterion has the id '{criterion_id}'") from None

    def group(self, group_id: str) -> Group:
        try:
            return self._groups_by_id[group_id]
        except KeyError:
            known = ", ".join(g.id for g in self.groups)
            raise KeyError(f"no group has the id '{group_id}'; known groups: {known}") from None

    def framework(self, framework_id: str) -> Framework:
        try:
            return self._frameworks_by_id[framework_id]
        except KeyError:
            raise KeyError(f"no framework has the id '{framework_id}'") from None

    @cached_property
    def reviewed(self) -> dt.date:
        """The newest review date in the data: what "data last reviewed" means on every page."""
        return max([c.reviewed for c in self.criteria] + [f.reviewed for f in self.frameworks])

    def is_stale(self, criterion: Criterion, today: dt.date | None = None) -> bool:
        return review_is_stale(criterion.reviewed, today)
