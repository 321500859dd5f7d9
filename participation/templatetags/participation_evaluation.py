"""Template tags that show an idea's way through the evaluation on its page:
the measure it went into and, if its process publishes it, its scorecard."""

from django import template
from django.conf import settings
from django.utils.html import format_html

from ..evaluation import public_scorecard
from ..measures import localized_measure
from ..models import Idea

register = template.Library()


@register.filter
def language_part(text, language):
    """`text` marked as written in `language`, so that a screen reader on a
    page in another language reads it right (WCAG 3.1.2)."""
    return format_html('<span lang="{}">{}</span>', language, text)


@register.inclusion_tag("participation/evaluation/idea_outcome.html")
def idea_outcome(idea):
    """The measure an idea went into and its public scorecard; one query for
    an idea in no measure and without a public scorecard, a few more else."""
    found = (
        Idea.objects.filter(pk=idea.pk)
        .values("measure_source__measure_key", "evaluation__process__public_scorecard")
        .first()
        or {}
    )
    key = found.get("measure_source__measure_key")
    public = found.get("evaluation__process__public_scorecard")
    return {
        "idea": idea,
        "measure": localized_measure(key) if key else None,
        "scorecard": public_scorecard(idea) if public else None,
        # criteria and stages are written once, in the site's default language
        "source_language": settings.LANGUAGE_CODE,
    }
