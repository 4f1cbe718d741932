"""WCAG 2.1 relative luminance and contrast ratio, for CSS colours with transparency."""
from __future__ import annotations

import colorsys
import re

RGBA = tuple[float, float, float, float]


def parse_color(color: str) -> RGBA:
    """#rgb, #rrggbb, #rrggbbaa, rgb(a)() and hsl(a)() into (r, g, b, alpha) with channels 0–255."""
    c = color.strip().lower()
    if c.startswith("#"):
        h = c[1:]
        if len(h) in (3, 4):
            h = "".join(ch * 2 for ch in h)
        if len(h) not in (6, 8) or not re.fullmatch(r"[0-9a-f]+", h):
            raise ValueError(f"„{color}” nie jest kolorem w zapisie #RRGGBB")
        a = int(h[6:8], 16) / 255 if len(h) == 8 else 1.0
        return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16), a
    m = re.fullmatch(r"(rgba?|hsla?)\(([^)]*)\)", c)
    if not m:
        raise ValueError(f"„{color}” nie jest kolorem w zapisie #RRGGBB")
    parts = [p.strip() for p in re.split(r"[,\s/]+", m[2]) if p.strip()]
    alpha = float(parts[3].rstrip("%")) / (100 if parts[3].endswith("%") else 1) if len(parts) > 3 else 1.0
    if m[1].startswith("rgb"):
        return float(parts[0]), float(parts[1]), float(parts[2]), alpha
    hue = float(parts[0].replace("deg", "")) / 360
    sat, light = float(parts[1].rstrip("%")) / 100, float(parts[2].rstrip("%")) / 100
    r, g, b = colorsys.hls_to_rgb(hue, light, sat)
    return r * 255, g * 255, b * 255, alpha


def parse_hex(color: str) -> tuple[int, int, int]:
    r, g, b, _ = parse_color(color)
    return int(r), int(g), int(b)


def blend(fg: str, bg: str) -> str:
    """The opaque colour seen when fg (possibly translucent) lies over an opaque bg."""
    fr, fg_, fb, a = parse_color(fg)
    br, bg_, bb, _ = parse_color(bg)
    mix = [round(f * a + b * (1 - a)) for f, b in ((fr, br), (fg_, bg_), (fb, bb))]
    return "#" + "".join(f"{v:02x}" for v in mix)


def luminance(color: str) -> float:
    def channel(v: float) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4
    r, g, b, _ = parse_color(color)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def ratio(fg: str, bg: str) -> float:
    """Contrast of fg over bg; a translucent fg is first blended onto bg."""
    a, b = sorted((luminance(blend(fg, bg)), luminance(blend(bg, "#ffffff"))), reverse=True)
    return (a + 0.05) / (b + 0.05)
