"""Load and check everything under materials/ in one call – shared by the build and `kit check`."""
from __future__ import annotations

from dataclasses import dataclass, field

from kit.checks import safety
from kit.checks.a11y_lint import lint_project
from kit.model.errors import KitError, Problem, raise_if
from kit.model.frontmatter import load_markdown
from kit.model.glossary import Term, load_glossary
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



def load(project: Project | None = None, only: list[str] | None = None) -> Materials:
    """Validate the registry, glossary, modules and citations in editors' pages; raise on any problem."""
    project = project or Project.default()
    raise_if(safety.symlink_problems(project.root))  # before anything reads a file a link points at
    problems: list[Problem] = []
    acts = load_registry(project.legal_file)
    terms: list[Term] = []
    modules: list[Module] = []
    try:
        terms = load_glossary(project.glossary_file)
    except KitError as exc:
        problems += exc.problems
    try:
        modules = load_all(project.modules, acts, project.docs)
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
        status = src.data.get("status", DEFAULT_PAGE_STATE)
        problems += check_state(page, str(status), src.line("status"), page.read_text("utf-8"), 1,
                                body_citations(src.body, src.body_line), acts)
        if page.is_relative_to(project.docs):
            page_states[page.relative_to(project.docs).as_posix()] = str(status)
    problems += lint_project(project)
    problems += safety.lint_project(project)
    raise_if(problems)
    if only is not None:
        modules = select(modules, only, project)
    return Materials(acts, terms, modules, page_states)


def select(modules: list[Module], only: list[str], project: Project) -> list[Module]:
    """An edition's module selection; every selected module needs its prerequisites selected too."""
    known = {m.id: m for m in modules}
    problems = []
    for mid in only:
        if mid not in known:
            problems.append(Problem(project.root / "materials" / "wydanie.yml", 0, "E020", "modules",
                                    f"moduł „{mid}” nie istnieje.", "dozwolone: " + ", ".join(known) + "."))
    chosen = [m for m in modules if m.id in only]
    for m in chosen:
        for pre in m.prerequisites:
            if pre not in only:
                problems.append(Problem(project.root / "materials" / "wydanie.yml", 0, "E021", "modules",
                                        f"moduł {m.id} wymaga modułu {pre}, którego nie wybrano.",
                                        f"dodaj {pre} do listy modules albo usuń {m.id}."))
    raise_if(problems)
    return chosen
