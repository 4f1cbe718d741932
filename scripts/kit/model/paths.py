"""Where things live in a kit project; one place so a move is one edit."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# KIT_ROOT lets tests and tools run the commands on a copy of the project.
ROOT = Path(os.environ.get("KIT_ROOT") or Path(__file__).resolve().parents[3]).resolve()

# Folders of docs/ that hold only generated (virtual) pages; editors keep their pages elsewhere.
GENERATED_DIRS = ("moduly", "szablony", "zasoby", "nauka")


@dataclass(frozen=True)
class Project:
    """The folders of one kit project: this repository, a JST edition or a test fixture."""

    root: Path
    docs: Path

    @property
    def materials(self) -> Path:
        return self.root / "materials"

    @property
    def modules(self) -> Path:
        return self.materials / "modules"

    @property
    def templates(self) -> Path:
        return self.materials / "templates"

    @property
    def legal_file(self) -> Path:
        return self.materials / "legal.yml"

    @property
    def law_file(self) -> Path:
        """The law-change watch's result (written by `kit prawo --update`, read by the build)."""
        return self.materials / "prawo-zmiany.json"

    @property
    def glossary_file(self) -> Path:
        return self.materials / "glossary.yml"

    @property
    def cases_file(self) -> Path:
        return self.materials / "przykladowe-jst.yml"

    @property
    def paths_file(self) -> Path:
        return self.materials / "sciezki.yml"

    def editor_pages(self) -> list[Path]:
        """Markdown written by editors in docs/ (not the generated folders) and the templates."""
        pages = [p for p in sorted(self.docs.rglob("*.md"))
                 if p.relative_to(self.docs).parts[0] not in GENERATED_DIRS]
        return pages + sorted(self.templates.glob("*.md"))

    @classmethod
    def default(cls) -> "Project":
        return cls(ROOT, ROOT / "docs")

    @classmethod
    def from_config(cls, config) -> "Project":
        """The project of a MkDocs config; extra.kit.root is relative to the config file."""
        base = Path(config.config_file_path).resolve().parent
        root = (base / config.extra.get("kit", {}).get("root", ".")).resolve()
        return cls(root, Path(config.docs_dir).resolve())


def rel(path: Path) -> str:
    """Short POSIX path for messages: relative to the working folder or the repository."""
    p = Path(path).parent.resolve() / Path(path).name  # a symbolic link is named, not followed
    for base in (Path(os.getcwd()).resolve(), ROOT):
        try:
            return p.relative_to(base).as_posix()
        except ValueError:
            continue
    return str(p)
