"""The editable PPTX (python-pptx): real titles in title placeholders, bullets in the body
placeholder (reading order: title first), document and text language set, no pictures of text."""
from __future__ import annotations

import io
import zipfile
from pathlib import Path

from kit.slides.deck import Deck

LANG_IDS = {"pl": "POLISH", "en": "ENGLISH_UK"}


def write_pptx(deck: Deck, out: Path, author: str) -> int:
    """Write the deck; returns the number of slides."""
    from pptx import Presentation
    from pptx.enum.lang import MSO_LANGUAGE_ID

    lang_id = getattr(MSO_LANGUAGE_ID, LANG_IDS[deck.lang])
    prs = Presentation()
    title_layout, content_layout = prs.slide_layouts[0], prs.slide_layouts[1]

    def set_text(frame, lines):
        frame.text = lines[0] if lines else ""
        for line in lines[1:]:
            frame.add_paragraph().text = line
        for p in frame.paragraphs:
            for r in p.runs:
                r.font.language_id = lang_id

    for i, s in enumerate(deck.slides):
        slide = prs.slides.add_slide(title_layout if i == 0 else content_layout)
        set_text(slide.shapes.title.text_frame, [s.title])
        body = slide.placeholders[1].text_frame
        set_text(body, [s.meta] if i == 0 else s.lines + ([s.meta] if s.meta else []))
        if s.notes:
            set_text(slide.notes_slide.notes_text_frame, [s.notes])
    props = prs.core_properties
    props.title, props.author, props.language = deck.title, author, deck.lang
    props.subject = deck.subtitle
    out.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    prs.save(buffer)
    out.write_bytes(with_fixed_dates(buffer.getvalue()))
    return len(prs.slides)


def with_fixed_dates(data: bytes) -> bytes:
    """python-pptx stamps each ZIP member with the current time; a rebuild of one commit must give
    the same file, so the members get the commit's date (SOURCE_DATE_EPOCH), in the same order."""
    from kit.pdf.pack import _zip_time
    stamp, out = _zip_time(), io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, stamp), src.read(info), zipfile.ZIP_DEFLATED)
    return out.getvalue()
