"""Load and check everything under materials/ in one call – shared by the build and `kit check`."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kit.checks import safety
from kit.checks.a11y_lint import lint_project
from kit.model.cases import Cases, load_cases
from kit.model.errors import KitError, Problem, raise_if
from kit.model.frontmatter import load_markdown, read_source
from kit.model.glossary import Term, load_glossary
from kit.model.law_state import ActState, load_states
from kit.model.learning_paths import LearningPath, for_edition, load_paths
from kit.model.legal import Act, check_citations, load_registry
from kit.model.modules import Module, load_all
from kit.model.paths import Project
from kit.model.states import DEFAULT_PAGE_STATE, body_citations, check_state


@dataclass
class Materials:
    acts: dict[str, Act]
    terms: list[Term]
    modules: list[Module]
    page_states: dict[str, str] = field(default_factory=dict)  # docs-relative source -> state
    law: dict[str, ActState] = field(default_factory=dict)  # the law-change watch's last result
    cases: Cases | None = field(default=None)
    paths: list[LearningPath] = field(default_factory=list)


def load(project: Project | None = None, edition=None) -> Materials:
    """Validate the registry, glossary, modules and citations in editors' pages; raise on any problem."""
    project = project or Project.default()
    raise_if(safety.symlink_problems(project.root))  # before anything reads a file a link points at
    problems: list[Problem] = []
    acts = load_registry(project.legal_file)
    terms: list[Term] = []
    modules: list[Module] = []
    cases: Cases | None = None
    try:
        terms = load_glossary(project.glossary_file)
    except KitError as exc:
        problems += exc.problems
    law: dict[str, ActState] = {}
    try:
        # an act removed from the registry since the last watch run is simply no longer reported
        law = {k: v for k, v in load_states(project.law_file).items() if k in acts}
    except KitError as exc:
        problems += exc.problems
    paths: list[LearningPath] = []
    try:
        cases = load_cases(project.cases_file)
    except KitError as exc:
        problems += exc.problems
    try:
        modules = load_all(project.modules, acts, project.docs)
        paths = load_paths(project.paths_file, modules)  # only against modules that loaded cleanly
    except KitError as exc:
        problems += exc.problems
    for term in terms:
        for text in (term.definition, term.en_definition or ""):
            problems += check_citations(project.glossary_file, text, acts, term.line)
    page_states: dict[str, str] = {}
    for page in project.editor_pages():
        try:
            src = load_markdown(page)
        except KitError as exc:
            problems += exc.problems
            continue
        problems += check_citations(page, src.body, acts, src.body_line)
        for name in ("title", "summary"):
            value = src.data.get(name)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                problems.append(Problem(page, src.line(name), "F010", name, f"znaleziono „{value}”, oczekiwano "
                                        "tekstu w jednej linii.", f"zapisz jako {name}: \"Tekst\" (bez nawiasów i myślników)."))
        if page.parent == project.templates and not isinstance(src.data.get("title"), str):
            problems.append(Problem(page, src.line("title"), "F011", "title", "szablon nie ma tytułu.",
                                    "dodaj w nagłówku YAML pole title: \"Nazwa szablonu\"."))
        if not re.search(r"\w", re.sub(r"^#+\s[^\n]*$", "", re.sub(r"<!--.*?-->", "", src.body, flags=re.S), flags=re.M)):
            problems.append(Problem(page, src.body_line, "F003", "", "strona nie ma treści poza tytułem.",
                                    "napisz treść albo usuń plik (brakujące tłumaczenie zastąpi wersja polska)."))
        status = src.data.get("status", DEFAULT_PAGE_STATE)
        problems += check_state(page, str(status), src.line("status"), read_source(page), 1,
                                body_citations(src.body, src.body_line), acts)
        if page.is_relative_to(project.docs):
            page_states[page.relative_to(project.docs).as_posix()] = str(status)
    problems += lint_project(project)
    problems += safety.lint_project(project)
    raise_if(problems)
    if edition is not None and edition.modules is not None:
        modules = select(modules, edition)
        paths = for_edition(paths, modules)
    return Materials(acts, terms, modules, page_states, law, cases, paths)


def select(modules: list[Module], edition) -> list[Module]:
    """An edition's module selection; every selected module needs its prerequisites selected too."""
    known = {m.id: m for m in modules}
    only = edition.modules
    problems = []

    def line(mid: str) -> int:
        return edition.line("modules", only.index(mid)) if mid in only else edition.line("modules")

    for mid in only:
        if mid not in known:
            problems.append(Problem(edition.path, line(mid), "E020", "modules", f"moduł „{mid}” nie istnieje.",
                                    "dozwolone: " + ", ".join(known) + "."))
    chosen = [m for m in modules if m.id in only]
    for m in chosen:
        for pre in m.prerequisites:
            if pre not in only:
                problems.append(Problem(edition.path, line(m.id), "E021", "modules",
                                        f"moduł {m.id} wymaga modułu {pre}, którego nie wybrano.",
                                        f"dodaj {pre} do listy modules albo usuń {m.id}."))
    raise_if(problems)
    return chosen
