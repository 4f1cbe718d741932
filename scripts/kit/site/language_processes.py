"""Build the other languages in their own processes while the default language builds.

static-i18n builds the languages one after the other: the default language's build, at its end,
builds each other language into the same site folder. Here the default build forks one process
per other language once the site folder has been cleaned (its `files` event); the child runs
exactly the nested build static-i18n would run, and the default build, where static-i18n would
start that nested build, waits for the child instead and takes over what the nested build would
have left in memory: the search entries and whatever the kit's hooks collected (PDF sizes, the
language's sitemap entries). The site folder ends up byte for byte as after a sequential build
(tests/test_language_processes.py compares them).

`mkdocs build` and the preview's rebuilds fork (the preview forks from its build thread; the child
only builds and leaves with os._exit, touching none of the server's state). KIT_PARALLEL_LANGUAGES=0
builds one language after the other; so does a machine with one core or without fork().
"""
from __future__ import annotations

import logging
import os
import pickle
import signal
import sys
import tempfile
from pathlib import Path
from typing import Callable

from mkdocs import utils
from mkdocs.commands.build import build
from mkdocs.exceptions import Abort

from kit import cores
from kit.log_capture import Messages

log = logging.getLogger("mkdocs.plugins.kit")

_children: dict[str, tuple[int, Path]] = {}   # language -> (pid, result file), in the parent
_joined: list[str] = []                        # languages whose child has finished, this build
_in_child = False
_merge: Callable[[dict], None] = lambda state: None   # set by start()


def wanted(i18n) -> bool:
    """Fork for this build? Only the outermost default-language build of `mkdocs build` or `serve`."""
    if os.environ.get("KIT_PARALLEL_LANGUAGES", "1") == "0" or not hasattr(os, "fork"):
        return False
    if os.environ.get("KIT_MKDOCS_COMMAND") not in ("build", "serve") or cores.available() < 2:
        return False
    return (i18n is not None and not i18n.building and not _children and not _in_child
            and i18n.current_language == i18n.default_language and len(i18n.build_languages) > 1)


def in_child() -> bool:
    return _in_child


def take_joined() -> list[str]:
    """The languages a child process built in this build (asked once, at the build's end)."""
    langs = list(_joined)
    _joined.clear()
    return langs


def start(config, i18n, collect: Callable[[], dict], merge: Callable[[dict], None]) -> None:
    """Fork one process per non-default language. collect() returns, in the child after its build,
    the hook state the parent needs (it must pickle); merge(state) takes it in the parent."""
    global _merge
    _merge = merge
    _joined.clear()
    for lang in (x for x in i18n.build_languages if x != i18n.default_language):
        fd, name = tempfile.mkstemp(prefix=f"kit-build-{lang}-", suffix=".pickle")
        os.close(fd)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _run_child(config, i18n, lang, Path(name), collect)
        _children[lang] = (pid, Path(name))
    log.info("kit: równolegle w osobnym procesie: %s", ", ".join(_children))
    _patch_nested_build(i18n)


def _run_child(config, i18n, lang: str, result: Path, collect: Callable[[], dict]) -> None:
    """The nested build static-i18n's on_post_build would run, then the result for the parent."""
    global _in_child
    _in_child = True
    _children.clear()
    code = 1
    errors = Messages(logging.ERROR)   # the parent shows them (in the preview: in the browser)
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        i18n.building = True     # as inside static-i18n's loop: no further nesting
        i18n.current_language = lang
        first = len(i18n.search_entries)
        utils.clean_directory = lambda _: None  # the parent cleaned the shared site folder
        logging.getLogger("mkdocs.commands.build").addFilter(  # as static-i18n's loop does
            lambda r: not str(r.msg).startswith(("Documentation built in", "Building documentation to")))
        build(config, dirty="--dirty" in sys.argv)
        payload = {"entries": i18n.search_entries[first:], **collect()}
        code = 0
    except BaseException as exc:  # noqa: BLE001 – whatever stops the child, the parent must stop too
        # the errors MkDocs logged say what to fix; the exception often only "Aborted with a BuildError!"
        payload = {"error": "\n".join(errors.messages) or str(exc) or type(exc).__name__}
    try:
        result.write_bytes(pickle.dumps(payload))
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)  # no atexit handlers or finally blocks of the parent's stack


_original_build = None   # static-i18n's build() while the parent's stand-in is in its place


def _patch_nested_build(i18n) -> None:
    """static-i18n calls build() for each other language from its on_post_build: for a language
    a child has built, wait for the child instead."""
    global _original_build
    import mkdocs_static_i18n.plugin as plugin
    if _original_build is None:
        _original_build = plugin.build
    original = _original_build

    def nested_build(config, *args, **kwargs):
        lang = i18n.current_language
        if lang not in _children:
            return original(config, *args, **kwargs)
        payload = _join(lang)
        i18n.search_entries.extend(payload.pop("entries"))
        _merge(payload)
        if not _children:
            _restore_build()

    plugin.build = nested_build


def _restore_build() -> None:
    """static-i18n's own build() back (also after a failure: a preview rebuilds in the same process)."""
    global _original_build
    if _original_build is not None:
        import mkdocs_static_i18n.plugin as plugin
        plugin.build, _original_build = _original_build, None


def _join(lang: str) -> dict:
    pid, result = _children.pop(lang)
    _, status = os.waitpid(pid, 0)
    try:
        payload = pickle.loads(result.read_bytes()) if result.stat().st_size else None
    finally:
        result.unlink(missing_ok=True)
    if payload is None or "error" in payload:
        stop()
    if payload is None:
        raise Abort(f"Budowanie wersji „{lang}” przerwane (kod wyjścia procesu: {os.waitstatus_to_exitcode(status)}). "
                    "Zbuduj ponownie z KIT_PARALLEL_LANGUAGES=0, aby zobaczyć pełny komunikat.")
    if "error" in payload:
        raise Abort(payload["error"])
    _joined.append(lang)
    return payload


def stop() -> None:
    """The default build failed (or a child did): end the other children, drop their results and
    give static-i18n its build() back."""
    _restore_build()
    _joined.clear()
    while _children:
        _, (pid, result) = _children.popitem()
        try:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        result.unlink(missing_ok=True)
