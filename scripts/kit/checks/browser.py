"""Find the system Chromium (Debian's package); Puppeteer's own download is not used."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from kit.model.errors import KitError, Problem

ENV_VARS = ("PUPPETEER_EXECUTABLE_PATH", "CHROMIUM_PATH", "CHROME_BIN")
USUAL = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium",
         "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable", "/snap/bin/chromium")
# Flags for a closed network and a root user in CI: no sandbox, no background traffic.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def find_chromium() -> Path:
    for var in ENV_VARS:
        value = os.environ.get(var)
        if value:
            if Path(value).exists():
                return Path(value)
            raise KitError([Problem(Path(value), 0, "C001", var, f"zmienna {var} wskazuje plik, którego nie ma.",
                                    f"popraw {var} albo usuń ją, aby użyć systemowej przeglądarki.")])
    for name in USUAL + tuple(filter(None, (shutil.which("chromium"), shutil.which("chromium-browser")))):
        if Path(name).exists():
            return Path(name)
    raise KitError([Problem(Path("/usr/bin/chromium"), 0, "C002", "chromium",
                            "nie znaleziono przeglądarki Chromium potrzebnej do testów dostępności.",
                            "zainstaluj pakiet Debiana: sudo apt-get install chromium "
                            "(albo wskaż przeglądarkę w zmiennej PUPPETEER_EXECUTABLE_PATH).")])
