"""Pictures and documents for the demo, generated on the spot.

Images are calm abstract compositions made with Pillow; documents are small PDF
files with real (selectable, searchable) text, written by hand so that they need
no extra library and show German umlauts correctly. Both are stored in the root
collection and found again by title, so a second run creates nothing new.
"""

import random
import zlib
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFilter
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

IMAGE_SIZE = (1200, 800)


def hex_to_rgb(value):
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def mix(first, second, amount):
    """A colour `amount` (0..1) of the way from `first` to `second`."""
    return tuple(
        round(a + (b - a) * amount) for a, b in zip(first, second, strict=True)
    )


def compose_image(dark, light, seed, size=IMAGE_SIZE):
    """An abstract picture: a soft diagonal gradient with translucent circles,
    rings and bands in two shades of one colour. The same seed gives the same
    picture, so the demo looks the same on every machine."""
    rng = random.Random(zlib.crc32(seed.encode("utf-8")))
    dark, light = hex_to_rgb(dark), hex_to_rgb(light)
    paper = mix(light, (255, 255, 255), 0.55)
    width, height = size

    # Diagonal gradient: a vertical and a horizontal ramp mixed half and half.
    vertical = PILImage.linear_gradient("L")
    horizontal = vertical.transpose(PILImage.Transpose.ROTATE_90)
    if rng.random() < 0.5:
        horizontal = horizontal.transpose(PILImage.Transpose.FLIP_LEFT_RIGHT)
    ramp = PILImage.blend(vertical, horizontal, 0.5).resize(
        size, PILImage.Resampling.BICUBIC
    )
    canvas = PILImage.composite(
        PILImage.new("RGB", size, mix(dark, light, 0.35)),
        PILImage.new("RGB", size, paper),
        ramp,
    ).convert("RGBA")

    layer = PILImage.new("RGBA", size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    for _ in range(rng.randint(4, 6)):
        radius = rng.randint(height // 8, height // 2)
        x, y = rng.randint(0, width), rng.randint(0, height)
        colour = mix(dark, light, rng.random())
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            fill=(*colour, rng.randint(60, 120)),
        )
    for _ in range(rng.randint(2, 3)):
        radius = rng.randint(height // 6, height // 3)
        x, y = rng.randint(width // 6, width), rng.randint(0, height)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            outline=(255, 255, 255, 150),
            width=rng.randint(4, 10),
        )
    band_y = rng.randint(height // 2, height - height // 6)
    draw.rounded_rectangle(
        (-40, band_y, width + 40, band_y + rng.randint(24, 60)),
        radius=30,
        fill=(*dark, 110),
    )
    layer = layer.filter(ImageFilter.GaussianBlur(2))
    canvas = PILImage.alpha_composite(canvas, layer)

    # A few sharp dots on top, like stops on a route.
    dots = ImageDraw.Draw(canvas)
    x = rng.randint(width // 10, width // 4)
    for _ in range(rng.randint(4, 7)):
        r = rng.randint(8, 16)
        dots.ellipse(
            (x - r, band_y - 30 - r, x + r, band_y - 30 + r), fill=(*dark, 255)
        )
        x += rng.randint(90, 160)
    return canvas.convert("RGB")


# Advance widths of Helvetica (in 1/1000 em) for line breaking; others count 556.
_NARROW = dict.fromkeys(" .,:;!/fIt", 278)
_NARROW.update(dict.fromkeys("\u201e\u201c\u201d", 333))
_NARROW.update(dict.fromkeys("ijl'|", 222))
_WIDE = {
    "m": 833,
    "w": 722,
    "M": 833,
    "W": 944,
    "r": 333,
    "-": 333,
    "(": 333,
    ")": 333,
    "c": 500,
    "k": 500,
    "s": 500,
    "v": 500,
    "x": 500,
    "y": 500,
    "z": 500,
    "\u2013": 556,
}
for _char in "ACDGHNOQRUVXY\u00c4\u00d6\u00dc":
    _WIDE[_char] = 778 if _char in "GOQ\u00d6" else 722


def text_width(text, size, bold=False):
    units = sum(_NARROW.get(c, _WIDE.get(c, 556)) for c in text)
    return units * size / 1000 * (1.08 if bold else 1.0)


def wrap(text, size, max_width, bold=False):
    """Break text into lines that fit max_width points."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and text_width(candidate, size, bold) > max_width * 0.97:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines or [""]


def _pdf_string(text):
    raw = text.encode("cp1252", errors="replace")
    raw = raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + raw + b")"


def _pdf_text_string(text):
    """A string for the document information: UTF-16 with byte order mark."""
    return b"<" + ("\ufeff" + text).encode("utf-16-be").hex().upper().encode() + b">"


def build_pdf(title, subtitle, sections, footer, date, author, colour="#1d5c8f"):
    """A small A4 PDF with real text in Helvetica.

    sections: a list of (heading, paragraphs, bullets). The file is not tagged,
    which the accessibility statement of the demo mentions; the same content is
    on the web page as HTML.
    """
    page_w, page_h, margin = 595, 842, 62
    usable = page_w - 2 * margin
    r, g, b = (c / 255 for c in hex_to_rgb(colour))

    # (font, size, text, indent, gap_before, coloured)
    lines = []
    for i, line in enumerate(wrap(title, 20, usable, bold=True)):
        lines.append(("F2", 20, line, 0, 0 if i == 0 else 4, True))
    for line in wrap(subtitle, 11, usable):
        lines.append(("F1", 11, line, 0, 8, False))
    for heading, paragraphs, bullets in sections:
        for i, line in enumerate(wrap(heading, 13, usable, bold=True)):
            lines.append(("F2", 13, line, 0, 20 if i == 0 else 3, True))
        for paragraph in paragraphs:
            for i, line in enumerate(wrap(paragraph, 10.5, usable)):
                lines.append(("F1", 10.5, line, 0, 8 if i == 0 else 3.5, False))
        for bullet in bullets:
            for i, line in enumerate(wrap(bullet, 10.5, usable - 16)):
                text = f"\u2022  {line}" if i == 0 else line
                lines.append(
                    (
                        "F1",
                        10.5,
                        text,
                        0 if i == 0 else 12.5,
                        6 if i == 0 else 3.5,
                        False,
                    )
                )

    pages, current, y = [], [], page_h - margin
    for font, size, text, indent, gap, coloured in lines:
        y -= gap + size
        if y < margin + 30:
            pages.append(current)
            current, y = [], page_h - margin - size
        current.append((font, size, text, margin + indent, y, coloured))
    pages.append(current)

    streams = []
    for number, page in enumerate(pages, start=1):
        ops = []
        for font, size, text, x, y, coloured in page:
            fill = f"{r:.3f} {g:.3f} {b:.3f} rg" if coloured else "0.1 0.1 0.1 rg"
            ops.append(
                f"BT {fill} /{font} {size} Tf 1 0 0 1 {x:.1f} {y:.1f} Tm ".encode()
                + _pdf_string(text)
                + b" Tj ET"
            )
        foot = f"{footer} \u2013 Seite {number} von {len(pages)}"
        ops.append(
            f"BT 0.35 0.35 0.35 rg /F1 8 Tf 1 0 0 1 {margin} {margin - 28} Tm ".encode()
            + _pdf_string(foot)
            + b" Tj ET"
        )
        streams.append(b"\n".join(ops))

    stamp = f"D:{date:%Y%m%d}120000+01'00'"
    info = (
        b"<< /Title "
        + _pdf_text_string(title)
        + b" /Author "
        + _pdf_text_string(author)
        + b" /Producer (Stadtdialog demo) /CreationDate "
        + _pdf_string(stamp)
        + b" >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang (de-DE) "
        b"/ViewerPreferences << /DisplayDocTitle true >> >>",
        None,  # the page tree, filled in below
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
        b"/Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
        b"/Encoding /WinAnsiEncoding >>",
        info,
    ]
    kids = []
    for stream in streams:
        content_no = len(objects) + 1
        objects.append(
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        )
        kids.append(len(objects) + 1)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> "
            b"/Contents %d 0 R >>" % (page_w, page_h, content_no)
        )
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )

    out = BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R /Info 5 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return out.getvalue()


class MediaLibrary:
    """Finds demo images and documents by title, creating the missing ones."""

    def __init__(self):
        self.image_model = get_image_model()
        self.document_model = get_document_model()
        self._collection = None
        self.created = 0

    @property
    def collection(self):
        if self._collection is None:
            self._collection = Collection.get_first_root_node()
        return self._collection

    def image(self, title, filename, dark, light, description=""):
        existing = self.image_model.objects.filter(title=title).first()
        if existing is not None:
            return existing
        buffer = BytesIO()
        compose_image(dark, light, seed=title).save(
            buffer, "JPEG", quality=85, optimize=True
        )
        buffer.seek(0)
        image = self.image_model(
            title=title,
            description=description,
            collection=self.collection,
            file=ImageFile(buffer, name=filename),
        )
        image._set_image_file_metadata()
        image.save()
        self.created += 1
        return image

    def document(self, title, filename, make_pdf):
        """make_pdf: a callable returning the bytes, only called if needed."""
        existing = self.document_model.objects.filter(title=title).first()
        if existing is not None:
            return existing
        document = self.document_model(
            title=title,
            collection=self.collection,
            file=ContentFile(make_pdf(), name=filename),
        )
        document._set_document_file_metadata()
        document.save()
        self.created += 1
        return document
