"""`mkdocs build` that writes down every Markdown and YAML file it opens for reading, in every
process of the build (a language built in its own process too): python read_probe.py LOG ROOT...
-- MKDOCS_ARGS. One line per open: the process id and the path."""
import os
import sys

split = sys.argv.index("--")
log, roots = sys.argv[1], [os.path.realpath(r) + os.sep for r in sys.argv[2:split]]
fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_TRUNC, 0o644)   # shared with forks


def hook(event, args):
    if event != "open" or not isinstance(args[0], (str, bytes, os.PathLike)):
        return
    path, mode = os.path.realpath(os.fsdecode(args[0])), args[1]
    reading = mode is None or (isinstance(mode, str) and "r" in mode and "+" not in mode)
    if reading and path.endswith((".md", ".yml", ".yaml")) and any(path.startswith(r) for r in roots) \
            and not any(part in path for part in ("/.venv/", "/node_modules/", "/.cache/")):
        os.write(fd, f"{os.getpid()} {path}\n".encode())   # os.write: no audit event of its own


sys.addaudithook(hook)
sys.argv = ["mkdocs", *sys.argv[split + 1:]]
from mkdocs.__main__ import cli  # noqa: E402

cli()
