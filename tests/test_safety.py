"""Hostile and careless inputs (issue 20) on small fixture projects: each is refused with its rule
code at file:line, or neutralised – escaped, sanitized or blocked by the policy."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import html as lhtml

from factory import EDITION, module_text, write_project
from kit.checks.safety import lint_text
from kit.cli import main
from kit.model.edition import fill_fields, load_edition
from kit.model.errors import KitError
from kit.site import csp, sanitize

P = Path("docs/strona.md")


def found(text: str) -> list[tuple[str, int]]:
    return [(p.code, p.line) for p in lint_text(P, text, 1)]


@pytest.mark.parametrize("case, text, expected", [
    ("svg onload", "# T\n\n<svg/onload=alert(1)>\n", ("X002", 3)),
    ("img onerror over two lines", "# T\n\n<img src=\"x.png\" alt=\"a\"\n  onerror=\"alert(1)\">\n", ("X002", 3)),
    ("attr_list onerror", "# T\n\n![Mapa](x.png){ onerror=\"alert(1)\" }\n", ("X002", 3)),
    ("attr_list with colon", "# T\n\nAkapit.\n{: onclick=alert(1) }\n", ("X002", 4)),
    ("Markdown javascript: link", "# T\n\n[Formularz](javascript:alert(1))\n", ("X003", 3)),
    ("encoded javascript: in HTML", "# T\n\n<a href=\"jav&#x61;script:alert(1)\">a</a>\n", ("X003", 3)),
    ("javascript: with spaces", "# T\n\n[a](  javascript:alert(1))\n", ("X003", 3)),
    ("reference definition", "# T\n\n[a][x]\n\n[x]: javascript:alert(1)\n", ("X003", 5)),
    ("attr_list href", "# T\n\n[a](b.md){ href=\"javascript:alert(1)\" }\n", ("X003", 3)),
    ("data: HTML link", "# T\n\n[a](data:text/html;base64,PHNjcmlwdD4=)\n", ("X003", 3)),
    ("style element", "# T\n\n<style>article { display: none }</style>\n", ("X001", 3)),
    ("form posting elsewhere", "# T\n\n<form action=\"https://example.net/x\" method=\"post\">\n</form>\n", ("X001", 3)),
    ("iframe", "# T\n\n<iframe src=\"https://example.org\"></iframe>\n", ("X001", 3)),
    ("object", "# T\n\n<object data=\"x.swf\"></object>\n", ("X001", 3)),
    ("script", "# T\n\n<script>alert(1)</script>\n", ("X001", 3)),
])
def test_source_lint_names_rule_and_line(case, text, expected):
    assert expected in found(text), case


@pytest.mark.parametrize("text", [
    "# T\n\n```html\n<script>alert(1)</script>\n<a href=\"javascript:x\">\n```\n",
    "# T\n\nW kodzie `<svg onload=x>` nic się nie dzieje.\n",
    "# T\n\n![Mapa gminy](mapa.png){ .decorative }\n\n[Urząd](https://example.org) i [plik](a.md).\n",
    "# T\n\n![Wykres](data:image/png;base64,iVBORw0KGgo=)\n",
])
def test_source_lint_leaves_code_and_ordinary_content_alone(text):
    assert found(text) == []


def check(root: Path, capsys) -> tuple[int, str]:
    code = main(["check", "--root", str(root)])
    captured = capsys.readouterr()
    return code, captured.err + captured.out


def test_lint_runs_in_check_for_module_body(tmp_path, capsys):
    root = write_project(tmp_path, {"m01-pierwszy": module_text(body_extra="\n<svg/onload=alert(1)>\n")})
    code, out = check(root, capsys)
    assert code == 1 and "m01-pierwszy/modul.md:40: [X002]" in out and "Traceback" not in out


# --- snippets ---------------------------------------------------------------------------------

def fragments(root: Path) -> Path:
    folder = root / "materials" / "fragmenty"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("snippet, code, line", [
    ('--8<-- ".git/config"', "X010", 3),
    ('--8<-- "../modules/m02-drugi/modul.md"', "X010", 3),
    ('--8<-- "/etc/passwd"', "X010", 3),
    ('--8<--\nkontakt.md\n../../CONTRIBUTING.md\n--8<--', "X010", 5),
    ('```\n--8<-- ".git/config"\n```', "X010", 4),        # snippets are expanded inside code fences too
    ('--8<-- "nie-ma-takiego.md"', "X011", 3),
])
def test_snippet_only_from_fragments_folder(tmp_path, capsys, snippet, code, line):
    root = write_project(tmp_path)
    (fragments(root) / "kontakt.md").write_text("Kontakt: urząd gminy.\n", "utf-8")
    (root / "docs" / "strona.md").write_text(f"# Strona\n\n{snippet}\n", "utf-8")
    rc, out = check(root, capsys)
    assert rc == 1 and f"docs/strona.md:{line}: [{code}]" in out and "Traceback" not in out


def test_escaped_snippet_and_fragment_pass(tmp_path, capsys):
    root = write_project(tmp_path)
    (fragments(root) / "kontakt.md").write_text("Kontakt: urząd gminy.\n", "utf-8")
    (root / "docs" / "strona.md").write_text('# Strona\n\n--8<-- "kontakt.md"\n\n;--8<-- ".git/config"\n', "utf-8")
    rc, out = check(root, capsys)
    assert rc == 0, out


def test_trainer_block_in_fragment_is_refused(tmp_path, capsys):
    root = write_project(tmp_path)
    (fragments(root) / "wspolne.md").write_text("Tekst.\n\n/// Trener | Uwaga\nTAJNE\n///\n", "utf-8")
    rc, out = check(root, capsys)
    assert rc == 1 and "materials/fragmenty/wspolne.md:3: [X012]" in out


def test_symlinked_fragment_folder_is_refused(tmp_path, capsys):
    root = write_project(tmp_path)
    fragments(root)
    (root / "materials" / "fragmenty" / "etc").symlink_to("/etc")
    (root / "docs" / "strona.md").write_text('# Strona\n\n--8<-- "etc/passwd"\n', "utf-8")
    rc, out = check(root, capsys)
    assert rc == 1 and "materials/fragmenty/etc: [X020]" in out and "„/etc”" in out and "root:x:" not in out


# --- symbolic links among inputs and assets -----------------------------------------------------

@pytest.mark.parametrize("link, target", [
    ("materials/modules/m01-pierwszy/zdjecie.png", "/etc/passwd"),
    ("docs/apt", "/etc/apt"),
    ("docs/assets/ikona.svg", "../../.git/config"),
])
def test_symlinked_asset_is_refused_naming_the_link(tmp_path, capsys, link, target):
    root = write_project(tmp_path)
    (root / ".git").mkdir()
    (root / ".git" / "config").write_text("[core]\n\trepositoryformatversion = 0\n", "utf-8")
    (root / link).parent.mkdir(parents=True, exist_ok=True)
    (root / link).symlink_to(target)
    rc, out = check(root, capsys)
    assert rc == 1 and f"{link}: [X020]" in out and f"„{target}”" in out and "Traceback" not in out


def test_sync_never_copies_a_symlinked_asset(tmp_path):
    from kit.model.materials import Materials
    from kit.model.modules import load_all
    from kit.model.legal import load_registry
    from kit.model.paths import Project
    from kit.site.generated import plan
    root = write_project(tmp_path)
    project = Project(root, root / "docs")
    folder = root / "materials" / "modules" / "m01-pierwszy"
    (folder / "mapa.png").write_bytes(b"\x89PNG")
    (folder / "zdjecie.png").symlink_to("/etc/passwd")
    acts = load_registry(project.legal_file)
    m = Materials(acts, [], load_all(project.modules, acts, project.docs))
    copies = plan(project, m.modules, m.acts, m.terms, "09:00").copies
    assert "moduly/m01-pierwszy/mapa.png" in copies and "moduly/m01-pierwszy/zdjecie.png" not in copies


# --- edition values -------------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, code, line", [
    ('primary: "#1b4f8a"', 'primary: "rgb(0,0,0,1,</style><script>alert(1)</script>)"', "E003", 7),
    ('primary: "#1b4f8a"', 'primary: "#1b4f8a; background: url(x)"', "E003", 7),
    ("email: dostepnosc@gmina-testowa.pl", "email: 'a@example.org\" onmouseover=\"alert(1)'", "E014", 19),
    ("publisher: Gmina Testowa", "publisher: 'Gmina <script>alert(1)</script>'", "E011", 3),
    ("site_address: https://edukacja.gmina-testowa.pl/", "site_address: 'javascript:alert(1)'", "E012", 4),
    ("site_address: https://edukacja.gmina-testowa.pl/", "site_address: http://gmina.example.pl/", "E012", 4),
    ("repository: https://example.org/gmina/zestaw", "repository: 'https://example.org/\" onclick=\"x'", "E012", 5),
    ("phone: \"+48 22 100 00 00\"", "phone: \"<b>1</b>\"", "E015", 20),
])
def test_edition_values_validated_by_type(tmp_path, old, new, code, line):
    assert old in EDITION
    path = tmp_path / "wydanie.yml"
    path.write_text(EDITION.replace(old, new), "utf-8")
    with pytest.raises(KitError) as err:
        load_edition(path=path)
    assert (code, line) in [(p.code, p.line) for p in err.value.problems], err.value.report()


def test_named_css_colour_is_accepted(tmp_path):
    path = tmp_path / "wydanie.yml"
    path.write_text(EDITION.replace('primary: "#1b4f8a"', "primary: navy"), "utf-8")
    assert load_edition(path=path).data["colors"]["primary"] == "navy"


def test_edition_fields_are_escaped_where_they_land():
    text = '<a href="mailto:{{ edition.email }}">{{ edition.email }}</a>'
    out = fill_fields(text, {"email": 'a@b.pl" onclick="alert(1)'})
    assert out == '<a href="mailto:a@b.pl&quot; onclick=&quot;alert(1)">a@b.pl&quot; onclick=&quot;alert(1)</a>'


# --- values from data files in generated Markdown -------------------------------------------------

def rendered(markdown: str) -> str:
    import markdown as md
    return md.markdown(markdown, extensions=["attr_list", "md_in_html", "admonition", "tables", "def_list"])


def test_glossary_expansion_and_legal_verify_are_text():
    from kit.model.glossary import Term
    from kit.model.legal import Act
    from kit.site.pages import glossary_page, legal_page
    term = Term("JST", "Gmina.", expansion='<img src=x onerror="alert(1)">')
    act = Act("a", "Ustawa", "Ustawa", "Act", "ustawa", verify="<script>alert(2)</script>{ onclick=x }")
    html = rendered(glossary_page([term], "pl").split("---", 2)[2]) + rendered(legal_page({"a": act}, {}, "pl")
                                                                                 .split("---", 2)[2])
    doc = lhtml.fromstring(f"<div>{html}</div>")
    assert not doc.xpath("//img | //script | //*[@onclick] | //*[@onerror]")
    assert '<img src=x onerror="alert(1)">' in doc.text_content()


def test_module_summary_and_handout_title_are_text(tmp_path):
    from kit.model.legal import load_registry
    from kit.model.modules import load_all
    from kit.site.views import participant_page
    text = module_text().replace('summary: "Krótki opis modułu testowego."',
                                 "summary: '<svg onload=alert(1)>opis'")
    root = write_project(tmp_path, {"m01-pierwszy": text})
    karty = root / "materials" / "modules" / "m01-pierwszy" / "karty"
    karty.mkdir()
    (karty / "karta.md").write_text('---\ntitle: "<script>alert(2)</script>Karta"\n---\n\n# Karta\n', "utf-8")
    acts = load_registry(root / "materials" / "legal.yml")
    [m] = load_all(root / "materials" / "modules", acts, root / "docs")
    page = participant_page(m, {m.id: m}, "pl", root)
    doc = lhtml.fromstring(f"<div>{rendered(page.split('---', 2)[2])}</div>")
    assert not doc.xpath("//svg | //script")
    assert "<svg onload=alert(1)>opis" in doc.text_content() and "<script>alert(2)</script>Karta" in doc.text_content()


def test_front_matter_values_are_escaped_for_the_theme():
    meta = {"title": '</title><script>alert(1)</script>', "status": 'x" onmouseover="y', "hide": ["toc"]}
    sanitize.escape_meta(meta)
    assert meta["title"] == "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    assert '"' not in meta["status"] and meta["hide"] == ["toc"]


# --- the sanitizer and the policy -----------------------------------------------------------------

HOSTILE_HTML = """<p>WIDOCZNY</p><svg onload="alert(1)"><circle/></svg><img src="a.png" alt="a" onerror="alert(2)">
<a href="javascript:alert(3)">j</a><a href="data:text/html,x">d</a><style>p{display:none}</style>
<form action="https://example.net/"><input type="text" name="q"><button>OK</button></form>
<iframe src="https://example.net/"></iframe><object data="x.swf"></object><!-- TAJNY KOMENTARZ -->
<p style="display:none" onmouseover="alert(4)" data-x="y">ukryty</p><script>alert(5)</script>
<img src="https://example.net/piksel.png" alt="p"><img src="//example.net/p.png" alt="q">"""


def test_sanitizer_removes_every_hostile_construct():
    out = sanitize.clean(HOSTILE_HTML)
    doc = lhtml.fromstring(f"<div>{out}</div>")
    assert not doc.xpath("//svg | //script | //style | //form | //iframe | //object | //button")
    assert not doc.xpath("//@*[starts-with(name(), 'on')] | //@style | //input[@type='text'] | //@data-x")
    assert [i.get("src") for i in doc.iter("img")] == ["a.png", None, None]
    assert [a.get("href") for a in doc.iter("a")] == [None, None]
    assert "TAJNY" not in out and "alert" not in out and "WIDOCZNY" in out


LEGIT_HTML = """<div class="admonition note"><p class="admonition-title">Uwaga</p><p>Tekst <abbr title="jednostka">JST</abbr></p></div>
<details class="pytanie" open><summary>Pytanie</summary><p><strong>Odpowiedź:</strong> tak.</p></details>
<div class="tabbed-set tabbed-alternate" data-tabs="1:2"><input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio"><div class="tabbed-labels"><label for="__tabbed_1_1">A</label></div></div>
<table><caption>Agenda</caption><thead><tr><th scope="col" style="text-align: right;">Nr</th></tr></thead><tbody><tr><td style="text-align: right;">1</td></tr></tbody></table>
<ul class="task-list"><li class="task-list-item"><input type="checkbox" disabled> zadanie</li></ul>
<p id="x" lang="en" aria-label="opis"><time datetime="2026-01-01">1 stycznia</time> <ins>nowe</ins> <del>stare</del>
<a class="kit-akt" href="../zasoby/podstawy-prawne/#akt-rodo">RODO</a> <a href="https://isap.sejm.gov.pl/">ISAP</a>
<a href="mailto:a@example.org">e-mail</a><span class="kit-print-url"> (x)</span><sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup></p>
<div class="kit-quiz" role="group" data-kit-quiz="m01:6aefdd2b" data-kit-answer="1" aria-labelledby="q1"><p id="q1">Pytanie</p></div>
<p><a data-kit-module="m01" data-kit-audience="skarbnik dyrektor" href="m01/">M01</a></p><div class="kit-done" data-kit-done="m01" hidden></div>
<dl><dt>Czas</dt><dd>90 min</dd></dl><img src="mapa.png" alt="Mapa" width="10"><img src="data:image/png;base64,iVBORw0KGgo=" alt="kropka">"""


def test_sanitizer_keeps_the_kits_real_markup():
    def canon(fragment):
        doc = lhtml.fromstring(f"<div>{fragment}</div>")
        return [(el.tag, sorted((k, v or k) for k, v in el.attrib.items()), (el.text or "").strip(),
                 (el.tail or "").strip()) for el in doc.iter()]  # disabled="" is disabled
    assert canon(sanitize.clean(LEGIT_HTML)) == canon(LEGIT_HTML)


def test_policy_hashes_theme_scripts_but_never_content_scripts():
    content = "<p>x</p><script>alert(1)</script>"
    page = ('<head><meta http-equiv="Content-Security-Policy" content="kit-csp-script-hashes">'
            '<script>var theme=1</script><script id="__config" type="application/json">{}</script></head>'
            f"<body><article>{content}</article><script src=\"a.js\"></script></body>")
    out = csp.apply(page, content)
    policy = out.split('content="', 1)[1].split('"', 1)[0]
    assert "script-src 'self' 'sha256-" in policy and policy.count("sha256-") == 1
    assert csp.inline_script_hashes("<script>var theme=1</script>")[0] in policy
    assert "unsafe-inline" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "object-src 'none'" in policy and "form-action 'self'" in policy


def test_policy_meta_is_on_every_built_page_of_fixture(fixture_site):
    site, _ = fixture_site
    pages = [p for p in site.rglob("*.html")]
    assert pages and all('http-equiv="Content-Security-Policy"' in p.read_text("utf-8") for p in pages)
    assert not any("kit-csp-script-hashes" in p.read_text("utf-8") for p in pages)


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    from test_hostile_pages import build_fixture
    root = tmp_path_factory.mktemp("zestaw")
    return build_fixture(root)


def test_no_symlinks_in_repository():
    from conftest import ROOT
    from kit.checks.safety import symlink_problems
    assert symlink_problems(ROOT) == []
    assert not os.path.islink(ROOT / "mkdocs.yml")
