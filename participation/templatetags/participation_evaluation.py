"""Template tags that show an idea's way through the evaluation on its page:
the measure it went into and, if its process publishes it, its scorecard."""

from django import template

from ..evaluation import public_scorecard
from ..measures import localized_measure
from ..models import MeasureSource

register = template.Library()


@register.inclusion_tag("participation/evaluation/idea_outcome.html")
def idea_outcome(idea):
    """The measure an idea went into and its public scorecard; two queries for
    an idea outside the evaluation, a few more for one inside."""
    key = (
        MeasureSource.objects.filter(idea=idea)
        .values_list("measure_key", flat=True)
        .first()
    )
    return {
        "idea": idea,
        "measure": localized_measure(key) if key else None,
        "scorecard": public_scorecard(idea),
    }
