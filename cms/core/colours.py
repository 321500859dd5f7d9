"""Colour arithmetic from WCAG 2.1, used to keep a town's brand colour readable."""

import re

HEX_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}){1,2}$")
WHITE = "#ffffff"
MIN_TEXT_CONTRAST = 4.5


def parse_hex(value):
    """Return the (r, g, b) integers of a `#rgb` or `#rrggbb` colour."""
    if not isinstance(value, str) or not HEX_COLOUR.match(value.strip()):
        raise ValueError(f"not a hex colour: {value!r}")
    digits = value.strip()[1:]
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return tuple(int(digits[i : i + 2], 16) for i in (0, 2, 4))


def relative_luminance(value):
    """Relative luminance of a colour as WCAG 2.1 defines it (0 black to 1 white)."""

    def channel(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in parse_hex(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first, second):
    """Contrast ratio between two colours, from 1 (none) to 21 (black on white)."""
    lighter, darker = sorted(
        (relative_luminance(first), relative_luminance(second)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)
