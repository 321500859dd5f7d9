"""The evaluation and the catalogue of measures in the demo: an idea check
after the Norderstedt example (five weighted criteria, three stages), scores by
two demo evaluators, the decisions on the demo ideas, six measures built from
accepted and merged ideas with their progress, and a "Maßnahmenkatalog" page
with the catalogue block.

Everything is written directly (no e-mail is sent). If the evaluation process
exists already, nothing is done, so a second run changes nothing. Measures are
translatable; their English versions are left to the translators.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Locale

from cms.core.models import StandardPage
from participation.blocks import MeasureCatalogueBlock
from participation.models import (
    DecisionKind,
    EvaluationCriterion,
    EvaluationDecision,
    EvaluationProcess,
    EvaluationStage,
    Idea,
    IdeaCollection,
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
    ScoreVisibility,
)

from .participation import FIELDS

PROCESS_TITLE = "Ideencheck der Smart-City-Strategie"

CRITERIA = [
    (
        "Mehrwert für die Stadt",
        "Bringt die Idee vielen Menschen in der Stadt einen spürbaren Nutzen?",
        2,
    ),
    (
        "Überschaubare Komplexität",
        "Lässt sich die Idee mit den Mitteln der Stadt in wenigen Jahren umsetzen?",
        1,
    ),
    (
        "Ökologische Nachhaltigkeit",
        "Spart die Idee Energie, Wege oder Flächen, oder schützt sie Klima und Natur?",
        1,
    ),
    (
        "Ökonomische Nachhaltigkeit",
        "Stehen Kosten und Nutzen auf Dauer in einem guten Verhältnis?",
        1,
    ),
    (
        "Soziale Nachhaltigkeit",
        "Können alle teilhaben, auch Menschen ohne Smartphone oder mit "
        "Einschränkungen?",
        1,
    ),
]

STAGES = [
    (
        "Eignung als Smart-City-Thema",
        "Geht es um digitale Lösungen oder Daten, die das Leben in der Stadt "
        "verbessern?",
    ),
    ("Passt zum Leitbild", "Fügt sich die Idee in Leitbild und Ziele der Strategie?"),
    ("Abschließende Prüfung", "Machbarkeit, Kosten und Zuständigkeit im Detail."),
]

EVALUATORS = [
    ("demo-arbeitsgruppe", "Arbeitsgruppe", "Verwaltung (Demo)"),
    ("demo-zukunftsbotschafterin", "Zukunftsbotschafterin", "Thesdorf (Demo)"),
]

# Scores at the first stage of the ideas still being evaluated: per idea, for
# each evaluator five (value, justification) pairs in the order of CRITERIA.
OPEN_SCORES = {
    "parking": [
        [
            (4, "Spart Pendelnden und Lieferverkehr viel Sucherei."),
            (2, "Sensoren an vielen Stellplätzen sind aufwendig."),
            (4, "Weniger Parksuchverkehr in der Innenstadt."),
            (3, "Wartung der Sensoren kostet jedes Jahr Geld."),
            (3, "Nützt vor allem Menschen mit Auto."),
        ],
        [
            (3, "Hilft in der Innenstadt, kaum in den Stadtteilen."),
            (3, "Mit einem Pilotbereich gut zu beginnen."),
            (4, "Kürzere Wege sparen Abgase."),
            (3, "Offene Daten können auch andere nutzen."),
            (2, "Wer kein Auto hat, hat nichts davon."),
        ],
    ],
    "marketplace": [
        [
            (4, "Stärkt die Läden der Innenstadt gegenüber dem Versandhandel."),
            (2, "Braucht viele teilnehmende Geschäfte und Pflege."),
            (3, "Lieferungen aus der Nähe statt aus Lagern weit weg."),
            (2, "Ähnliche Plattformen anderer Städte haben sich oft nicht getragen."),
            (3, "Lokales Einkaufen bleibt für alle erreichbar."),
        ],
        [
            (5, "Viele Händlerinnen wünschen sich das ausdrücklich."),
            (2, "Die Stadt müsste einen Betreiber finden."),
            (3, "Kurze Lieferwege."),
            (3, "Mit dem Stadtmarketing gemeinsam tragbar."),
            (4, "Auch kleine Läden können mitmachen."),
        ],
    ],
    "status": [
        [
            (4, "Erspart viele Anrufe im Bürgerbüro."),
            (3, "Hängt an den Fachverfahren der einzelnen Ämter."),
            (2, "Ökologisch kaum von Bedeutung."),
            (4, "Entlastet die Verwaltung auf Dauer."),
            (4, "Telefonische Auskunft bleibt daneben bestehen."),
        ],
        [
            (4, "Transparenz schafft Vertrauen."),
            (2, "Schnittstellen zu vielen Verfahren sind schwierig."),
            (2, "Nur wenige Wege werden gespart."),
            (3, "Anfangs teuer, später günstiger."),
            (3, "Braucht eine einfache Sprache."),
        ],
    ],
    "sensors": [
        [
            (4, "Zeigt, wo Hitze und Trockenheit die Menschen belasten."),
            (3, "Messstationen sind erprobt und bezahlbar."),
            (5, "Grundlage für klimagerechte Planung."),
            (3, "Laufende Kosten für Funk und Wartung."),
            (3, "Nutzt allen, wenn die Daten verständlich gezeigt werden."),
        ],
        [
            (3, "Nutzen erst mit guter Auswertung."),
            (4, "Kann klein anfangen und wachsen."),
            (5, "Hilft bei Bewässerung und Begrünung."),
            (3, "Fördermittel sind möglich."),
            (2, "Für viele Menschen erst einmal abstrakt."),
        ],
    ],
    "digital-help": [
        [
            (4, "Hilft genau denen, die sonst abgehängt werden."),
            (5, "Raum und Ehrenamtliche sind schon da."),
            (2, "Ökologisch neutral."),
            (4, "Kostet wenig."),
            (5, "Bringt Generationen zusammen."),
        ],
        [
            (5, "Große Nachfrage in der Bücherei."),
            (4, "Braucht nur feste Zeiten und Ansprechpersonen."),
            (2, "Kaum Einfluss auf die Umwelt."),
            (4, "Günstig im Betrieb."),
            (5, "Barrierearm und offen für alle."),
        ],
    ],
}

# Accepted ideas passed all three stages; their scores at the final stage are
# the same simple figures for both evaluators, with a short justification.
ACCEPTED_SCORES = {
    "departures": (5, 4, 4, 4, 4),
    "vacancies": (4, 4, 3, 4, 3),
    "appointments": (5, 5, 3, 5, 4),
    "care-guide": (5, 4, 2, 4, 5),
    "calendar": (4, 5, 2, 4, 5),
}

MEASURES = [
    {
        "title": "Echtzeit-Fahrgastinformation an zentralen Haltestellen",
        "fields": ["mobility"],
        "ideas": ["departures"],
        "status": MeasureStatus.DECIDED,
        "priority": MeasurePriority.HIGH,
        "unit": "Fachbereich Stadtentwicklung, Verkehrsplanung",
        "cost": "50k-250k",
        "start": datetime.date(2023, 4, 1),
        "end": datetime.date(2024, 12, 31),
        "description": (
            "<p>An den zehn meistgenutzten Haltestellen zeigen Anzeigetafeln die "
            "tatsächlichen Abfahrtszeiten. Dieselben Daten stehen offen im Netz, "
            "damit auch Apps sie nutzen können.</p>"
        ),
        "progress": [
            (
                datetime.date(2023, 3, 15),
                "Die Ratsversammlung hat die Maßnahme beschlossen.",
            ),
            (
                datetime.date(2023, 9, 1),
                "Gespräche mit dem Verkehrsverbund über die Datenschnittstelle laufen.",
            ),
        ],
    },
    {
        "title": "Digitaler Mängelmelder für Wege, Straßen und Laternen",
        "fields": ["mobility", "administration"],
        "ideas": ["path-damage", "defects"],
        "status": MeasureStatus.IN_PROGRESS,
        "priority": MeasurePriority.HIGH,
        "unit": "Fachbereich Bürgerservice und Tiefbau",
        "cost": "10k-50k",
        "start": datetime.date(2023, 1, 1),
        "end": datetime.date(2023, 12, 31),
        "description": (
            "<p>Schäden an Rad- und Fußwegen, Schlaglöcher und defekte Laternen "
            "lassen sich mit Foto und Ort melden. Wer meldet, sieht, wann der "
            "Schaden behoben ist.</p>"
        ),
        "progress": [
            (datetime.date(2023, 2, 1), "Die Ausschreibung ist veröffentlicht."),
            (
                datetime.date(2023, 6, 15),
                "Der Testbetrieb mit der Verwaltung hat begonnen.",
            ),
        ],
    },
    {
        "title": "Online-Terminvergabe im Bürgerbüro",
        "fields": ["administration"],
        "ideas": ["appointments"],
        "status": MeasureStatus.DONE,
        "priority": MeasurePriority.MEDIUM,
        "unit": "Bürgerbüro",
        "cost": "lt10k",
        "start": datetime.date(2022, 9, 1),
        "end": datetime.date(2023, 3, 31),
        "description": (
            "<p>Termine im Bürgerbüro lassen sich rund um die Uhr buchen, "
            "verschieben und absagen. Telefonisch geht es weiterhin.</p>"
        ),
        "progress": [
            (datetime.date(2023, 4, 3), "Die Terminbuchung ist online."),
        ],
    },
    {
        "title": "Leerstandskataster für Gewerbeflächen",
        "fields": ["economy"],
        "ideas": ["vacancies"],
        "status": MeasureStatus.PROPOSED,
        "priority": MeasurePriority.MEDIUM,
        "unit": "Wirtschaftsförderung",
        "cost": "10k-50k",
        "start": None,
        "end": None,
        "description": (
            "<p>Eine Karte zeigt freie Läden und Gewerbeflächen mit Größe und "
            "Ansprechstelle, gepflegt gemeinsam mit den Eigentümerinnen und "
            "Eigentümern.</p>"
        ),
        "progress": [],
    },
    {
        "title": "Wegweiser zu Pflege, Beratung und Gesundheit",
        "fields": ["living"],
        "ideas": ["care-guide"],
        "status": MeasureStatus.DECIDED,
        "priority": MeasurePriority.HIGH,
        "unit": "Fachbereich Soziales",
        "cost": "10k-50k",
        "start": datetime.date(2023, 6, 1),
        "end": datetime.date(2024, 6, 30),
        "description": (
            "<p>Alle Angebote für Pflege, Beratung und Gesundheit in der Stadt an "
            "einem Ort, in einfacher Sprache und auch als gedrucktes Heft.</p>"
        ),
        "progress": [
            (datetime.date(2023, 5, 10), "Der Sozialausschuss hat zugestimmt."),
        ],
    },
    {
        "title": "Gemeinsamer Veranstaltungskalender",
        "fields": ["community"],
        "ideas": ["calendar"],
        "status": MeasureStatus.IN_PROGRESS,
        "priority": MeasurePriority.MEDIUM,
        "unit": "Fachbereich Kultur und Stadtmarketing",
        "cost": "lt10k",
        "start": datetime.date(2023, 2, 1),
        "end": datetime.date(2023, 10, 31),
        "description": (
            "<p>Vereine, Kultur und Stadt tragen ihre Termine in einen Kalender "
            "ein, der auf der Website und als Abonnement für das Handy "
            "erscheint.</p>"
        ),
        "progress": [
            (datetime.date(2023, 3, 20), "Erste Vereine testen die Eingabe."),
        ],
    },
]

CATALOGUE_PAGE = {
    "title": "Maßnahmenkatalog",
    "slug": "massnahmenkatalog",
    "seo_title": "Maßnahmenkatalog der Smart-City-Strategie",
    "search_description": (
        "Welche Maßnahmen aus den Ideen der Bürgerinnen und Bürger entstanden "
        "sind und wie weit sie umgesetzt sind."
    ),
    "introduction": (
        "Aus den Ideen der Beteiligung sind Maßnahmen geworden. Hier sehen Sie, "
        "woher jede Maßnahme kommt, wer sie verantwortet und wie weit sie ist."
    ),
    "heading": "Alle Maßnahmen",
    "intro": (
        "Die Arbeitsgruppe hat alle Ideen in drei Stufen anhand von fünf "
        "Kriterien bewertet. Ähnliche Ideen wurden zu Maßnahmen zusammengeführt; "
        "die Unterstützungen der Ideen zählen zusammen."
    ),
}


def titles_by_key():
    return {
        item["key"]: item["title"] for data in FIELDS.values() for item in data["ideas"]
    }


def reasons_by_key():
    return {
        item["key"]: item["reason"]
        for data in FIELDS.values()
        for item in data["ideas"]
    }


class DemoEvaluation:
    """Builds the demo's evaluation and catalogue once."""

    def __init__(self, builder):
        self.builder = builder
        self.now = timezone.now()
        self.locale = Locale.get_default()

    def build(self):
        project = self.builder.refs["project"]
        self.builder.child(
            project, StandardPage, CATALOGUE_PAGE["slug"], self.catalogue_page
        )
        if EvaluationProcess.objects.filter(title=PROCESS_TITLE).exists():
            return
        collections = list(
            IdeaCollection.objects.filter(title__endswith="Ideensammlung")
        )
        titles = titles_by_key()
        ideas = {
            idea.title: idea for idea in Idea.objects.filter(collection__in=collections)
        }
        self.ideas = {
            key: ideas[title] for key, title in titles.items() if title in ideas
        }
        if not self.ideas:
            return
        self.process = EvaluationProcess.objects.create(
            title=PROCESS_TITLE,
            score_visibility=ScoreVisibility.AFTER_OWN,
            public_scorecard=True,
            score_weight=80,
            support_weight=20,
        )
        self.process.collections.set(collections)
        self.process.save()
        self.criteria = [
            EvaluationCriterion.objects.create(
                process=self.process,
                name=name,
                description=description,
                weight=weight,
                scale_min=0,
                scale_max=5,
                sort_order=position,
            )
            for position, (name, description, weight) in enumerate(CRITERIA)
        ]
        self.stages = [
            EvaluationStage.objects.create(
                process=self.process, name=name, description=description, sort_order=n
            )
            for n, (name, description) in enumerate(STAGES)
        ]
        self.evaluators = self.ensure_evaluators()
        self.evaluate()
        self.build_measures()
        self.builder.participation.created += 1 + len(MEASURES)

    def catalogue_page(self):
        name = _block_name(MeasureCatalogueBlock)
        body = []
        if name is not None:
            body.append(
                {
                    "type": name,
                    "value": {
                        "heading": CATALOGUE_PAGE["heading"],
                        "intro": CATALOGUE_PAGE["intro"],
                    },
                }
            )
        return StandardPage(
            title=CATALOGUE_PAGE["title"],
            seo_title=CATALOGUE_PAGE["seo_title"],
            search_description=CATALOGUE_PAGE["search_description"],
            introduction=CATALOGUE_PAGE["introduction"],
            body=body,
            show_in_menus=True,
        )

    def ensure_evaluators(self):
        group = Group.objects.get(name="Evaluators")
        users = []
        for username, first, last in EVALUATORS:
            user, created = get_user_model().objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.org",
                },
            )
            if created:
                user.set_unusable_password()
                user.save()
            user.groups.add(group)
            users.append(user)
        return users

    def score(self, idea, stage, values):
        for evaluator, given in zip(self.evaluators, values, strict=True):
            for criterion, (value, text) in zip(self.criteria, given, strict=True):
                Score.objects.create(
                    idea=idea,
                    stage=stage,
                    criterion=criterion,
                    evaluator=evaluator,
                    value=value,
                    justification=text,
                    updated_at=self.now,
                )

    def decide(self, idea, stage, kind, reason="", **targets):
        EvaluationDecision.objects.create(
            idea=idea,
            stage=stage,
            kind=kind,
            reason=reason,
            decided_at=self.now,
            **targets,
        )

    def evaluate(self):
        first, second, last = self.stages
        reasons = reasons_by_key()
        for key, values in OPEN_SCORES.items():
            idea = self.ideas.get(key)
            if idea is None:
                continue
            IdeaEvaluation.objects.create(idea=idea, process=self.process, stage=first)
            self.score(idea, first, values)
        for key, figures in ACCEPTED_SCORES.items():
            idea = self.ideas.get(key)
            if idea is None:
                continue
            IdeaEvaluation.objects.create(
                idea=idea,
                process=self.process,
                stage=last,
                outcome=Outcome.ACCEPTED,
                decided_at=self.now,
            )
            given = [(value, "Erfüllt das Kriterium gut.") for value in figures]
            self.score(idea, last, [given, given])
            self.decide(idea, first, DecisionKind.ADVANCE)
            self.decide(idea, second, DecisionKind.ADVANCE)
            self.decide(idea, last, DecisionKind.ACCEPT, reasons.get(key, ""))
        for idea in self.ideas.values():
            if idea.status != IdeaStatus.NOT_PURSUED:
                continue
            IdeaEvaluation.objects.create(
                idea=idea,
                process=self.process,
                stage=first,
                outcome=Outcome.NOT_PURSUED,
                decided_at=self.now,
            )
            self.decide(idea, first, DecisionKind.NOT_PURSUED, idea.status_reason)

    def build_measures(self):
        pages = self.builder.fields
        for data in MEASURES:
            measure = Measure.objects.filter(
                title=data["title"], locale=self.locale
            ).first()
            if measure is not None:
                continue
            measure = Measure(
                locale=self.locale,
                title=data["title"],
                description=data["description"],
                status=data["status"],
                priority=data["priority"],
                responsible_unit=data["unit"],
                cost_range=data["cost"],
                timeline_start=data["start"],
                timeline_end=data["end"],
            )
            measure.fields_of_action = [
                MeasureFieldOfAction(page=pages[key], sort_order=n)
                for n, key in enumerate(data["fields"])
                if key in pages
            ]
            measure.progress_updates = [
                MeasureProgress(date=date, text=text, locale=self.locale, sort_order=n)
                for n, (date, text) in enumerate(data["progress"])
            ]
            measure.save()
            reason = f"Die Idee ist Teil der Maßnahme „{measure.title}“."
            for key in data["ideas"]:
                idea = self.ideas.get(key)
                if idea is None:
                    continue
                MeasureSource.objects.get_or_create(
                    idea=idea, defaults={"measure_key": measure.translation_key}
                )
                self.decide(
                    idea,
                    None,
                    DecisionKind.MERGE_MEASURE,
                    reason,
                    target_measure_key=measure.translation_key,
                )
                if idea.status != IdeaStatus.ACCEPTED:
                    idea.status = IdeaStatus.ACCEPTED
                    idea.status_reason = reason
                    idea.save(update_fields=["status", "status_reason"])


def _block_name(block_class):
    stream_block = StandardPage._meta.get_field("body").stream_block
    for name, block in stream_block.child_blocks.items():
        if isinstance(block, block_class):
            return name
    return None


def build_evaluation(builder):
    """Add the demo's evaluation and catalogue of measures (idempotent)."""
    DemoEvaluation(builder).build()
