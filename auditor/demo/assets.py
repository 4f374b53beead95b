"""Binary and SVG assets of the demo shop, generated in code (no files on disk)."""

from __future__ import annotations

import functools
import math
import random
import struct
import zlib
from html import escape


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png(
    width: int,
    height: int,
    raw: bytes,
    *,
    color_type: int = 2,
    palette: bytes = b"",
    level: int = 9,
) -> bytes:
    """Encode raw scanlines (each prefixed with its filter byte) as a PNG."""
    out = b"\x89PNG\r\n\x1a\n"
    out += _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, color_type, 0, 0, 0))
    if palette:
        out += _chunk(b"PLTE", palette)
    out += _chunk(b"IDAT", zlib.compress(raw, level))
    out += _chunk(b"IEND", b"")
    return out


@functools.cache
def hero_png() -> bytes:
    """A 1200x480 palette PNG: sky gradient over a mountain ridge (a few KB)."""
    width, height = 1200, 480
    sky_top, sky_bottom = (39, 84, 138), (247, 196, 140)
    palette = bytearray()
    bands = 120
    for i in range(bands):
        t = i / (bands - 1)
        palette += bytes(round(a + (b - a) * t) for a, b in zip(sky_top, sky_bottom, strict=True))
    rock_idx = bands
    snow_idx = bands + 1
    palette += bytes((38, 52, 61)) + bytes((236, 240, 244))
    # Ridge height per column, stored halved so it fits in a byte.
    ridge = bytearray()
    for x in range(width):
        y = (
            300
            - 110 * math.sin(x / 190.0)
            - 45 * math.sin(x / 57.0 + 1.3)
            - 18 * math.sin(x / 19.0 + 0.4)
        )
        ridge.append(max(0, min(255, int(y / 2))))
    ridge_b = bytes(ridge)
    rows = []
    for y in range(height):
        sky = y * bands // height
        table = bytes(
            (sky if y < 2 * v else snow_idx if y < 2 * v + 14 and v < 115 else rock_idx)
            for v in range(256)
        )
        rows.append(b"\x00" + ridge_b.translate(table))
    return png(width, height, b"".join(rows), color_type=3, palette=bytes(palette))


@functools.cache
def heavy_png() -> bytes:
    """About 3 MB of incompressible pixels (1024x1000 RGB noise, stored uncompressed)."""
    width, height = 1024, 1000
    rnd = random.Random(20240601)
    row_len = width * 3
    rows = [b"\x00" + rnd.randbytes(row_len) for _ in range(height)]
    return png(width, height, b"".join(rows), level=0)


@functools.cache
def favicon_png() -> bytes:
    raw = b"".join(b"\x00" + bytes((23, 55, 42)) * 16 for _ in range(16))
    return png(16, 16, raw)


FAVICON_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
    '<rect width="32" height="32" rx="6" fill="#17372a"/>'
    '<path d="M4 24 L12 10 L17 18 L21 13 L28 24 Z" fill="#f2c14e"/></svg>'
)

_SHAPES = {
    "jackets": '<path d="M110 60 L140 50 L160 50 L190 60 L215 110 L195 120 L185 100 L185 190 '
    'L115 190 L115 100 L105 120 L85 110 Z" fill="{fg}"/>',
    "shoes": '<path d="M70 150 L90 100 L130 105 L150 130 L220 145 Q235 150 230 170 L75 170 Z" '
    'fill="{fg}"/><rect x="72" y="168" width="160" height="10" fill="#333"/>',
    "backpacks": '<rect x="110" y="60" width="80" height="120" rx="22" fill="{fg}"/>'
    '<rect x="125" y="115" width="50" height="40" rx="6" fill="#ffffff" opacity=".35"/>',
    "tents": '<path d="M60 180 L150 70 L240 180 Z" fill="{fg}"/>'
    '<path d="M135 180 L150 120 L165 180 Z" fill="#222"/>',
    "sale": '<circle cx="150" cy="120" r="55" fill="{fg}"/>'
    '<rect x="140" y="50" width="20" height="30" fill="#444"/>',
}


def product_svg(name: str, category_slug: str, hue: int) -> str:
    bg = f"hsl({hue},45%,88%)"
    fg = f"hsl({hue},55%,32%)"
    shape = _SHAPES.get(category_slug, _SHAPES["sale"]).replace("{fg}", fg)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="225" viewBox="0 0 300 225">'
        f"<title>{escape(name)}</title>"
        f'<rect width="300" height="225" fill="{bg}"/>{shape}</svg>'
    )


def banner_svg(title: str, hue: int, width: int = 1100, height: int = 160) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title>{escape(title)}</title>'
        f'<rect width="{width}" height="{height}" fill="hsl({hue},40%,30%)"/>'
        f'<path d="M0 {height} L{width * 0.2:.0f} {height * 0.35:.0f} L{width * 0.4:.0f} '
        f'{height * 0.8:.0f} L{width * 0.6:.0f} {height * 0.2:.0f} L{width} {height} Z" '
        f'fill="hsl({hue},35%,45%)"/></svg>'
    )


def team_svg() -> str:
    people = "".join(
        f'<circle cx="{90 + i * 115}" cy="150" r="34" fill="hsl({i * 60},40%,40%)"/>'
        f'<rect x="{55 + i * 115}" y="190" width="70" height="110" rx="20" '
        f'fill="hsl({i * 60},40%,40%)"/>'
        for i in range(5)
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">'
        "<title>The Nordwind team</title>"
        f'<rect width="640" height="360" fill="#dfe9e3"/>{people}</svg>'
    )


@functools.cache
def size_guide_pdf() -> bytes:
    """A minimal, valid one-page PDF."""
    text = (
        "BT /F1 22 Tf 60 780 Td (Nordwind Outfitters - Size guide) Tj ET\n"
        "BT /F1 12 Tf 60 750 Td (Chest in cm: S 88-94, M 95-101, L 102-108, XL 109-115) Tj ET\n"
        "BT /F1 12 Tf 60 730 Td (Foot length in cm: EU 40 = 25.5, EU 44 = 28.1) Tj ET\n"
    ).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(text)).encode() + b" >>\nstream\n" + text + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    out += b"0000000000 65535 f \n"
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
