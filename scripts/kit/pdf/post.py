"""PDF post-processing with pikepdf: what WeasyPrint's PDF/UA output leaves out."""
from __future__ import annotations

import re
from pathlib import Path

import pikepdf


def _walk(node, seen=None):
    seen = seen if seen is not None else set()
    if isinstance(node, pikepdf.Array):
        for item in node:
            yield from _walk(item, seen)
        return
    if not isinstance(node, pikepdf.Dictionary):
        return
    key = node.objgen if node.is_indirect else None
    if key and key in seen:
        return
    if key:
        seen.add(key)
    if node.get("/S") is not None:
        yield node
    kids = node.get("/K")
    if kids is not None:
        yield from _walk(kids, seen)


def struct_elements(pdf: pikepdf.Pdf):
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return
    yield from _walk(root.get("/K"))


def finish(path: Path, links: list[tuple[str, str]]) -> int:
    """Every step below on WeasyPrint's file, opened and saved once; returns the page count."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        changed = (add_table_scope(pdf) + mark_margin_artifacts(pdf) + describe_links(pdf, links)
                   + nest_link_annotations(pdf) + wrap_list_bodies(pdf))
        if changed:
            pdf.save(path, deterministic_id=True)  # no random /ID: rebuilds are identical
        return len(pdf.pages)


def add_table_scope(pdf: pikepdf.Pdf) -> int:
    """Give every table header cell /Scope /Column (PDF/UA 7.5); returns how many were set."""
    n = 0
    for el in struct_elements(pdf):
        if el.get("/S") == "/TH":
            attrs = el.get("/A")
            if attrs is None or "/Scope" not in (attrs if isinstance(attrs, pikepdf.Dictionary) else {}):
                el["/A"] = pikepdf.Dictionary(O=pikepdf.Name("/Table"), Scope=pikepdf.Name("/Column"))
                n += 1
    return n


def _reachable_mcids(pdf: pikepdf.Pdf) -> set[tuple]:
    """(page object id, MCID) of every marked-content sequence linked into the structure tree."""
    out: set[tuple] = set()
    seen: set = set()

    def walk(node, page):
        if isinstance(node, int):
            if page is not None:
                out.add((page, int(node)))
            return
        if isinstance(node, pikepdf.Array):
            for item in node:
                walk(item, page)
            return
        if not isinstance(node, pikepdf.Dictionary):
            return
        if node.is_indirect:
            if node.objgen in seen:
                return
            seen.add(node.objgen)
        pg = node.get("/Pg")
        page = pg.objgen if pg is not None else page
        if node.get("/Type") == "/MCR":
            out.add((page, int(node.MCID)))
            return
        kids = node.get("/K")
        if kids is not None:
            walk(kids, page)

    root = pdf.Root.get("/StructTreeRoot")
    if root is not None:
        walk(root.get("/K"), None)
    return out


_MARKED = re.compile(rb"/(\w+)\s*<<\s*/MCID (\d+)\s*>>\s*BDC")


def mark_margin_artifacts(pdf: pikepdf.Pdf) -> int:
    """WeasyPrint tags the running header and footer (margin boxes) as /Span content that no
    structure element holds; PDF/UA wants them as pagination artifacts. Returns how many."""
    reachable = _reachable_mcids(pdf)
    nums = pdf.Root.StructTreeRoot.get("/ParentTree", pikepdf.Dictionary()).get("/Nums", pikepdf.Array())
    parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
    changed = 0
    for page in pdf.pages:
        contents = page.obj.Contents
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        orphan_ids: list[int] = []
        for stream in streams:
            data = stream.read_bytes()

            def repl(m):
                mcid = int(m[2])
                if (page.obj.objgen, mcid) in reachable:
                    return m[0]
                orphan_ids.append(mcid)
                return b"/Artifact <</Type /Pagination>> BDC"

            new = _MARKED.sub(repl, data)
            if new != data:
                stream.write(new)
        key = page.obj.get("/StructParents")
        if orphan_ids and key is not None and int(key) in parents:
            arr = parents[int(key)]
            for mcid in orphan_ids:
                if mcid < len(arr):
                    arr[mcid] = pikepdf.Object.parse(b"null")
        changed += len(orphan_ids)
    return changed


def artifact_count(pdf: pikepdf.Pdf, page_index: int) -> int:
    page = pdf.pages[page_index]
    contents = page.obj.Contents
    streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    return sum(s.read_bytes().count(b"/Artifact") for s in streams)


def describe_links(pdf: pikepdf.Pdf, links: list[tuple[str, str]]) -> int:
    """Give each link annotation the link's own text as /Contents (WeasyPrint writes the target
    address there). `links` lists (target, text) in document order; annotations come in the
    same order, several for a link that wraps, so both lists are walked together."""
    from urllib.parse import unquote

    def norm(target: str) -> str:
        return unquote(target.removeprefix("#"))

    i, changed = 0, 0
    for page in pdf.pages:
        for annot in page.get("/Annots") or []:
            if annot.get("/Subtype") != "/Link" or "/Contents" not in annot:
                continue
            target = norm(str(annot.Contents))
            for j in range(i, min(i + 50, len(links))):  # skip links that made no annotation
                if norm(links[j][0]) == target:
                    if links[j][1]:
                        annot.Contents = pikepdf.String(links[j][1])
                        changed += 1
                    i = j  # stay: the next annotation may be the same link's next line
                    break
    return changed


def _kids(el) -> list:
    k = el.get("/K")
    return list(k) if isinstance(k, pikepdf.Array) else ([] if k is None else [k])


def nest_link_annotations(pdf: pikepdf.Pdf) -> int:
    """A link with inline children (<a><abbr>…</abbr></a>, or one that wraps) gets its annotation
    hung under a NonStruct inside the Link; PDF/UA (Matterhorn 28-011) wants the object reference
    directly in the Link element. Moves each such reference up to its Link; returns how many."""
    nums = pdf.Root.StructTreeRoot.get("/ParentTree", pikepdf.Dictionary()).get("/Nums", pikepdf.Array())
    slot = {int(nums[i]): i + 1 for i in range(0, len(nums), 2)}
    moved = 0
    for page in pdf.pages:
        for annot in page.get("/Annots") or []:
            if annot.get("/Subtype") != "/Link" or annot.get("/StructParent") is None:
                continue
            i = slot.get(int(annot.StructParent))
            holder = nums[i] if i is not None else None
            if holder is None or holder.get("/S") == "/Link":
                continue
            link = holder.get("/P")
            while link is not None and link.get("/S") not in ("/Link", None):
                link = link.get("/P")
            if link is None or link.get("/S") != "/Link":
                continue
            keep, refs = [], []
            for k in _kids(holder):
                is_ref = isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/OBJR" and \
                    k.get("/Obj") is not None and k.Obj.objgen == annot.objgen
                (refs if is_ref else keep).append(k)
            holder.K = pikepdf.Array(keep)
            if not keep and holder.is_indirect:  # an empty NonStruct leaves the tree
                parent = holder.P
                parent.K = pikepdf.Array([k for k in _kids(parent) if not (
                    isinstance(k, pikepdf.Dictionary) and k.is_indirect and k.objgen == holder.objgen)])
            link.K = pikepdf.Array(_kids(link) + refs)
            nums[i] = link
            moved += 1
    return moved


def wrap_list_bodies(pdf: pikepdf.Pdf) -> int:
    """A list item made of paragraphs (<li><p>…</p></li>) becomes LI > Lbl + P; PDF/UA wants the
    content of an LI inside LBody. Wraps such children in an LBody; returns how many items."""
    changed = 0
    for li in [e for e in struct_elements(pdf) if e.get("/S") == "/LI"]:
        kids = _kids(li)
        loose = [k for k in kids if isinstance(k, pikepdf.Dictionary) and k.get("/S") is not None
                 and k.get("/S") not in ("/Lbl", "/LBody")]
        if not loose or any(not isinstance(k, pikepdf.Dictionary) for k in kids):
            continue  # marked content directly in the LI would need the parent tree changed too
        body = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name("/StructElem"), S=pikepdf.Name("/LBody"),
                                                    P=li, K=pikepdf.Array(loose)))
        if li.get("/Pg") is not None:
            body.Pg = li.Pg
        for k in loose:
            k.P = body
        li.K = pikepdf.Array([k for k in kids if k.get("/S") == "/Lbl"] + [body])
        changed += 1
    return changed


def _first_content_page(el, page=None):
    """The page of the first marked content under a structure element (its own /Pg or an MCR's)."""
    pg = el.get("/Pg") if isinstance(el, pikepdf.Dictionary) else None
    page = pg.objgen if pg is not None else page
    for k in _kids(el) if isinstance(el, pikepdf.Dictionary) else []:
        if isinstance(k, int) or (isinstance(k, pikepdf.Object) and k._type_code == pikepdf.ObjectType.integer):
            return page
        if isinstance(k, pikepdf.Dictionary):
            if k.get("/Type") == "/MCR":
                return k.Pg.objgen if k.get("/Pg") is not None else page
            found = _first_content_page(k, page)
            if found is not None:
                return found
    return None


def caption_pages(pdf: pikepdf.Pdf) -> list[tuple[int, int]]:
    """(page of the caption's text, page of the table's first row) for every captioned table; -1
    when the Table element holds the caption but no rows (the table went on to the next page)."""
    index = {p.objgen: n for n, p in enumerate(pdf.pages)}
    out = []
    for table in (e for e in struct_elements(pdf) if e.get("/S") == "/Table"):
        kids = [k for k in _kids(table) if isinstance(k, pikepdf.Dictionary)]
        caption = next((k for k in kids if k.get("/S") == "/Caption"), None)
        rows = [k for k in kids if k.get("/S") in ("/THead", "/TBody", "/TR")]
        if caption is None:
            continue  # a table split across pages continues in a Table element of its own, with no caption
        first_row = index.get(_first_content_page(rows[0]), -1) if rows else -1
        out.append((index.get(_first_content_page(caption), -1), first_row))
    return out
