"""Demo content: the smart-city process of the town of Pinneberg, in German.

`load_demo()` builds it (see builder.py); the texts live in content.py and the
generated pictures and PDF documents come from media.py.
"""


def load_demo(stdout=None) -> int:
    """Build the demo site; return the number of pages created (0 on a rerun)."""
    from .builder import load_demo as build

    return build(stdout=stdout)
