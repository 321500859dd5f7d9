"""Work on the catalogue of measures: taking ideas into a measure, the
catalogue as the public sees it, its exports (CSV, XLSX), the open data and
the catalogue exchange format another town can import.

The open-data and exchange fields are documented in docs/open-data.md.
"""

import csv
import datetime
import io
import json
import uuid
from collections import Counter, defaultdict
from html import unescape as unescape_entities

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.log_actions import log
from wagtail.models import Locale, Page

from .evaluation import (
    EvaluationError,
    _close,
    _record,
    _set_idea_status,
    summarise,
)
from .listings import active_language
from .models import (
    CostRange,
    DecisionKind,
    EvaluationCriterion,
    EvaluationDecision,
    Idea,
    IdeaEvaluation,
    IdeaStatus,
    Measure,
    MeasureFieldOfAction,
    MeasurePriority,
    MeasureProgress,
    MeasureSource,
    MeasureStatus,
    Outcome,
    Score,
)

EXCHANGE_FORMAT = "stadtdialog.measure-catalogue"
EXCHANGE_VERSION = 1
PRIORITY_ORDER = {value: n for n, value in enumerate(MeasurePriority.values)}


# --- merging ideas into a measure ----------------------------------------------------


@transaction.atomic
def merge_into_measure(ideas, measure, user, reason=""):
    """Take ideas into a measure: each is linked to it for good (its origin stays
    visible on both pages), its evaluation ends, and its public status becomes
    'accepted' with a link to the measure. An idea already in another measure
    is refused; nothing is stored then."""
    key = measure.translation_key
    ideas = list(ideas)
    if not ideas:
        raise EvaluationError(_("Choose at least one idea."))
    taken = []
    for idea in ideas:
        locked = Idea.objects.select_for_update().get(pk=idea.pk)
        existing = MeasureSource.objects.filter(idea=locked).first()
        if existing is not None:
            if existing.measure_key == key:
                continue
            raise EvaluationError(
                _("“%(idea)s” is already part of another measure.")
                % {"idea": locked.title}
            )
        evaluation = (
            IdeaEvaluation.objects.select_for_update(of=("self",))
            .select_related("stage")
            .filter(idea=locked)
            .first()
        )
        MeasureSource.objects.create(idea=locked, measure_key=key, added_by=user)
        _record(
            locked,
            evaluation,
            DecisionKind.MERGE_MEASURE,
            user,
            reason,
            target_measure_key=key,
        )
        if evaluation is not None and evaluation.outcome == Outcome.OPEN:
            _close(evaluation, Outcome.MERGED)
        _set_idea_status(locked, IdeaStatus.ACCEPTED, reason)
        log(
            instance=locked,
            action="participation.evaluation_measure",
            user=user,
            data={"measure": str(key), "title": measure.title, "reason": reason},
        )
        taken.append(locked)
    return taken


def measure_sources(key):
    """The visible ideas a measure came from, most supported first; one query."""
    return list(
        Idea.objects.visible()
        .filter(measure_source__measure_key=key)
        .select_related("collection")
        .order_by("-support_count", "pk")
    )


# --- the catalogue -------------------------------------------------------------------


def default_language():
    """The site's default content language, e.g. 'de'."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def localized_measures(language=None):
    """Every measure once, in the reader's language where translated and in the
    default language otherwise; two queries (measures, their fields)."""
    language = language or active_language()
    default = default_language()
    queryset = Measure.objects.filter(locale__language_code=language)
    if language != default:
        translated = Measure.objects.filter(locale__language_code=language).values(
            "translation_key"
        )
        queryset = Measure.objects.filter(
            Q(locale__language_code=language)
            | Q(locale__language_code=default) & ~Q(translation_key__in=translated)
        )
    return list(queryset.select_related("locale").prefetch_related("fields_of_action"))


def localized_measure(key, language=None):
    """One measure by its key in the reader's language (or the default one)."""
    language = language or active_language()
    candidates = list(
        Measure.objects.filter(
            translation_key=key,
            locale__language_code__in={language, default_language()},
        ).select_related("locale")
    )
    chosen = next(
        (m for m in candidates if m.locale.language_code == language), None
    ) or next(iter(candidates), None)
    return chosen


def field_labels(page_ids, language=None):
    """Titles of field-of-action pages in the reader's language, by page id;
    one query."""
    language = language or active_language()
    ids = set(page_ids)
    if not ids:
        return {}
    rows = list(
        Page.objects.filter(
            Q(pk__in=ids)
            | Q(
                translation_key__in=Page.objects.filter(pk__in=ids).values(
                    "translation_key"
                ),
                locale__language_code=language,
                live=True,
            )
        ).values("pk", "translation_key", "title", "locale__language_code")
    )
    translated = {
        row["translation_key"]: row["title"]
        for row in rows
        if row["locale__language_code"] == language
    }
    return {
        row["pk"]: translated.get(row["translation_key"], row["title"])
        for row in rows
        if row["pk"] in ids
    }


def support_totals(keys):
    """Per measure key: the number of visible source ideas and the sum of their
    supports; one query."""
    rows = (
        MeasureSource.objects.filter(measure_key__in=list(keys))
        .filter(
            idea__confirmed_at__isnull=False,
            idea__withdrawn_at__isnull=True,
            idea__visibility="published",
        )
        .values("measure_key")
        .annotate(ideas=Count("pk"), supports=Sum("idea__support_count"))
    )
    return {row["measure_key"]: (row["ideas"], row["supports"] or 0) for row in rows}


class CatalogueEntry:
    """One measure as the catalogue shows it."""

    def __init__(self, measure, labels, totals):
        self.measure = measure
        self.field_ids = [f.page_id for f in measure.fields_of_action.all()]
        self.fields = [labels.get(pk, "") for pk in self.field_ids]
        self.idea_count, self.supports = totals.get(measure.translation_key, (0, 0))

    def __getattr__(self, name):
        return getattr(self.measure, name)


FILTERS = ("field", "status", "priority")


class Catalogue:
    """The measures, the filter choices, the filtered list and the overview
    figures (measures by status per field)."""

    def __init__(self, params=None, language=None):
        params = params or {}
        measures = localized_measures(language)
        labels = field_labels(
            (f.page_id for m in measures for f in m.fields_of_action.all()), language
        )
        totals = support_totals(m.translation_key for m in measures)
        self.entries = [CatalogueEntry(m, labels, totals) for m in measures]
        self.entries.sort(
            key=lambda e: (PRIORITY_ORDER.get(e.priority, 9), e.title.lower(), e.pk)
        )
        self.field_choices = sorted(labels.items(), key=lambda item: item[1].lower())
        self.selected = self.read_filters(params)
        self.results = [e for e in self.entries if self.matches(e)]

    def read_filters(self, params):
        selected = {}
        field = str(params.get("field") or "")
        if field.isdigit() and int(field) in dict(self.field_choices):
            selected["field"] = int(field)
        status = params.get("status")
        if status in MeasureStatus.values:
            selected["status"] = status
        priority = params.get("priority")
        if priority in MeasurePriority.values:
            selected["priority"] = priority
        return selected

    def matches(self, entry):
        selected = self.selected
        if "field" in selected and selected["field"] not in entry.field_ids:
            return False
        if "status" in selected and entry.status != selected["status"]:
            return False
        return "priority" not in selected or entry.priority == selected["priority"]

    @property
    def statuses(self):
        return MeasureStatus.choices

    @property
    def priorities(self):
        return MeasurePriority.choices

    def overview(self):
        """Rows (field label, [(status, label, count)], total) over all measures,
        and the largest total, for the picture and its table."""
        counts = defaultdict(Counter)
        for entry in self.entries:
            field_ids = entry.field_ids or [None]
            for pk in field_ids:
                counts[pk][entry.status] += 1
        labels = dict(self.field_choices)
        rows = []
        for pk in [pk for pk, _label in self.field_choices] + [None]:
            if pk not in counts:
                continue
            cells = [
                (status, label, counts[pk][status])
                for status, label in MeasureStatus.choices
            ]
            rows.append(
                {
                    "label": labels.get(pk) or _("Without a field of action"),
                    "cells": cells,
                    "total": sum(counts[pk].values()),
                }
            )
        largest = max((row["total"] for row in rows), default=0)
        for row in rows:
            row["bars"] = [
                (status, label, count, 100 * count / largest if largest else 0)
                for status, label, count in row["cells"]
            ]
        return rows


# --- exports of the catalogue --------------------------------------------------------


def plain_text(html):
    return unescape_entities(strip_tags(html or "")).strip()


CATALOGUE_COLUMNS = [
    ("title", gettext_lazy("Measure")),
    ("fields", gettext_lazy("Fields of action")),
    ("status", gettext_lazy("Status")),
    ("priority", gettext_lazy("Priority")),
    ("responsible_unit", gettext_lazy("Responsible unit")),
    ("cost_range", gettext_lazy("Estimated cost")),
    ("timeline_start", gettext_lazy("Start")),
    ("timeline_end", gettext_lazy("Planned end")),
    ("ideas", gettext_lazy("Source ideas")),
    ("supports", gettext_lazy("Supports")),
    ("description", gettext_lazy("Description")),
]


def catalogue_rows(catalogue):
    """The filtered catalogue as rows of labelled values for CSV and XLSX."""
    rows = []
    for entry in catalogue.results:
        rows.append(
            {
                "title": entry.title,
                "fields": ", ".join(label for label in entry.fields if label),
                "status": entry.get_status_display(),
                "priority": entry.get_priority_display(),
                "responsible_unit": entry.responsible_unit,
                "cost_range": entry.get_cost_range_display(),
                "timeline_start": entry.timeline_start,
                "timeline_end": entry.timeline_end,
                "ideas": entry.idea_count,
                "supports": entry.supports,
                "description": plain_text(entry.description),
            }
        )
    return rows


def catalogue_csv(catalogue):
    """The catalogue as CSV text (UTF-8 with a byte order mark, for Excel)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([str(label) for _key, label in CATALOGUE_COLUMNS])
    for row in catalogue_rows(catalogue):
        writer.writerow(
            [
                row[key].isoformat()
                if isinstance(row[key], datetime.date)
                else row[key]
                for key, _label in CATALOGUE_COLUMNS
            ]
        )
    return "\ufeff" + out.getvalue()


def catalogue_xlsx(catalogue):
    """The catalogue as an XLSX workbook (bytes)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = str(_("Measures"))[:31]
    sheet.append([str(label) for _key, label in CATALOGUE_COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in catalogue_rows(catalogue):
        sheet.append([row[key] for key, _label in CATALOGUE_COLUMNS])
    widths = {"title": 40, "fields": 30, "description": 80, "responsible_unit": 30}
    for index, (key, _label) in enumerate(CATALOGUE_COLUMNS, start=1):
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = widths.get(key, 16)
        if key in ("timeline_start", "timeline_end"):
            for cell in sheet[letter][1:]:
                cell.number_format = "yyyy-mm-dd"
    for cell in sheet["K"][1:]:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# --- open data -----------------------------------------------------------------------

OPEN_DATA_SETS = ("ideas", "scores", "decisions", "measures")


def _date(value):
    return value.isoformat() if value else None


def open_ideas():
    """Visible ideas without any personal data (no name, no address)."""
    sources = dict(MeasureSource.objects.values_list("idea_id", "measure_key"))
    evaluations = {
        row["idea_id"]: row
        for row in IdeaEvaluation.objects.values("idea_id", "stage__name", "outcome")
    }
    rows = []
    ideas = (
        Idea.objects.visible()
        .select_related("category", "collection__page")
        .order_by("pk")
    )
    for idea in ideas:
        evaluation = evaluations.get(idea.pk, {})
        page = idea.collection.page
        rows.append(
            {
                "id": idea.pk,
                "collection_id": idea.collection_id,
                "page": page.title if page else None,
                "category": idea.category.name if idea.category else None,
                "language": idea.language,
                "title": idea.title,
                "description": idea.description,
                "location": idea.location_text or None,
                "created_at": _date(idea.created_at),
                "status": idea.status,
                "status_reason": idea.status_reason or None,
                "official_answer": idea.official_answer or None,
                "answered_at": _date(idea.answered_at),
                "supports": idea.support_count,
                "comments": idea.comment_count,
                "merged_into_id": idea.merged_into_id,
                "measure_key": str(sources[idea.pk]) if idea.pk in sources else None,
                "evaluation_stage": evaluation.get("stage__name"),
                "evaluation_outcome": evaluation.get("outcome"),
            }
        )
    return rows


def open_scores():
    """Per visible idea, stage and criterion: how many evaluators scored it and
    the mean score, only from processes that publish their scorecards; never
    who gave which score."""
    scores = list(
        Score.objects.filter(
            idea__in=Idea.objects.visible().values("pk"),
            idea__evaluation__process__public_scorecard=True,
        )
        .select_related("stage", "criterion")
        .order_by("idea_id", "stage__sort_order", "stage_id")
    )
    criteria = defaultdict(list)
    for criterion in EvaluationCriterion.objects.filter(
        process_id__in={s.criterion.process_id for s in scores}
    ):
        criteria[criterion.process_id].append(criterion)
    grouped = defaultdict(list)
    for score in scores:
        grouped[(score.idea_id, score.stage_id)].append(score)
    rows = []
    for (idea_id, _stage_id), at_stage in grouped.items():
        stage = at_stage[0].stage
        process_criteria = criteria[at_stage[0].criterion.process_id]
        summary = summarise(None, process_criteria, at_stage, supports=0)
        for item in summary.criteria:
            if item.mean is None:
                continue
            rows.append(
                {
                    "idea_id": idea_id,
                    "stage": stage.name,
                    "stage_position": (stage.sort_order or 0) + 1,
                    "criterion": item.criterion.name,
                    "weight": float(item.criterion.weight),
                    "scale_min": item.criterion.scale_min,
                    "scale_max": item.criterion.scale_max,
                    "evaluators": item.count,
                    "mean": round(item.mean, 3),
                    "weighted_total": round(summary.weighted, 2),
                }
            )
    return rows


def open_decisions():
    """Decisions on visible ideas: what, at which stage, why and when; never
    who decided."""
    rows = []
    decisions = (
        EvaluationDecision.objects.filter(idea__in=Idea.objects.visible().values("pk"))
        .select_related("stage")
        .order_by("decided_at", "pk")
    )
    for decision in decisions:
        rows.append(
            {
                "idea_id": decision.idea_id,
                "stage": decision.stage.name if decision.stage else None,
                "decision": decision.kind,
                "reason": decision.reason or None,
                "target_idea_id": decision.target_idea_id,
                "measure_key": str(decision.target_measure_key)
                if decision.target_measure_key
                else None,
                "decided_at": _date(decision.decided_at),
            }
        )
    return rows


def open_measures():
    """Every measure in every language it is written in."""
    measures = list(
        Measure.objects.select_related("locale")
        .prefetch_related("fields_of_action", "progress_updates")
        .order_by("translation_key", "locale__language_code")
    )
    labels = {}
    page_ids = {f.page_id for m in measures for f in m.fields_of_action.all()}
    labels = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "title"))
    totals = support_totals(m.translation_key for m in measures)
    sources = defaultdict(list)
    for idea_id, key in (
        MeasureSource.objects.filter(idea__in=Idea.objects.visible().values("pk"))
        .order_by("idea_id")
        .values_list("idea_id", "measure_key")
    ):
        sources[key].append(idea_id)
    rows = []
    for measure in measures:
        updates = sorted(measure.progress_updates.all(), key=lambda u: u.date)
        rows.append(
            {
                "key": str(measure.translation_key),
                "language": measure.locale.language_code,
                "title": measure.title,
                "description": plain_text(measure.description),
                "fields_of_action": [
                    labels.get(f.page_id, "") for f in measure.fields_of_action.all()
                ],
                "status": measure.status,
                "priority": measure.priority,
                "responsible_unit": measure.responsible_unit or None,
                "cost_range": measure.cost_range,
                "timeline_start": _date(measure.timeline_start),
                "timeline_end": _date(measure.timeline_end),
                "source_idea_ids": sources.get(measure.translation_key, []),
                "supports": totals.get(measure.translation_key, (0, 0))[1],
                "progress_updates": [
                    {"date": _date(u.date), "text": u.text} for u in updates
                ],
                "updated_at": _date(measure.updated_at),
            }
        )
    return rows


OPEN_DATA_BUILDERS = {
    "ideas": open_ideas,
    "scores": open_scores,
    "decisions": open_decisions,
    "measures": open_measures,
}


def open_data(dataset=None):
    """One dataset as a list of rows, or all of them as a dict."""
    if dataset is not None:
        return OPEN_DATA_BUILDERS[dataset]()
    return {
        "generated_at": timezone.now().isoformat(),
        **{name: build() for name, build in OPEN_DATA_BUILDERS.items()},
    }


def csv_value(value):
    if value is None:
        return ""
    if isinstance(value, list):
        if value and isinstance(value[0], dict):
            return "\n".join(f"{item['date']}: {item['text']}" for item in value)
        return "|".join(str(item) for item in value)
    return value


def open_data_csv(dataset):
    """One dataset as CSV text (UTF-8, comma separated, a header row). Lists
    are joined with '|', progress updates with line breaks."""
    rows = open_data(dataset)
    out = io.StringIO()
    if not rows:
        header = OPEN_DATA_HEADERS[dataset]
        csv.writer(out).writerow(header)
        return out.getvalue()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    for row in rows:
        writer.writerow({key: csv_value(value) for key, value in row.items()})
    return out.getvalue()


OPEN_DATA_HEADERS = {
    "ideas": [
        "id",
        "collection_id",
        "page",
        "category",
        "language",
        "title",
        "description",
        "location",
        "created_at",
        "status",
        "status_reason",
        "official_answer",
        "answered_at",
        "supports",
        "comments",
        "merged_into_id",
        "measure_key",
        "evaluation_stage",
        "evaluation_outcome",
    ],
    "scores": [
        "idea_id",
        "stage",
        "stage_position",
        "criterion",
        "weight",
        "scale_min",
        "scale_max",
        "evaluators",
        "mean",
        "weighted_total",
    ],
    "decisions": [
        "idea_id",
        "stage",
        "decision",
        "reason",
        "target_idea_id",
        "measure_key",
        "decided_at",
    ],
    "measures": [
        "key",
        "language",
        "title",
        "description",
        "fields_of_action",
        "status",
        "priority",
        "responsible_unit",
        "cost_range",
        "timeline_start",
        "timeline_end",
        "source_idea_ids",
        "supports",
        "progress_updates",
        "updated_at",
    ],
}


# --- the exchange format -------------------------------------------------------------


def export_catalogue():
    """The whole catalogue in the exchange format (a dict ready for JSON)."""
    measures = list(
        Measure.objects.select_related("locale")
        .prefetch_related("fields_of_action", "progress_updates")
        .order_by("translation_key", "locale__language_code")
    )
    page_ids = {f.page_id for m in measures for f in m.fields_of_action.all()}
    pages = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "title"))
    sources = defaultdict(list)
    for source in (
        MeasureSource.objects.filter(idea__in=Idea.objects.visible().values("pk"))
        .select_related("idea")
        .order_by("idea_id")
    ):
        sources[source.measure_key].append(
            {"title": source.idea.title, "supports": source.idea.support_count}
        )
    default = default_language()
    grouped = defaultdict(list)
    for measure in measures:
        grouped[measure.translation_key].append(measure)
    items = []
    for key, versions in grouped.items():
        base = next(
            (m for m in versions if m.locale.language_code == default), versions[0]
        )
        items.append(
            {
                "key": str(key),
                "status": base.status,
                "priority": base.priority,
                "cost_range": base.cost_range,
                "timeline_start": _date(base.timeline_start),
                "timeline_end": _date(base.timeline_end),
                "fields_of_action": [
                    pages.get(f.page_id, "") for f in base.fields_of_action.all()
                ],
                "translations": {
                    m.locale.language_code: {
                        "title": m.title,
                        "description": m.description,
                        "responsible_unit": m.responsible_unit,
                        "progress_updates": [
                            {"date": _date(u.date), "text": u.text}
                            for u in m.progress_updates.all()
                        ],
                    }
                    for m in versions
                },
                "sources": sources.get(key, []),
            }
        )
    items.sort(key=lambda item: item["key"])
    return {
        "format": EXCHANGE_FORMAT,
        "version": EXCHANGE_VERSION,
        "exported_at": timezone.now().isoformat(),
        "source_language": default,
        "measures": items,
    }


class ExchangeError(ValueError):
    """An exchange file that cannot be imported; nothing was stored."""


def _parse_date(value, where):
    if value in (None, ""):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise ExchangeError(f"{where}: '{value}' is not a date (YYYY-MM-DD)") from error


def _choice(value, choices, where, default):
    if value in (None, ""):
        return default
    if value not in choices:
        raise ExchangeError(f"{where}: '{value}' is not one of {', '.join(choices)}")
    return value


def read_exchange(data):
    """Check an exchange document and return its measures, cleaned; raises
    ExchangeError naming the first problem."""
    if not isinstance(data, dict) or data.get("format") != EXCHANGE_FORMAT:
        raise ExchangeError(f"not a catalogue exchange file (format {EXCHANGE_FORMAT})")
    if data.get("version") != EXCHANGE_VERSION:
        raise ExchangeError(
            f"version {data.get('version')!r} is not supported "
            f"(this site reads version {EXCHANGE_VERSION})"
        )
    items = data.get("measures")
    if not isinstance(items, list):
        raise ExchangeError("'measures' must be a list")
    cleaned = []
    for number, item in enumerate(items, start=1):
        where = f"measure {number}"
        if not isinstance(item, dict):
            raise ExchangeError(f"{where}: must be an object")
        try:
            key = uuid.UUID(str(item.get("key")))
        except ValueError as error:
            raise ExchangeError(f"{where}: 'key' must be a UUID") from error
        translations = item.get("translations")
        if not isinstance(translations, dict) or not translations:
            raise ExchangeError(f"{where}: 'translations' must name one language")
        texts = {}
        for language, text in translations.items():
            if not isinstance(text, dict) or not str(text.get("title", "")).strip():
                raise ExchangeError(f"{where} ({language}): a title is needed")
            updates = []
            for update in text.get("progress_updates") or []:
                date = _parse_date(update.get("date"), f"{where} ({language})")
                if date is None or not str(update.get("text", "")).strip():
                    raise ExchangeError(
                        f"{where} ({language}): a progress update needs date and text"
                    )
                updates.append((date, str(update["text"])[:2000]))
            texts[language] = {
                "title": str(text["title"]).strip()[:200],
                "description": str(text.get("description") or ""),
                "responsible_unit": str(text.get("responsible_unit") or "")[:200],
                "progress_updates": updates,
            }
        start = _parse_date(item.get("timeline_start"), where)
        end = _parse_date(item.get("timeline_end"), where)
        if start and end and end < start:
            raise ExchangeError(f"{where}: the end is before the start")
        cleaned.append(
            {
                "key": key,
                "status": _choice(
                    item.get("status"),
                    MeasureStatus.values,
                    where,
                    MeasureStatus.PROPOSED,
                ),
                "priority": _choice(
                    item.get("priority"),
                    MeasurePriority.values,
                    where,
                    MeasurePriority.MEDIUM,
                ),
                "cost_range": _choice(
                    item.get("cost_range"), CostRange.values, where, CostRange.UNKNOWN
                ),
                "timeline_start": start,
                "timeline_end": end,
                "fields_of_action": [
                    str(title) for title in item.get("fields_of_action") or []
                ],
                "translations": texts,
            }
        )
    return cleaned


@transaction.atomic
def import_catalogue(data, *, as_proposed=False, update=False):
    """Import an exchange document: every measure in every language this site
    has; fields of action are matched to pages by title. Existing measures
    (same key) are left alone unless `update`. Returns a report dict; raises
    ExchangeError (nothing stored) for a bad file."""
    items = read_exchange(data)
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    default = default_language()
    report = {"created": 0, "updated": 0, "skipped": 0, "unmatched_fields": []}
    titles = {}
    for title, pk, language in Page.objects.values_list(
        "title", "pk", "locale__language_code"
    ):
        if language == default or title not in titles:
            titles[title] = pk
    for item in items:
        exists = Measure.objects.filter(translation_key=item["key"]).exists()
        if exists and not update:
            report["skipped"] += 1
            continue
        field_pages = []
        for title in item["fields_of_action"]:
            if title in titles:
                field_pages.append(titles[title])
            elif title not in report["unmatched_fields"]:
                report["unmatched_fields"].append(title)
        languages = [lang for lang in item["translations"] if lang in locales]
        if not languages:
            raise ExchangeError(
                f"measure {item['key']}: none of its languages "
                f"({', '.join(item['translations'])}) is set up on this site"
            )
        languages.sort(key=lambda lang: lang != default)
        update_keys = []
        for language in languages:
            text = item["translations"][language]
            measure = Measure.objects.filter(
                translation_key=item["key"], locale=locales[language]
            ).first() or Measure(translation_key=item["key"], locale=locales[language])
            measure.title = text["title"]
            measure.description = text["description"]
            measure.responsible_unit = text["responsible_unit"]
            measure.status = MeasureStatus.PROPOSED if as_proposed else item["status"]
            measure.priority = item["priority"]
            measure.cost_range = item["cost_range"]
            measure.timeline_start = item["timeline_start"]
            measure.timeline_end = item["timeline_end"]
            measure.fields_of_action = [
                MeasureFieldOfAction(page_id=pk) for pk in field_pages
            ]
            updates = [
                MeasureProgress(date=date, text=body, locale=locales[language])
                for date, body in text["progress_updates"]
            ]
            # Language versions of one update share its translation key.
            for position, progress in enumerate(updates):
                if position < len(update_keys):
                    progress.translation_key = update_keys[position]
                else:
                    update_keys.append(progress.translation_key)
            measure.progress_updates = updates
            measure.save()
        report["updated" if exists else "created"] += 1
    return report


def dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2)
