"""Public pages of the catalogue of measures: the catalogue, a measure's page,
the exports for the council (CSV, XLSX, printable) and the open data.

The same catalogue is shown by the MeasureCatalogueBlock on any page of the
host site; these views give it an address of its own for links and exports.
"""

import json

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from .measures import (
    OPEN_DATA_SETS,
    Catalogue,
    field_labels,
    localized_measure,
    measure_sources,
    open_data,
    open_data_csv,
)
from .views import render_page


def catalogue_links(request):
    """Addresses of the exports, keeping the reader's filters."""
    query = request.GET.urlencode() if request is not None else ""
    suffix = f"?{query}" if query else ""
    return {
        "catalogue_url": reverse("participation:catalogue"),
        "csv_url": reverse("participation:catalogue_csv") + suffix,
        "xlsx_url": reverse("participation:catalogue_xlsx") + suffix,
        "print_url": reverse("participation:catalogue_print") + suffix,
    }


def catalogue_context(request, catalogue=None):
    """What the catalogue template needs, for the block and the page."""
    catalogue = catalogue or Catalogue(request.GET if request else {})
    return {
        "catalogue": catalogue,
        "overview": catalogue.overview(),
        **catalogue_links(request),
    }


@require_GET
def catalogue(request):
    """The catalogue of measures, filterable by field, status and priority."""
    context = {
        "title": _("Catalogue of measures"),
        "canonical_url": request.build_absolute_uri(reverse("participation:catalogue")),
        **catalogue_context(request),
    }
    return render_page(request, "participation/measures/catalogue_page.html", context)


@require_GET
def catalogue_print(request):
    """The catalogue laid out for printing (for the council)."""
    catalogue = Catalogue(request.GET)
    context = {
        "title": _("Catalogue of measures"),
        "printed_at": timezone.now(),
        "no_index": True,
        **catalogue_context(request, catalogue),
    }
    return render_page(request, "participation/measures/catalogue_print.html", context)


def stamp():
    return timezone.localtime().strftime("%Y-%m-%d")


@require_GET
def catalogue_csv(request):
    from .measures import catalogue_csv as build

    response = HttpResponse(
        build(Catalogue(request.GET)), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="massnahmenkatalog-{stamp()}.csv"'
    )
    return response


@require_GET
def catalogue_xlsx(request):
    from .measures import catalogue_xlsx as build

    response = HttpResponse(
        build(Catalogue(request.GET)),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = (
        f'attachment; filename="massnahmenkatalog-{stamp()}.xlsx"'
    )
    return response


@require_GET
def measure_detail(request, key):
    """A measure's page, in the reader's language if translated (the default
    language otherwise): its plan, progress and the ideas it came from."""
    measure = localized_measure(key)
    if measure is None:
        raise Http404
    fields = list(measure.fields_of_action.all())
    labels = field_labels(f.page_id for f in fields)
    sources = measure_sources(key)
    updates = sorted(
        measure.progress_updates.all(), key=lambda u: (u.date, u.pk), reverse=True
    )
    context = {
        "title": measure.title,
        "measure": measure,
        "fields": [labels.get(f.page_id, "") for f in fields],
        "progress_updates": updates,
        "sources": sources,
        "supports": sum(idea.support_count for idea in sources),
        "catalogue_url": reverse("participation:catalogue"),
        "canonical_url": request.build_absolute_uri(
            reverse("participation:measure_detail", args=[key])
        ),
    }
    return render_page(request, "participation/measures/measure_detail.html", context)


@require_GET
def open_data_view(request, dataset, fmt):
    """Open data: one dataset as CSV or JSON, or all of them as JSON."""
    if fmt not in ("csv", "json"):
        raise Http404
    if dataset == "alle" and fmt == "json":
        body = json.dumps(open_data(), ensure_ascii=False, indent=1)
        return HttpResponse(body, content_type="application/json; charset=utf-8")
    if dataset not in OPEN_DATA_SETS:
        raise Http404
    if fmt == "csv":
        response = HttpResponse(
            open_data_csv(dataset), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'inline; filename="{dataset}.csv"'
        return response
    body = json.dumps(
        {"generated_at": timezone.now().isoformat(), dataset: open_data(dataset)},
        ensure_ascii=False,
        indent=1,
    )
    return HttpResponse(body, content_type="application/json; charset=utf-8")
