"""Find Debian's Chromium and say how to start it (chromium.json); Puppeteer's own download is not
used. pa11y prefers the headless shell: the same Blink and the same findings for about a fifth
less CPU than the full browser in headless mode (192 pages: 227 → 188 CPU-s). The interactive
checks (focus, keyboard, hover, search) use the full browser, as readers do."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from kit.model.errors import KitError, Problem

SETTINGS = json.loads(Path(__file__).with_name("chromium.json").read_text("utf-8"))
ENV_VARS = ("PUPPETEER_EXECUTABLE_PATH", "CHROMIUM_PATH", "CHROME_BIN")
SHELL = tuple(SETTINGS["shell"])
USUAL = tuple(SETTINGS["full"])
FLAGS: list[str] = SETTINGS["flags"]


def find_chromium(shell: bool = False) -> Path:
    """The browser named in the environment, else the full browser (shell=True: the headless shell
    first, where Debian's package is installed)."""
    for var in ENV_VARS:
        value = os.environ.get(var)
        if value:
            if Path(value).exists():
                return Path(value)
            raise KitError([Problem(Path(value), 0, "C001", var, f"zmienna {var} wskazuje plik, którego nie ma.",
                                    f"popraw {var} albo usuń ją, aby użyć systemowej przeglądarki.")])
    names = SHELL + tuple(filter(None, [shutil.which("chromium-headless-shell")])) if shell else ()
    names += USUAL + tuple(filter(None, (shutil.which("chromium"), shutil.which("chromium-browser"))))
    for name in names:
        if Path(name).exists():
            return Path(name)
    raise KitError([Problem(Path("/usr/bin/chromium"), 0, "C002", "chromium",
                            "nie znaleziono przeglądarki Chromium potrzebnej do testów dostępności.",
                            "zainstaluj pakiety Debiana: sudo apt-get install chromium chromium-headless-shell "
                            "(albo wskaż przeglądarkę w zmiennej PUPPETEER_EXECUTABLE_PATH).")])


def is_shell(chromium: Path) -> bool:
    return "headless-shell" in chromium.name


def launch_options(chromium: Path, extra: list[str] | None = None) -> dict:
    """Puppeteer's launch options (the same as chromium.js builds for the tests' own scripts)."""
    return {"executablePath": str(chromium), "headless": "shell" if is_shell(chromium) else True,
            "args": FLAGS + list(extra or [])}
