"""The catalogue of measures: merging ideas keeps their origin and adds up
their supports; the catalogue filters; its overview, exports and open data
carry the same figures; the exchange format round-trips; measure pages exist
in every language; the public pages cost a fixed number of queries."""

import csv
import datetime
import io
import json

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Locale

from participation import evaluation, measures
from participation.models import (
    EvaluationDecision,
    IdeaStatus,
    Measure,
    MeasurePriority,
    MeasureProgress,
    MeasureSource,
    MeasureStatus,
)
from tests.factories import FieldPageFactory

from .conftest import url
from .evaluation_helpers import MeasureFactory, make_process
from .factories import (
    IdeaCollectionFactory,
    IdeaFactory,
    ParticipantFactory,
    SupportFactory,
)

pytestmark = pytest.mark.django_db


def supported_idea(collection, title, supports):
    idea = IdeaFactory(collection=collection, title=title)
    for _ in range(supports):
        SupportFactory(idea=idea)
    idea.refresh_from_db()
    return idea


@pytest.fixture
def fields(project_page):
    return {
        "mobility": FieldPageFactory(parent=project_page, title="Mobilität"),
        "economy": FieldPageFactory(parent=project_page, title="Wirtschaft"),
    }


@pytest.fixture
def catalogue(fields):
    """Four measures in two fields, with different statuses and priorities."""
    mobility, economy = fields["mobility"], fields["economy"]
    return {
        "station": MeasureFactory(
            title="Mobilitätsstation am Bahnhof",
            fields=[mobility],
            status=MeasureStatus.DECIDED,
            priority=MeasurePriority.HIGH,
            timeline_start=datetime.date(2023, 1, 1),
            timeline_end=datetime.date(2024, 6, 30),
            progress=[(datetime.date(2023, 3, 1), "Standort festgelegt.")],
        ),
        "sharing": MeasureFactory(
            title="Lastenrad-Verleih",
            fields=[mobility],
            status=MeasureStatus.IN_PROGRESS,
            priority=MeasurePriority.MEDIUM,
        ),
        "wifi": MeasureFactory(
            title="Freies WLAN in der Innenstadt",
            fields=[mobility, economy],
            status=MeasureStatus.IN_PROGRESS,
            priority=MeasurePriority.LOW,
        ),
        "portal": MeasureFactory(
            title="Gewerbeflächenportal",
            fields=[economy],
            status=MeasureStatus.PROPOSED,
            priority=MeasurePriority.HIGH,
        ),
    }


def test_merging_ideas_keeps_their_origin_and_adds_their_supports(
    client, collection, moderator, catalogue
):
    measure = catalogue["station"]
    first = supported_idea(collection, "Carsharing am Bahnhof", 3)
    second = supported_idea(collection, "Fahrradparkhaus", 2)
    process = make_process([collection])
    evaluation.start_evaluation(process, [first], moderator)
    taken = measures.merge_into_measure(
        [first, second], measure, moderator, "Zusammengeführt."
    )
    assert {idea.pk for idea in taken} == {first.pk, second.pk}
    for idea in (first, second):
        idea.refresh_from_db()
        assert idea.status == IdeaStatus.ACCEPTED
        assert idea.status_reason == "Zusammengeführt."
    assert set(MeasureSource.objects.values_list("idea_id", "measure_key")) == {
        (first.pk, measure.translation_key),
        (second.pk, measure.translation_key),
    }
    assert EvaluationDecision.objects.filter(kind="merge_measure").count() == 2

    page = client.get(url("measure_detail", measure.translation_key))
    html = page.content.decode()
    assert "Carsharing am Bahnhof" in html and "Fahrradparkhaus" in html
    assert "2 ideas of citizens, supported 5 times in all." in html
    assert url("idea_detail", first.pk) in html
    entry = next(e for e in measures.Catalogue().entries if e.pk == measure.pk)
    assert (entry.idea_count, entry.supports) == (2, 5)
    # the idea's page links back to its measure
    idea_page = client.get(url("idea_detail", second.pk)).content.decode()
    assert url("measure_detail", measure.translation_key) in idea_page


def test_an_idea_goes_into_one_measure_only(collection, moderator, catalogue):
    idea = supported_idea(collection, "Lastenräder", 1)
    other = supported_idea(collection, "Noch eine Idee", 0)
    measures.merge_into_measure([idea], catalogue["sharing"], moderator)
    with pytest.raises(evaluation.EvaluationError):
        measures.merge_into_measure([other, idea], catalogue["station"], moderator)
    # all or nothing: the first idea of the refused batch is not linked either
    assert list(MeasureSource.objects.values_list("idea_id", flat=True)) == [idea.pk]
    other.refresh_from_db()
    assert other.status == IdeaStatus.PUBLISHED


def titles(response):
    return [entry.title for entry in response.context["catalogue"].results]


def test_the_catalogue_filters_by_field_status_and_priority(client, catalogue, fields):
    everything = client.get(url("catalogue"))
    assert everything.status_code == 200
    assert len(titles(everything)) == 4
    economy = fields["economy"].pk
    assert titles(client.get(url("catalogue", query=f"field={economy}"))) == [
        "Gewerbeflächenportal",
        "Freies WLAN in der Innenstadt",
    ]
    assert set(titles(client.get(url("catalogue", query="status=in_progress")))) == {
        "Lastenrad-Verleih",
        "Freies WLAN in der Innenstadt",
    }
    assert titles(
        client.get(url("catalogue", query=f"priority=high&field={economy}"))
    ) == ["Gewerbeflächenportal"]
    # nonsense is ignored, not an error
    response = client.get(url("catalogue", query="field=abc&status=x&priority=1"))
    assert response.status_code == 200
    assert len(titles(response)) == 4


def test_the_overview_table_has_the_figures_of_the_picture(client, catalogue):
    response = client.get(url("catalogue"))
    overview = {row["label"]: row for row in response.context["overview"]}
    mobility = dict((s, n) for s, _label, n in overview["Mobilität"]["cells"])
    assert mobility == {
        "proposed": 0,
        "decided": 1,
        "in_progress": 2,
        "done": 0,
        "dropped": 0,
    }
    assert overview["Wirtschaft"]["total"] == 2
    html = response.content.decode()
    assert '<table class="visually-hidden">' in html
    assert '<tr><th scope="row">Mobilität</th><td>0</td><td>1</td><td>2</td>' in html
    assert 'aria-hidden="true"' in html
    assert "https://" not in html.split("measure-overview")[1].split("</figure>")[0]


def test_the_catalogue_block_shows_the_catalogue_on_a_page(
    client, project_page, catalogue
):
    page = FieldPageFactory(
        parent=project_page,
        title="Maßnahmenkatalog",
        slug="massnahmenkatalog",
        body=[
            {
                "type": "measure_catalogue",
                "value": {"heading": "Unsere Maßnahmen", "intro": "Aus Ihren Ideen."},
            }
        ],
    )
    response = client.get(page.url + "?status=decided")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Unsere Maßnahmen" in html
    assert "Mobilitätsstation am Bahnhof" in html
    assert "Lastenrad-Verleih" not in html


def exported_figures(rows):
    return {row[0]: (row[2], row[8], row[9]) for row in rows}


def test_csv_and_xlsx_exports_parse_back_with_the_same_figures(
    client, collection, moderator, catalogue
):
    measures.merge_into_measure(
        [
            supported_idea(collection, "A", 4),
            supported_idea(collection, "B", 1),
        ],
        catalogue["wifi"],
        moderator,
    )
    page = client.get(url("catalogue", query="status=in_progress"))
    expected = {
        entry.title: (entry.get_status_display(), entry.idea_count, entry.supports)
        for entry in page.context["catalogue"].results
    }
    assert expected["Freies WLAN in der Innenstadt"] == ("in progress", 2, 5)

    response = client.get(url("catalogue_csv", query="status=in_progress"))
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][0] == "Measure"
    assert {
        title: (status, int(ideas), int(supports))
        for title, (status, ideas, supports) in exported_figures(rows[1:]).items()
    } == expected

    response = client.get(url("catalogue_xlsx", query="status=in_progress"))
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Measure"
    assert exported_figures(rows[1:]) == expected

    printable = client.get(url("catalogue_print", query="status=in_progress"))
    html = printable.content.decode()
    assert printable.status_code == 200
    assert "Freies WLAN in der Innenstadt" in html
    assert "Gewerbeflächenportal" not in html
    assert (
        "@media print"
        in open(
            "participation/static/participation/measures.css", encoding="utf-8"
        ).read()
    )


def test_open_data_has_no_personal_data_and_the_same_figures(
    client, collection, moderator, evaluator, catalogue
):
    author = ParticipantFactory(email="geheim@example.org", display_name="Frau Geheim")
    idea = IdeaFactory(collection=collection, participant=author, title="Sensoren")
    SupportFactory(idea=idea)
    process = make_process(
        [collection], criteria=[("Mehrwert", 1)], public_scorecard=True
    )
    evaluation.start_evaluation(process, [idea], moderator)
    (criterion,) = process.criteria.all()
    evaluation.save_scores(idea, evaluator, {criterion: (4, "Gut begründet")})
    evaluation.not_pursued(idea, moderator, "Zu teuer.")

    everything = json.loads(client.get(url("open_data", "alle", "json")).content)
    dump = json.dumps(everything, ensure_ascii=False)
    for secret in ("geheim@example.org", "Frau Geheim", "bewerterin", "Gut begründet"):
        assert secret not in dump
    (row,) = [r for r in everything["ideas"] if r["id"] == idea.pk]
    assert row["supports"] == 1
    assert row["status"] == "not_pursued"
    assert row["status_reason"] == "Zu teuer."
    assert everything["scores"] == [
        {
            "idea_id": idea.pk,
            "stage": "Smart-City-Thema",
            "stage_position": 1,
            "criterion": "Mehrwert",
            "weight": 1.0,
            "scale_min": 0,
            "scale_max": 5,
            "evaluators": 1,
            "mean": 4.0,
            "weighted_total": 80.0,
        }
    ]
    assert [d["decision"] for d in everything["decisions"]] == ["not_pursued"]
    assert len(everything["measures"]) == 4

    rows = list(
        csv.DictReader(
            io.StringIO(client.get(url("open_data", "ideas", "csv")).content.decode())
        )
    )
    assert [(int(r["id"]), int(r["supports"])) for r in rows] == [(idea.pk, 1)]
    assert "email" not in rows[0] and "display_name" not in rows[0]
    single = json.loads(client.get(url("open_data", "measures", "json")).content)
    assert {m["title"] for m in single["measures"]} == {
        m.title for m in catalogue.values()
    }
    assert client.get(url("open_data", "people", "csv")).status_code == 404
    assert client.get(url("open_data", "ideas", "xml")).status_code == 404


def test_scores_are_not_open_data_unless_the_process_publishes_them(
    client, collection, moderator, evaluator
):
    idea = IdeaFactory(collection=collection)
    process = make_process([collection], criteria=[("Mehrwert", 1)])
    evaluation.start_evaluation(process, [idea], moderator)
    (criterion,) = process.criteria.all()
    evaluation.save_scores(idea, evaluator, {criterion: (4, "Gut")})
    assert measures.open_data("scores") == []


def test_the_open_data_command_writes_every_dataset(tmp_path, catalogue):
    call_command("export_open_data", str(tmp_path), stdout=io.StringIO())
    for name in ("ideas.csv", "scores.csv", "decisions.csv", "measures.csv"):
        assert (tmp_path / name).exists()
    data = json.loads((tmp_path / "open-data.json").read_text(encoding="utf-8"))
    assert len(data["measures"]) == 4
    header = (tmp_path / "scores.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("idea_id,stage,")


def without_time(data):
    return {key: value for key, value in data.items() if key != "exported_at"}


def test_the_exchange_format_round_trips(tmp_path, catalogue, fields):
    english = Locale.objects.get_or_create(language_code="en")[0]
    station = catalogue["station"]
    translated = station.copy_for_translation(english)
    translated.title = "Mobility hub at the station"
    translated.save()
    MeasureProgress.objects.create(
        measure=translated,
        date=datetime.date(2023, 3, 1),
        text="Site chosen.",
        locale=english,
    )
    path = tmp_path / "katalog.json"
    call_command("export_catalogue", "-o", str(path), stderr=io.StringIO())
    first = json.loads(path.read_text(encoding="utf-8"))
    assert first["format"] == measures.EXCHANGE_FORMAT
    station_item = next(m for m in first["measures"] if m["key"] == str(station.key))
    assert station_item["fields_of_action"] == ["Mobilität"]
    assert station_item["translations"]["en"]["title"] == "Mobility hub at the station"
    assert station_item["translations"]["de"]["progress_updates"] == [
        {"date": "2023-03-01", "text": "Standort festgelegt."}
    ]

    Measure.objects.all().delete()
    out = io.StringIO()
    call_command("import_catalogue", str(path), stdout=out)
    assert "4 measures created" in out.getvalue()
    assert Measure.objects.count() == 5
    second = measures.export_catalogue()
    assert without_time(second) == without_time(first)

    # a second import leaves everything as it is
    out = io.StringIO()
    call_command("import_catalogue", str(path), stdout=out)
    assert "4 left as they were" in out.getvalue()
    assert without_time(measures.export_catalogue()) == without_time(first)


def test_importing_as_proposed_in_another_town(tmp_path, catalogue, fields):
    data = measures.export_catalogue()
    Measure.objects.all().delete()
    fields["economy"].delete()
    report = measures.import_catalogue(data, as_proposed=True)
    assert report["created"] == 4
    assert report["unmatched_fields"] == ["Wirtschaft"]
    assert set(Measure.objects.values_list("status", flat=True)) == {"proposed"}


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda d: d.update(format="other"), "not a catalogue exchange file"),
        (lambda d: d.update(version=99), "version 99 is not supported"),
        (lambda d: d["measures"][1].update(status="perhaps"), "'perhaps' is not one"),
        (lambda d: d["measures"][1].update(timeline_start="soon"), "is not a date"),
        (
            lambda d: d["measures"][2]["translations"]["de"].update(title=""),
            "a title is needed",
        ),
    ],
)
def test_a_bad_exchange_file_imports_nothing(tmp_path, catalogue, change, message):
    data = measures.export_catalogue()
    Measure.objects.all().delete()
    change(data)
    path = tmp_path / "kaputt.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_catalogue", str(path), stdout=io.StringIO())
    assert not Measure.objects.exists()


def test_the_measure_page_exists_in_every_language(client, catalogue):
    station = catalogue["station"]
    # not translated yet: the English address shows the German text
    response = client.get(url("measure_detail", station.key, lang="en"))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'lang="de">Mobilitätsstation am Bahnhof' in html
    english = Locale.objects.get_or_create(language_code="en")[0]
    translated = station.copy_for_translation(english)
    translated.title = "Mobility hub at the station"
    translated.save()
    html = client.get(url("measure_detail", station.key, lang="en")).content.decode()
    assert 'lang="en">Mobility hub at the station' in html
    html = client.get(url("measure_detail", station.key, lang="de")).content.decode()
    assert "Mobilitätsstation am Bahnhof" in html
    assert "Standort festgelegt." in html
    missing = "00000000-0000-0000-0000-000000000000"
    assert client.get(url("measure_detail", missing)).status_code == 404


CATALOGUE_QUERIES = 5  # 4 for the catalogue, 1 for the site (the menu is cached)
MEASURE_QUERIES = 6  # 5 for the measure, 1 for the site (the menu is cached)


@pytest.mark.parametrize("count", [3, 30])
def test_query_counts_do_not_grow_with_the_catalogue(
    client, collection, moderator, fields, count, django_assert_num_queries
):
    probe = MeasureFactory(title="Probe", fields=[fields["mobility"]])
    for n in range(count):
        measure = MeasureFactory(
            fields=[fields["mobility"], fields["economy"]],
            progress=[(datetime.date(2023, 1, 1), "Begonnen.")],
        )
        measures.merge_into_measure(
            [supported_idea(collection, f"Idee {n}", 1)], measure, moderator
        )
    for n in range(3):
        measures.merge_into_measure(
            [supported_idea(collection, f"Quelle {n}", 2)], probe, moderator
        )
    for path, expected in (
        (url("catalogue", lang="de"), CATALOGUE_QUERIES),
        (url("measure_detail", probe.key, lang="de"), MEASURE_QUERIES),
    ):
        assert client.get(path).status_code == 200
        with django_assert_num_queries(expected):
            response = client.get(path)
        assert response.status_code == 200


def test_the_demo_has_an_evaluation_and_a_catalogue(client, db):
    from home.demo import load_demo
    from participation.models import EvaluationProcess, Score

    load_demo()
    process = EvaluationProcess.objects.get()
    assert [c.name for c in process.criteria.all()] == [
        "Mehrwert für die Stadt",
        "Überschaubare Komplexität",
        "Ökologische Nachhaltigkeit",
        "Ökonomische Nachhaltigkeit",
        "Soziale Nachhaltigkeit",
    ]
    assert process.stages.count() == 3
    assert Score.objects.values("evaluator").distinct().count() == 2
    # six measures, each also in the demo's hand-written English
    assert Measure.objects.filter(locale__language_code="de").count() == 6
    assert Measure.objects.filter(locale__language_code="en").count() == 6
    counts = (
        Measure.objects.count(),
        MeasureSource.objects.count(),
        Score.objects.count(),
        EvaluationDecision.objects.count(),
    )
    load_demo()
    assert (
        Measure.objects.count(),
        MeasureSource.objects.count(),
        Score.objects.count(),
        EvaluationDecision.objects.count(),
    ) == counts
    reporting = Measure.objects.get(title__startswith="Digitaler Mängelmelder")
    html = client.get(url("measure_detail", reporting.key, lang="de")).content.decode()
    assert "Schäden an Rad- und Fußwegen online melden" in html
    assert "Digitaler Mängelmelder für Schlaglöcher und defekte Laternen" in html
    from cms.core.models import StandardPage

    catalogue_page = StandardPage.objects.get(slug="massnahmenkatalog")
    html = client.get(catalogue_page.url).content.decode()
    assert "Online-Terminvergabe im Bürgerbüro" in html
    assert "Measures by status per field of action" in html or (
        "Maßnahmen nach Status je Handlungsfeld" in html
    )


def test_deleting_the_last_version_of_a_measure_unlinks_its_ideas(
    collection, moderator, catalogue
):
    station = catalogue["station"]
    idea = supported_idea(collection, "Carsharing", 1)
    measures.merge_into_measure([idea], station, moderator)
    english = station.copy_for_translation(
        Locale.objects.get_or_create(language_code="en")[0]
    )
    english.save()
    station.delete()
    assert MeasureSource.objects.filter(idea=idea).exists()
    english.delete()
    assert not MeasureSource.objects.filter(idea=idea).exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises writers, so there is no race",
)
def test_an_idea_merged_into_several_measures_at_once_lands_in_one(django_user_model):
    from .test_concurrency import run_at_once

    collection = IdeaCollectionFactory()
    idea = supported_idea(collection, "Umkämpfte Idee", 2)
    user = django_user_model.objects.create_user("moderation-race")
    targets = [MeasureFactory() for _ in range(6)]

    def merge(measure):
        try:
            measures.merge_into_measure([idea], measure, user)
        except evaluation.EvaluationError:
            pass

    run_at_once(merge, [(measure,) for measure in targets])
    assert MeasureSource.objects.filter(idea=idea).count() == 1
    assert EvaluationDecision.objects.filter(idea=idea).count() == 1
