"""Polish spelling of the built pages with hunspell (Debian hunspell-pl) and the project word list.

Checks the text readers see (the page's <article>, without code and printed URLs), page by page,
so each unknown word is reported with the page it is on. `hunspell -l` always exits 0, so the
result is the list of words, not the exit code.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from lxml import html as lhtml

from kit.model.errors import KitError, Problem
from kit.model.paths import ROOT

WORDLIST = ROOT / "materials" / "slownik-pisowni.txt"
DICTIONARY = "pl_PL"


def hunspell() -> str:
    path = shutil.which("hunspell")
    if not path or not Path(f"/usr/share/hunspell/{DICTIONARY}.dic").exists():
        raise KitError([Problem(Path("/usr/share/hunspell"), 0, "S001", "hunspell",
                                "brak programu hunspell lub słownika polskiego.",
                                "zainstaluj pakiety Debiana: sudo apt-get install hunspell hunspell-pl")])
    return path


def page_text(page: Path) -> str:
    doc = lhtml.fromstring(page.read_bytes())
    found = doc.xpath('//article[contains(@class, "md-content__inner")]')
    if not found:
        return ""
    art = found[0]
    for el in art.xpath('.//pre | .//code | .//*[contains(@class, "kit-print-url")] | .//*[contains(@class, '
                        '"headerlink")] | .//*[contains(@class, "kit-downloads")] | .//time'
                        ' | .//*[@lang and not(starts-with(@lang, "pl"))]'):  # English passages
        el.drop_tree()
    for br in art.iter("br"):  # <br> separates words on screen, so it does in the text
        br.tail = "\n" + (br.tail or "")
    return art.text_content()


def unknown_words(text: str, wordlist: Path = WORDLIST) -> list[str]:
    # Words with digits, e-mail and web addresses are not words to spell.
    text = re.sub(r"\S*[@/\\]\S*|\S*\d\S*", " ", text)
    cmd = [hunspell(), "-d", DICTIONARY, "-l"]
    if wordlist.exists():
        cmd[1:1] = ["-p", str(wordlist)]
    out = subprocess.run(cmd, input=text, capture_output=True, text=True, check=True).stdout
    return sorted(set(w for w in out.split() if w))


def check_site(site: Path, wordlist: Path = WORDLIST) -> dict[str, list[str]]:
    """Unknown words per Polish page (pages under en/ are English). hunspell reads all pages in one
    run (loading the dictionary once); each unknown word is then traced to the pages it is on."""
    texts = {}
    for page in sorted(site.rglob("index.html")):
        rel = page.parent.relative_to(site).as_posix()
        if rel.split("/")[0] not in ("en", "assets", "search"):
            texts[rel or "."] = page_text(page)
    unknown = unknown_words("\n".join(texts.values()), wordlist)
    result = {}
    for rel, text in texts.items():
        words = [w for w in unknown if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
        if words:
            result[rel] = words
    return result
