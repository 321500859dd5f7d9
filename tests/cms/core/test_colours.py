"""WCAG 2.1 contrast arithmetic used to keep a town's brand colour readable."""

import pytest

from cms.core.colours import (
    MIN_TEXT_CONTRAST,
    WHITE,
    contrast_ratio,
    parse_hex,
    relative_luminance,
)


def test_black_on_white_has_the_maximum_contrast_of_21():
    assert contrast_ratio("#000000", WHITE) == pytest.approx(21.0)


def test_contrast_does_not_depend_on_the_order_of_the_colours():
    assert contrast_ratio(WHITE, "#000") == pytest.approx(21.0)


def test_white_on_white_has_no_contrast():
    assert contrast_ratio(WHITE, "#FFF") == pytest.approx(1.0)


def test_grey_767676_on_white_just_passes_aa():
    ratio = contrast_ratio("#767676", WHITE)
    assert ratio == pytest.approx(4.54, abs=0.005)
    assert ratio >= MIN_TEXT_CONTRAST


def test_grey_777777_on_white_just_fails_aa():
    assert contrast_ratio("#777777", WHITE) < MIN_TEXT_CONTRAST


def test_relative_luminance_of_black_and_white():
    assert relative_luminance("#000000") == 0
    assert relative_luminance("#ffffff") == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("#1d5c8f", (0x1D, 0x5C, 0x8F)),
        ("#1D5C8F", (0x1D, 0x5C, 0x8F)),
        ("#abc", (0xAA, 0xBB, 0xCC)),
        (" #000000 ", (0, 0, 0)),
    ],
)
def test_parse_hex(value, expected):
    assert parse_hex(value) == expected


@pytest.mark.parametrize(
    "value", ["blue", "#12345", "1d5c8f", "#1d5c8g", "#1d5c8f0", "", None, 0x1D5C8F]
)
def test_parse_hex_rejects_what_is_not_a_hex_colour(value):
    with pytest.raises(ValueError, match="not a hex colour"):
        parse_hex(value)
