"""Realistic German test data for benchmarks and load tests: participants, ideas
with supports and discussions, and a page's comment stream with replies.

Everything is written with bulk_create, so that thousands of rows take seconds;
the denormalised counters are counted while the data is planned.
No text here names a real town, person or address.
"""

import dataclasses
import datetime
import random
import secrets

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from . import fragments
from .models import (
    Category,
    CommentStream,
    DiscussionComment,
    Idea,
    IdeaCollection,
    IdeaStatus,
    Participant,
    Support,
    Visibility,
)
from .signals import placed_spaces

CATEGORIES = ["Verkehr", "Umwelt und Klima", "Digitales Rathaus", "Zusammenleben"]

THINGS = [
    "Mehr Fahrradbügel",
    "Eine sichere Querungshilfe",
    "Digitale Abfahrtsanzeigen",
    "Mehr Sitzbänke",
    "Ein Trinkwasserbrunnen",
    "Freies WLAN",
    "Ladesäulen für E-Autos",
    "Bessere Beleuchtung",
    "Ein Carsharing-Stellplatz",
    "Mehr Bäume und Beete",
    "Eine Station für Leih-Lastenräder",
    "Tempo 30",
    "Ein offener Bücherschrank",
    "Ein Treffpunkt für Jugendliche",
    "Abgesenkte Bordsteine",
    "Sensoren für freie Parkplätze",
    "Eine Paketstation",
    "Ein Reparaturcafé",
    "Eine öffentliche Toilette",
    "Ein Sonnensegel",
    "Eine überdachte Fahrradgarage",
    "Ein digitaler Mängelmelder",
    "Eine Mitfahrbank",
    "Ein Gemeinschaftsgarten",
    "Eine Anzeige mit der Luftqualität",
    "Ein Tauschregal",
]

PLACES = [
    "am Bahnhof",
    "in der Innenstadt",
    "am Marktplatz",
    "vor der Grundschule",
    "im Stadtpark",
    "an der Bushaltestelle beim Rathaus",
    "im Neubaugebiet",
    "in der Nordstadt",
    "im Ortsteil Süd",
    "am Sportplatz",
    "an der Bücherei",
    "am Friedhof",
    "beim Schwimmbad",
    "in der Fußgängerzone",
    "am Gewerbegebiet",
    "an der Kita am Mühlenweg",
    "im Wohngebiet am Waldrand",
    "am Seniorenheim",
]

PROBLEMS = [
    "Morgens ist es dort oft unübersichtlich, besonders für Kinder.",
    "Gerade ältere Menschen haben dort im Moment große Schwierigkeiten.",
    "Viele Nachbarinnen und Nachbarn wünschen sich dort schon lange eine Lösung.",
    "Im Sommer wird es dort sehr heiß, und es gibt kaum Schatten.",
    "Abends ist es dort so dunkel, dass sich viele unsicher fühlen.",
    "Wer dort mit dem Rad ankommt, findet keinen sicheren Abstellplatz.",
    "Die Wege sind dort für Rollstühle und Kinderwagen kaum zu schaffen.",
    "Wer ohne Auto unterwegs ist, hat dort keine gute Verbindung.",
    "Es fehlt ein Ort, an dem man sich ohne Verabredung treffen kann.",
    "Die Informationen dazu sind heute schwer zu finden.",
    "Zu Stoßzeiten kreisen dort viele Autos auf der Suche nach einem Platz.",
    "Bei Starkregen steht dort regelmäßig das Wasser.",
]

PROPOSALS = [
    "Mein Vorschlag: {thing} {place}.",
    "Ich wünsche mir deshalb: {thing} {place}.",
    "Eine einfache Lösung wäre: {thing} {place}.",
    "Wie wäre es mit folgender Idee: {thing} {place}?",
]

BENEFITS = [
    "Das würde vielen Menschen den Alltag erleichtern.",
    "Davon hätten Jung und Alt etwas.",
    "Das kostet wenig und wirkt sofort.",
    "So würden mehr Menschen auf das Auto verzichten.",
    "Das wäre gut für das Klima und für die Gesundheit.",
    "Andere Städte haben damit gute Erfahrungen gemacht.",
    "Damit würde der Ort deutlich freundlicher.",
    "Die Daten könnten offen für alle bereitgestellt werden.",
]

CLOSERS = [
    "Was meinen Sie dazu?",
    "Ich helfe gern bei der Umsetzung mit.",
    "Vielleicht lässt sich das zuerst als Versuch ausprobieren.",
    "Ich bin gespannt auf Ihre Rückmeldungen.",
    "",
    "",
]

COMMENTS = [
    "Gute Idee, das unterstütze ich.",
    "Das sehe ich genauso, gerade mit Kindern merkt man das jeden Tag.",
    "Ich bin skeptisch, ob das wirklich viel ändert.",
    "Wer soll das bezahlen? Das sollte man vorher klären.",
    "Das gab es früher schon einmal, leider wurde es wieder abgeschafft.",
    "Ich wohne direkt daneben und kann das nur bestätigen.",
    "Wichtig wäre, dass es auch ohne Smartphone funktioniert.",
    "Bitte dabei auch an Menschen mit Behinderung denken.",
    "Das ließe sich gut mit der Idee zur Beleuchtung verbinden.",
    "Eine Umfrage unter den Anwohnenden wäre ein guter erster Schritt.",
    "In der Nachbarstadt klappt so etwas schon sehr gut.",
    "Ich fände es besser, das Geld in die Sanierung der Wege zu stecken.",
    "Unbedingt! Darauf warten viele schon lange.",
    "Klingt gut, aber wer kümmert sich um die Pflege?",
    "Vielleicht könnte ein Verein die Patenschaft übernehmen.",
    "Die Schule würde sich sicher beteiligen.",
    "Bitte auch die Zeiten am Wochenende bedenken.",
    "Ein Versuch für ein halbes Jahr wäre ein guter Anfang.",
    "Mir fehlt bisher eine Übersicht, wo es so etwas schon gibt.",
    "Die Daten dazu sollten offen zugänglich sein.",
]

REPLIES = [
    "Da stimme ich Ihnen zu.",
    "Das sehe ich anders, aber danke für den Hinweis.",
    "Guter Punkt, daran hatte ich nicht gedacht.",
    "Genau das habe ich auch erlebt.",
    "Ich glaube, die Kosten wären überschaubar.",
    "Vielleicht kann die Stadt dazu einmal etwas sagen?",
    "Das wäre eine gute Ergänzung.",
    "Ich melde mich gern, wenn Hilfe gebraucht wird.",
]

OFFICIAL = [
    "Vielen Dank für die Anregung. Wir prüfen den Vorschlag gemeinsam mit dem "
    "zuständigen Fachbereich und melden uns hier wieder.",
    "Danke für die vielen Beiträge! Die Hinweise fließen in die Bewertung der "
    "Ideen ein.",
    "Der Vorschlag wird in der nächsten Workshop-Runde besprochen. Sie sind "
    "herzlich eingeladen, dabei zu sein.",
    "Eine ähnliche Maßnahme ist bereits in Planung. Wir informieren hier, "
    "sobald es einen Zeitplan gibt.",
]

NOT_PURSUED = [
    "Die Fläche gehört nicht der Stadt; eine Umsetzung ist dort nicht möglich.",
    "Der Aufwand steht nach unserer Prüfung in keinem Verhältnis zum Nutzen.",
    "Dafür ist der Kreis zuständig. Wir haben den Vorschlag dorthin weitergegeben.",
]

DISPLAY_NAMES = [
    "Anwohnerin aus der Nordstadt",
    "Radfahrer",
    "Pendlerin",
    "Rentner aus der Innenstadt",
    "Mutter von zwei Kindern",
    "Schülerin",
    "Nachbar vom Marktplatz",
    "Vereinsmitglied",
    "Inhaberin eines Ladens",
    "Neu zugezogen",
]


def paragraph(rng, *pools):
    return " ".join(text for pool in pools if (text := rng.choice(pool)))


def idea_text(rng):
    """A title and a description of a few sentences."""
    thing, place = rng.choice(THINGS), rng.choice(PLACES)
    title = f"{thing} {place}"
    proposal = rng.choice(PROPOSALS).format(thing=thing, place=place)
    description = " ".join(
        part
        for part in (
            rng.choice(PROBLEMS),
            proposal,
            rng.choice(BENEFITS),
            rng.choice(CLOSERS),
        )
        if part
    )
    return title, description


def comment_text(rng):
    return " ".join(rng.sample(COMMENTS, rng.choice((1, 1, 2, 2, 3))))


def reply_text(rng):
    return paragraph(rng, REPLIES, ["", "", *COMMENTS])


@dataclasses.dataclass
class SeedResult:
    participants: int = 0
    ideas: int = 0
    supports: int = 0
    comments: int = 0


def recount(collection=None, streams=()):
    """Set the denormalised counters from the rows: supports and visible comments
    of the collection's ideas, visible replies of comments in the streams (and in
    those ideas' discussions). One UPDATE per table."""
    visible = Q(
        confirmed_at__isnull=False,
        visibility=Visibility.PUBLISHED,
        withdrawn_at__isnull=True,
    )

    def counted(queryset, field):
        return Coalesce(
            Subquery(
                queryset.order_by()
                .values(field)
                .annotate(n=Count("pk"))
                .values("n")[:1],
                output_field=IntegerField(),
            ),
            Value(0),
        )

    stream_ids = set(streams)
    if collection is not None:
        ideas = Idea.objects.filter(collection=collection)
        ideas.update(
            support_count=counted(
                Support.objects.filter(idea_id=OuterRef("pk")), "idea_id"
            ),
            comment_count=counted(
                DiscussionComment.objects.filter(
                    visible, stream_id=OuterRef("discussion_id")
                ),
                "stream_id",
            ),
        )
        stream_ids |= set(ideas.values_list("discussion_id", flat=True))
    DiscussionComment.objects.filter(
        stream_id__in=stream_ids, parent__isnull=True
    ).update(
        reply_count=counted(
            DiscussionComment.objects.filter(visible, parent_id=OuterRef("pk")),
            "parent_id",
        )
    )


def spaces_on(page):
    """(collection, stream): the first idea collection and comment stream placed
    on the page with a block; None where there is none."""
    collection = stream = None
    for space in placed_spaces(page):
        if isinstance(space, IdeaCollection):
            collection = collection or space
        elif isinstance(space, CommentStream):
            stream = stream or space
    return collection, stream


def body_block_name(page, block_class, field_name="body"):
    """The name under which the page's StreamField offers a block class, or None."""
    value = getattr(page, field_name, None)
    stream_block = getattr(value, "stream_block", None)
    if stream_block is None:
        return None
    for name, block in stream_block.child_blocks.items():
        if isinstance(block, block_class):
            return name
    return None


def place_on_page(page, blocks, field_name="body", user=None):
    """Append blocks to the page's StreamField and publish a new revision.

    blocks: (block class, value) pairs, the value as raw data, e.g.
    (IdeaCollectionBlock, {"heading": ..., "intro": ..., "collection": pk}).
    Raises LookupError if the field does not offer one of the blocks.
    """
    raw = list(getattr(page, field_name).raw_data)
    for block_class, value in blocks:
        name = body_block_name(page, block_class, field_name)
        if name is None:
            raise LookupError(
                f"The page '{page.title}' offers no {block_class.__name__} in "
                f"its field '{field_name}'."
            )
        raw.append({"type": name, "value": value})
    setattr(page, field_name, raw)
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page


def ensure_categories(collection, locale):
    """The collection's categories; four general ones are made if it has none."""
    categories = list(collection.categories.all())
    if categories:
        return categories
    categories = [
        Category.objects.get_or_create(name=name, locale=locale)[0]
        for name in CATEGORIES
    ]
    collection.categories.add(*categories)
    return categories


def seed(
    collection,
    stream,
    *,
    ideas,
    comments,
    staff_user=None,
    rng=None,
    now=None,
    locale=None,
):
    """Fill collection with `ideas` ideas and spread `comments` comments over the
    page's stream (about half) and the ideas' discussions.

    Everything is planned in memory first, with the counters (supports, comments,
    replies) counted as it is planned, and then inserted in bulk; no row needs
    an UPDATE afterwards."""
    from wagtail.models import Locale

    rng = rng or random.Random()
    now = now or timezone.now()
    locale = locale or Locale.get_default()
    language = settings.LANGUAGE_CODE
    categories = ensure_categories(collection, locale)
    span = datetime.timedelta(days=120)

    def moment():
        return now - span * rng.random() ** 1.5

    # Participants: about one for every two ideas, so that popular ideas can
    # collect many supports.
    run = secrets.token_hex(3)
    people = []
    for number in range(max(60, ideas // 2, comments // 20)):
        joined = moment()
        people.append(
            Participant(
                email=f"seed-{run}-{number}@example.org",
                display_name=rng.choice(DISPLAY_NAMES) if rng.random() < 0.6 else "",
                language=language,
                created_at=joined,
                confirmed_at=joined + datetime.timedelta(minutes=5),
            )
        )

    drafts = sorted(
        (
            _plan_idea(rng, collection, people, categories, moment(), language)
            for _number in range(ideas)
        ),
        key=lambda idea: idea.created_at,
    )
    public = [idea for idea in drafts if idea.visibility == Visibility.PUBLISHED]

    # Supports: a few ideas collect many, most collect some.
    supports = []
    for idea in public:
        wanted = min(len(people), int(rng.paretovariate(1.3)) - 1)
        for participant in rng.sample(people, wanted):
            supports.append(
                Support(
                    idea=idea,
                    participant=participant,
                    created_at=idea.created_at + datetime.timedelta(hours=1),
                )
            )
        idea.support_count = wanted

    # Comments: half on the page's stream, half on the ideas' discussions, a
    # third of them replies; a few written as the town. `where` is an idea, or
    # None for the page's stream.
    top, replies = [], []
    if stream is None and not public:
        comments = 0
    for number in range(comments):
        on_page = stream is not None and (number % 2 == 0 or not public)
        where = None if on_page else rng.choice(public)
        since = now - span if on_page else where.created_at
        official = staff_user is not None and rng.random() < 0.02
        author = None if official else rng.choice(people)
        comment = DiscussionComment(
            participant=author,
            staff_author=staff_user if official else None,
            is_official=official,
            display_name=author.display_name if author else "",
            language=language,
            visibility=_comment_visibility(rng),
            confirmed_at=now,  # set to the time of writing below
        )
        if top and rng.random() < 0.33:
            parent, parent_idea = rng.choice(top)
            comment.text = rng.choice(OFFICIAL) if official else reply_text(rng)
            comment.created_at = (
                parent.created_at + (now - parent.created_at) * rng.random()
            )
            replies.append((comment, parent, parent_idea))
            if comment.is_visible:
                parent.reply_count += 1
            where = parent_idea
        else:
            comment.text = rng.choice(OFFICIAL) if official else comment_text(rng)
            comment.created_at = since + (now - since) * rng.random()
            top.append((comment, where))
        comment.confirmed_at = comment.created_at
        if where is not None and comment.is_visible:
            where.comment_count += 1

    # Insert in dependency order.
    Participant.objects.bulk_create(people, batch_size=1000)
    discussions = CommentStream.objects.bulk_create(
        [
            CommentStream(
                title=idea.title[:150],
                moderation=collection.comment_moderation,
                page_id=collection.page_id,
                created_at=idea.created_at,
            )
            for idea in drafts
        ],
        batch_size=1000,
    )
    for idea, discussion in zip(drafts, discussions, strict=True):
        idea.discussion = discussion
    Idea.objects.bulk_create(drafts, batch_size=500)
    merged = [idea for idea in public if idea.status == IdeaStatus.MERGED]
    targets = [idea for idea in public if idea.status != IdeaStatus.MERGED]
    for idea in merged:
        idea.merged_into = rng.choice(targets) if targets else None
        if idea.merged_into is None:
            idea.status = IdeaStatus.PUBLISHED
    Idea.objects.bulk_update(merged, ["merged_into", "status"], batch_size=500)
    Support.objects.bulk_create(supports, batch_size=1000)
    for comment, idea in top:
        comment.stream = idea.discussion if idea is not None else stream
    top_comments = sorted((c for c, _idea in top), key=lambda c: c.created_at)
    DiscussionComment.objects.bulk_create(top_comments, batch_size=500)
    for comment, parent, _idea in replies:
        comment.stream = parent.stream
        comment.parent = parent
    DiscussionComment.objects.bulk_create(
        sorted((c for c, _parent, _idea in replies), key=lambda c: c.created_at),
        batch_size=500,
    )
    # bulk_create sends no signals: forget cached blocks by hand
    fragments.content_changed()
    return SeedResult(
        participants=len(people),
        ideas=len(drafts),
        supports=len(supports),
        comments=len(top) + len(replies),
    )


def _plan_idea(rng, collection, people, categories, written, language):
    """An unsaved idea in a random but plausible state."""
    title, description = idea_text(rng)
    author = rng.choice(people)
    roll = rng.random()
    visibility, status, reason = Visibility.PUBLISHED, IdeaStatus.PUBLISHED, ""
    if roll < 0.03:
        visibility, status = Visibility.PENDING, IdeaStatus.SUBMITTED
    elif roll < 0.05:
        visibility = Visibility.HIDDEN
    elif roll < 0.20:
        status = IdeaStatus.UNDER_EVALUATION
    elif roll < 0.28:
        status = IdeaStatus.ACCEPTED
    elif roll < 0.34:
        status, reason = IdeaStatus.NOT_PURSUED, rng.choice(NOT_PURSUED)
    elif roll < 0.38:
        status = IdeaStatus.MERGED
    answered = status in (IdeaStatus.ACCEPTED, IdeaStatus.NOT_PURSUED) or (
        status == IdeaStatus.UNDER_EVALUATION and rng.random() < 0.5
    )
    return Idea(
        collection=collection,
        participant=author,
        display_name=author.display_name,
        language=language,
        title=title,
        description=description,
        category=rng.choice(categories),
        location_text=title.split(" ", 2)[-1] if rng.random() < 0.3 else "",
        visibility=visibility,
        moderation_reason=(
            "Enthält personenbezogene Daten." if visibility == Visibility.HIDDEN else ""
        ),
        status=status,
        status_reason=reason,
        official_answer=rng.choice(OFFICIAL) if answered else "",
        answered_at=written + datetime.timedelta(days=3) if answered else None,
        created_at=written,
        confirmed_at=written + datetime.timedelta(minutes=3),
        support_count=0,
        comment_count=0,
    )


def _comment_visibility(rng):
    roll = rng.random()
    if roll < 0.02:
        return Visibility.PENDING
    if roll < 0.04:
        return Visibility.HIDDEN
    return Visibility.PUBLISHED
