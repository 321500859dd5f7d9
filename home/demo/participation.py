"""Participation in the demo: for every field of action an idea collection with
its categories and a comment stream, placed on the field page, plus ideas,
supports, comments and answers of the town in several statuses.

Citizens are demo addresses at example.org, created as confirmed; their ideas
and comments are written directly, so loading the demo sends no e-mail. The
counters are recounted at the end. A field whose idea collection exists already
is left alone, so a second run changes nothing.
"""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import Locale

from participation import services
from participation.blocks import CommentStreamBlock, IdeaCollectionBlock
from participation.models import (
    POST_MODERATION,
    CannedReply,
    Category,
    CommentStream,
    DiscussionComment,
    Idea,
    IdeaCollection,
    IdeaStatus,
    Participant,
    Report,
    Support,
    Visibility,
)
from participation.seeding import body_block_name, place_on_page, recount

STAFF_USERNAME = "stadtverwaltung"
OPEN_DAYS = 180  # the collections stay open this long from the first run

CANNED_REPLIES = [
    (
        "Verstößt gegen die Grundsätze der Zusammenarbeit",
        "Dieser Beitrag verstößt gegen unsere Grundsätze der Zusammenarbeit und "
        "wird deshalb nicht angezeigt. Bitte bleiben Sie sachlich und respektvoll.",
    ),
    (
        "Enthält personenbezogene Daten",
        "Der Beitrag enthält Namen, Adressen oder andere Angaben zu Personen. Zum "
        "Schutz der Betroffenen zeigen wir ihn nicht an. Gern können Sie ihn ohne "
        "diese Angaben noch einmal schreiben.",
    ),
    (
        "Werbung",
        "Werbung für Produkte, Firmen oder Parteien veröffentlichen wir hier nicht.",
    ),
    (
        "Nicht zum Thema",
        "Der Beitrag passt nicht zu diesem Handlungsfeld. Für allgemeine Anliegen "
        "erreichen Sie das Projektbüro unter smartcity@example.org.",
    ),
]

# Demo participants: example addresses, no real people. An empty display name
# is shown as "anonymous".
PEOPLE = {
    "thesdorf": ("demo-thesdorf@example.org", "Anwohnerin aus Thesdorf"),
    "pendler": ("demo-pendler@example.org", "Pendler aus Waldenau"),
    "rad": ("demo-rad@example.org", "Radfahrerin"),
    "senior": ("demo-senior@example.org", "Rentner aus der Innenstadt"),
    "handel": ("demo-handel@example.org", "Einzelhändlerin aus der Innenstadt"),
    "schule": ("demo-schule@example.org", "Schüler der Oberstufe"),
    "quellental": ("demo-quellental@example.org", "Vater aus Quellental"),
    "verein": ("demo-verein@example.org", "Engagiert im Sportverein"),
    "handwerk": ("demo-handwerk@example.org", "Handwerksmeister"),
    "pflege": ("demo-pflege@example.org", "Pflegekraft"),
    "anonym1": ("demo-anonym1@example.org", ""),
    "anonym2": ("demo-anonym2@example.org", ""),
}

# The town's answers are written as comments marked "official" and as the
# official answer of an idea; "STADT" marks them below.
STADT = "stadt"

COLLECTION_INTRO = (
    "Was sollte sich in diesem Handlungsfeld ändern? Beschreiben Sie Ihre Idee "
    "kurz und konkret. Andere können sie unterstützen und kommentieren; die "
    "Arbeitsgruppe bewertet alle Ideen anhand der Kriterien der Strategie und "
    "meldet sich hier zurück."
)
STREAM_INTRO = (
    "Fragen, Hinweise und Anregungen zum Handlungsfeld insgesamt. Für einen "
    "konkreten Vorschlag nutzen Sie bitte die Ideensammlung."
)


def idea(key, title, description, category, author, days, supporters, **more):
    """One demo idea; more: status, reason, merged_into (key), location, answer,
    comments [(author, text, [(author, text), ...])]."""
    return {
        "key": key,
        "title": title,
        "description": description,
        "category": category,
        "author": author,
        "days": days,
        "supporters": supporters,
        "status": more.get("status", IdeaStatus.PUBLISHED),
        "reason": more.get("reason", ""),
        "merged_into": more.get("merged_into"),
        "location": more.get("location", ""),
        "answer": more.get("answer", ""),
        "comments": more.get("comments", []),
    }


FIELDS = {
    "mobility": {
        "categories": [
            ("Radverkehr", "Radwege, Abstellplätze, Sicherheit auf dem Rad"),
            ("ÖPNV", "Bus und Bahn, Haltestellen, Fahrgastinformation"),
            ("Parken und Laden", "Parkraum und Ladesäulen für Elektrofahrzeuge"),
            ("Sharing", "Leihräder, Lastenräder, Carsharing"),
        ],
        "allow_image": True,
        "ideas": [
            idea(
                "parking",
                "Freie Parkplätze und Ladesäulen in Echtzeit anzeigen",
                "Wer in die Innenstadt fährt, kreist oft lange auf der Suche nach "
                "einem Platz. Eine Karte im Internet, die freie Stellplätze und "
                "Ladesäulen in Echtzeit zeigt, würde Zeit sparen und weniger "
                "Verkehr in der Innenstadt bedeuten.",
                "Parken und Laden",
                "pendler",
                41,
                7,
                status=IdeaStatus.UNDER_EVALUATION,
                location="Innenstadt",
                answer=(
                    "Vielen Dank für den Vorschlag! Wir prüfen gerade, welche "
                    "Parkflächen sich mit Sensoren ausstatten lassen und ob die "
                    "Daten offen für alle bereitgestellt werden können. Das "
                    "Ergebnis stellen wir in der zweiten Workshop-Runde vor."
                ),
                comments=[
                    (
                        "rad",
                        "Gute Idee – aber bitte nicht nur für Autos. Freie "
                        "Fahrradstellplätze am Bahnhof könnte man genauso anzeigen.",
                        [("pendler", "Stimmt, das ließe sich gut verbinden.")],
                    ),
                ],
            ),
            idea(
                "departures",
                "Abfahrtszeiten in Echtzeit an den wichtigsten Haltestellen",
                "An vielen Haltestellen weiß man nicht, ob der Bus schon weg ist "
                "oder nur Verspätung hat. Digitale Anzeigen mit den tatsächlichen "
                "Abfahrtszeiten würden helfen – am besten auch mit Ansage für "
                "Menschen, die schlecht sehen.",
                "ÖPNV",
                "senior",
                38,
                9,
                status=IdeaStatus.ACCEPTED,
                location="Bahnhof und Haltestellen in der Innenstadt",
                answer=(
                    "Die Arbeitsgruppe hat die Idee beim Mehrwert und bei der "
                    "sozialen Nachhaltigkeit hoch bewertet. Sie wird in den "
                    "Maßnahmenkatalog aufgenommen; zuerst sollen die Haltestellen "
                    "mit den meisten Fahrgästen Anzeigen bekommen."
                ),
                comments=[
                    (
                        "schule",
                        "Morgens vor der Schule wäre das eine echte Hilfe.",
                        [],
                    ),
                ],
            ),
            idea(
                "bikeboxes",
                "Sichere Fahrradboxen am Bahnhof online buchen",
                "Viele würden mit dem Rad zum Bahnhof fahren, haben aber Sorge um "
                "ihr Fahrrad. Abschließbare Boxen, die man im Internet für einen "
                "Tag oder einen Monat bucht, wären eine einfache Lösung.",
                "Radverkehr",
                "rad",
                33,
                6,
                location="Bahnhof",
                comments=[
                    (
                        "quellental",
                        "Bitte auch an Lastenräder und Kinderanhänger denken, die "
                        "passen in normale Boxen nicht hinein.",
                        [
                            (
                                STADT,
                                "Danke für den Hinweis, den nehmen wir in die "
                                "Planung mit.",
                            )
                        ],
                    ),
                ],
            ),
            idea(
                "path-damage",
                "Schäden an Rad- und Fußwegen online melden",
                "Wurzelaufbrüche, Schlaglöcher und fehlende Markierungen machen "
                "Wege gefährlich. Eine Meldestelle im Internet, an die man ein Foto "
                "und den Ort schicken kann, würde der Stadt helfen, Schäden schnell "
                "zu finden. Schön wäre, wenn man sieht, wann etwas repariert wird.",
                "Radverkehr",
                "thesdorf",
                27,
                5,
            ),
            idea(
                "potholes",
                "Schlaglöcher auf Radwegen per Foto melden",
                "Auf meinem Weg zur Arbeit gibt es mehrere tiefe Löcher im Radweg. "
                "Ich würde sie gern einfach mit dem Handy fotografieren und der "
                "Stadt schicken.",
                "Radverkehr",
                "anonym1",
                22,
                1,
                status=IdeaStatus.MERGED,
                merged_into="path-damage",
                reason=(
                    "Diese Idee deckt sich mit dem Vorschlag einer Meldestelle für "
                    "Schäden an Rad- und Fußwegen; wir führen beide zusammen."
                ),
            ),
            idea(
                "sharing",
                "Leihräder und Lastenräder an mehreren Stationen",
                "Nicht jeder hat Platz für ein eigenes Lastenrad. Ein paar "
                "Stationen mit Leihrädern und Lastenrädern, etwa am Bahnhof, am "
                "Rathaus und in den Wohngebieten, würden viele Autofahrten "
                "ersetzen.",
                "Sharing",
                "anonym2",
                15,
                4,
            ),
            idea(
                "free-bus",
                "Kostenloser Bus für alle",
                "Wenn der Bus nichts kostet, lassen mehr Menschen das Auto stehen.",
                "ÖPNV",
                "schule",
                12,
                3,
                status=IdeaStatus.NOT_PURSUED,
                reason=(
                    "Die Fahrpreise legt der Verkehrsverbund fest, nicht die Stadt "
                    "allein, und die Kosten könnte die Stadt dauerhaft nicht "
                    "tragen. Den Wunsch nach günstigeren Tickets haben wir an den "
                    "Verbund weitergegeben."
                ),
            ),
        ],
        "stream": [
            (
                "thesdorf",
                "Wird es auch um sichere Schulwege gehen? Morgens ist es vor den "
                "Grundschulen oft sehr voll.",
                [
                    (
                        STADT,
                        "Ja, sichere Wege für Kinder sind Thema der zweiten "
                        "Workshop-Runde. Schreiben Sie gern konkrete Stellen als "
                        "Idee in die Ideensammlung.",
                    )
                ],
            ),
            (
                "handwerk",
                "Für Handwerksbetriebe ist wichtig, dass Lieferwagen in der "
                "Innenstadt weiter halten können.",
                [],
            ),
        ],
    },
    "economy": {
        "categories": [
            ("Handel und Innenstadt", "Geschäfte, Märkte und Leerstand"),
            ("Gründen und Arbeiten", "Arbeitsorte, Gründungen, Fachkräfte"),
            ("Digitale Dienste für Betriebe", "Anträge und Genehmigungen online"),
        ],
        "ideas": [
            idea(
                "marketplace",
                "Gemeinsamer Online-Marktplatz der Geschäfte in der Innenstadt",
                "Viele kleine Läden haben keinen eigenen Online-Shop. Ein "
                "gemeinsamer Marktplatz, auf dem man sieht, was vorrätig ist, und "
                "Waren reserviert, die man dann im Laden abholt, würde die "
                "Innenstadt stärken.",
                "Handel und Innenstadt",
                "handel",
                40,
                8,
                status=IdeaStatus.UNDER_EVALUATION,
                answer=(
                    "Danke für die Idee! Im Workshop gab es dazu viel Zustimmung. "
                    "Wir klären gerade, wie viele Geschäfte mitmachen würden und "
                    "wer den Marktplatz dauerhaft betreuen könnte."
                ),
                comments=[
                    (
                        "senior",
                        "Wichtig wäre, dass man auch telefonisch reservieren kann.",
                        [
                            (
                                "handel",
                                "Das machen viele Läden heute schon – es müsste "
                                "nur bekannter werden.",
                            )
                        ],
                    ),
                ],
            ),
            idea(
                "coworking",
                "Co-Working-Räume in einem leer stehenden Laden",
                "Wer nicht jeden Tag pendeln möchte, aber zu Hause keine Ruhe hat, "
                "braucht einen Arbeitsplatz in der Nähe. Ein leer stehendes "
                "Ladenlokal könnte dafür umgebaut werden und brächte zugleich Leben "
                "in die Innenstadt.",
                "Gründen und Arbeiten",
                "pendler",
                31,
                5,
                location="Innenstadt",
            ),
            idea(
                "vacancies",
                "Karte der leer stehenden Gewerbeflächen",
                "Wer ein Geschäft gründen will, sucht oft lange nach passenden "
                "Räumen. Eine Karte mit freien Gewerbeflächen, ihrer Größe und "
                "einem Ansprechpartner würde die Suche erleichtern.",
                "Handel und Innenstadt",
                "handwerk",
                29,
                4,
                status=IdeaStatus.ACCEPTED,
                answer=(
                    "Die Idee wird in den Maßnahmenkatalog aufgenommen. Die "
                    "Wirtschaftsförderung will die Karte gemeinsam mit den "
                    "Eigentümerinnen und Eigentümern der Flächen aufbauen."
                ),
            ),
            idea(
                "permits",
                "Gewerbeanmeldung und Genehmigungen vollständig online",
                "Für eine Gewerbeanmeldung muss man heute noch Formulare ausdrucken "
                "und einreichen. Alles online zu erledigen, mit einer Übersicht, "
                "welche Unterlagen gebraucht werden, würde Gründerinnen und "
                "Gründern viel Zeit sparen.",
                "Digitale Dienste für Betriebe",
                "anonym1",
                24,
                6,
            ),
            idea(
                "forms",
                "Formulare für Betriebe am Bildschirm ausfüllen",
                "Bitte alle Formulare für Unternehmen so anbieten, dass man sie "
                "direkt am Computer ausfüllen und absenden kann.",
                "Digitale Dienste für Betriebe",
                "handel",
                19,
                1,
                status=IdeaStatus.MERGED,
                merged_into="permits",
            ),
            idea(
                "voucher-app",
                "Eine eigene Gutschein-App für die Stadt",
                "Eine App, mit der man Gutscheine für alle Geschäfte der Stadt "
                "kaufen und verschenken kann.",
                "Handel und Innenstadt",
                "schule",
                11,
                2,
                status=IdeaStatus.NOT_PURSUED,
                reason=(
                    "Eine eigene App müsste dauerhaft gepflegt werden, und erfahrungs"
                    "gemäß laden sie nur wenige herunter. Der Gedanke fließt aber in "
                    "den Online-Marktplatz ein, der Gutscheine auch im Browser "
                    "anbieten könnte."
                ),
            ),
        ],
        "stream": [
            (
                "handwerk",
                "Viele kleine Betriebe haben keine Zeit für lange Schulungen. Kurze "
                "Lerntreffen am Abend wären ideal.",
                [
                    (
                        STADT,
                        "Danke! Kurze Lerntreffen zu Digitalthemen sind bereits als "
                        "Idee aus dem Workshop im Gespräch.",
                    )
                ],
            ),
            (
                "anonym2",
                "Wann ist eigentlich die Baustelle an der Hauptstraße fertig? Das "
                "nervt alle, die dort einkaufen wollen.",
                [],
                # reported once, so that the moderation queue has a case
                Report.Reason.OFF_TOPIC,
            ),
        ],
    },
    "administration": {
        "categories": [
            ("Online-Dienste", "Anträge und Anliegen im Internet erledigen"),
            ("Termine und Bürgerbüro", "Termine, Öffnungszeiten, Wartezeiten"),
            ("Offene Daten", "Informationen der Stadt für alle"),
            ("Hilfe und Beratung", "Unterstützung für alle, die Hilfe brauchen"),
        ],
        "ideas": [
            idea(
                "appointments",
                "Termine im Bürgerbüro online buchen und verschieben",
                "Einen Termin für einen neuen Ausweis sollte man rund um die Uhr "
                "im Internet buchen können – und ihn auch wieder verschieben, "
                "wenn etwas dazwischenkommt. Eine Erinnerung per E-Mail am Vortag "
                "wäre schön.",
                "Termine und Bürgerbüro",
                "quellental",
                39,
                10,
                status=IdeaStatus.ACCEPTED,
                answer=(
                    "Die Idee ist in den Maßnahmenkatalog aufgenommen. Wer lieber "
                    "anruft oder vorbeikommt, bekommt selbstverständlich weiterhin "
                    "einen Termin."
                ),
                comments=[
                    (
                        "senior",
                        "Bitte die telefonische Terminvergabe nicht abschaffen!",
                        [
                            (
                                STADT,
                                "Keine Sorge: Das Telefon bleibt, die Online-"
                                "Buchung kommt dazu.",
                            )
                        ],
                    ),
                ],
            ),
            idea(
                "status",
                "Bearbeitungsstand von Anträgen jederzeit abrufen",
                "Nach einem Antrag weiß man oft wochenlang nicht, wie weit er ist. "
                "Eine Seite, auf der man mit einer Vorgangsnummer den aktuellen "
                "Stand sieht, würde viele Nachfragen ersparen.",
                "Online-Dienste",
                "anonym2",
                34,
                6,
                status=IdeaStatus.UNDER_EVALUATION,
            ),
            idea(
                "defects",
                "Digitaler Mängelmelder für Schlaglöcher und defekte Laternen",
                "Eine Laterne ist kaputt, am Spielplatz liegt Sperrmüll: Solche "
                "Mängel sollte man mit Foto und Ort an die Stadt melden können und "
                "sehen, wann sie behoben sind.",
                "Online-Dienste",
                "thesdorf",
                28,
                7,
                comments=[
                    (
                        "verein",
                        "Gute Idee. Wichtig ist, dass man auch eine Rückmeldung "
                        "bekommt.",
                        [],
                    ),
                ],
            ),
            idea(
                "defects-app",
                "Kaputte Laternen per Handy melden",
                "Ich wünsche mir, dass man defekte Straßenlaternen einfach mit dem "
                "Handy melden kann.",
                "Online-Dienste",
                "schule",
                20,
                1,
                status=IdeaStatus.MERGED,
                merged_into="defects",
            ),
            idea(
                "help-desk",
                "Sprechstunde: Hilfe beim Ausfüllen von Online-Anträgen",
                "Nicht alle kommen mit Online-Formularen zurecht. Eine feste "
                "Sprechstunde, in der Mitarbeitende beim Ausfüllen helfen, würde "
                "dafür sorgen, dass niemand abgehängt wird.",
                "Hilfe und Beratung",
                "pflege",
                17,
                5,
            ),
            idea(
                "sunday",
                "Das Rathaus auch am Sonntag öffnen",
                "Wer unter der Woche arbeitet, schafft es kaum ins Rathaus. Eine "
                "Öffnung am Sonntag würde helfen.",
                "Termine und Bürgerbüro",
                "pendler",
                9,
                2,
                status=IdeaStatus.NOT_PURSUED,
                reason=(
                    "Ein Dienst am Sonntag ist mit dem vorhandenen Personal nicht "
                    "möglich. Wir prüfen stattdessen einen langen Abend in der "
                    "Woche und mehr Anliegen, die sich rund um die Uhr online "
                    "erledigen lassen."
                ),
            ),
        ],
        "stream": [
            (
                "anonym1",
                "Welche Daten der Stadt sollen denn offen zugänglich werden?",
                [
                    (
                        STADT,
                        "Das wollen wir gemeinsam herausfinden. Schreiben Sie gern "
                        "in die Ideensammlung, welche Daten Ihnen helfen würden.",
                    ),
                    ("handwerk", "Baustellen und Straßensperrungen, bitte!"),
                ],
            ),
        ],
    },
    "living": {
        "categories": [
            ("Klima und Umwelt", "Hitze, Starkregen, Luft und Grün"),
            ("Gesundheit und Pflege", "Versorgung, Beratung, Pflege"),
            ("Nachbarschaft", "Hilfe und Begegnung im Quartier"),
            ("Energie", "Energie sparen in öffentlichen Gebäuden"),
        ],
        "allow_image": True,
        "ideas": [
            idea(
                "sensors",
                "Messstationen für Temperatur, Luft und Bodenfeuchte",
                "Ein paar Messstationen an Schulen, Parks und Plätzen könnten "
                "zeigen, wo es im Sommer besonders heiß wird und wo Bäume zu wenig "
                "Wasser haben. Die Daten sollten für alle offen sein.",
                "Klima und Umwelt",
                "schule",
                36,
                6,
                status=IdeaStatus.UNDER_EVALUATION,
                answer=(
                    "Die Arbeitsgruppe prüft die Idee gerade. Offen ist vor allem, "
                    "wer die Stationen betreibt und wie die Daten veröffentlicht "
                    "werden."
                ),
            ),
            idea(
                "care-guide",
                "Wegweiser zu Pflege-, Beratungs- und Gesundheitsangeboten",
                "Wer plötzlich einen Angehörigen pflegen muss, weiß oft nicht, wo "
                "es Hilfe gibt. Eine Übersicht aller Angebote in der Stadt, "
                "sortiert nach Lebenslagen und in einfacher Sprache, würde viel "
                "Sucherei ersparen.",
                "Gesundheit und Pflege",
                "pflege",
                35,
                9,
                status=IdeaStatus.ACCEPTED,
                answer=(
                    "Der Wegweiser wird in den Maßnahmenkatalog aufgenommen. Wir "
                    "wollen ihn gemeinsam mit den Beratungsstellen aufbauen und "
                    "auch gedruckt anbieten."
                ),
                comments=[
                    (
                        "senior",
                        "Bitte auch auf Papier, etwa in der Apotheke und beim Arzt.",
                        [("pflege", "Unbedingt, viele Ältere sind nicht online.")],
                    ),
                ],
            ),
            idea(
                "neighbours",
                "Digitale Nachbarschaftshilfe für Einkäufe und Fahrdienste",
                "Viele würden gern helfen, wissen aber nicht, wer in der Nähe Hilfe "
                "braucht. Eine Plattform, auf der man Einkäufe oder Fahrten zum "
                "Arzt anbieten und erbitten kann, würde die Nachbarschaft stärken.",
                "Nachbarschaft",
                "thesdorf",
                26,
                7,
                location="Thesdorf",
                comments=[
                    (
                        "anonym2",
                        "Gibt es so etwas nicht schon bei den Kirchengemeinden?",
                        [
                            (
                                "thesdorf",
                                "Teilweise, aber nicht für die ganze Stadt und "
                                "nicht an einem Ort.",
                            )
                        ],
                    ),
                ],
            ),
            idea(
                "warnings",
                "Warnungen bei Starkregen und Hitze über viele Kanäle",
                "Bei Unwetter sollten alle rechtzeitig gewarnt werden: über eine "
                "App, per SMS, über das Radio und über Anzeigetafeln in der Stadt. "
                "Dazu Tipps, was man tun kann.",
                "Klima und Umwelt",
                "quellental",
                21,
                5,
            ),
            idea(
                "heat-sms",
                "Hitzewarnung per SMS für ältere Menschen",
                "Ältere Menschen ohne Smartphone sollten bei großer Hitze eine SMS "
                "bekommen.",
                "Klima und Umwelt",
                "anonym1",
                14,
                1,
                status=IdeaStatus.MERGED,
                merged_into="warnings",
            ),
            idea(
                "weather-gardens",
                "Zuschuss für Wetterstationen in privaten Gärten",
                "Die Stadt könnte private Wetterstationen bezuschussen, damit es "
                "mehr Messdaten gibt.",
                "Klima und Umwelt",
                "handwerk",
                8,
                1,
                status=IdeaStatus.NOT_PURSUED,
                reason=(
                    "Private Anlagen kann die Stadt in diesem Projekt nicht "
                    "fördern. Die Messstationen an öffentlichen Orten verfolgen "
                    "wir weiter."
                ),
            ),
        ],
        "stream": [
            (
                "verein",
                "Auch die Sportplätze brauchen im Sommer mehr Schatten und Wasser.",
                [],
            ),
            (
                "pflege",
                "Schön, dass Gesundheit hier mitgedacht wird. Pflege zu Hause ist "
                "für viele Familien das größte Thema.",
                [
                    (
                        STADT,
                        "Danke! Das Thema Pflege zu Hause nehmen wir in die zweite "
                        "Workshop-Runde mit.",
                    )
                ],
            ),
        ],
    },
    "community": {
        "categories": [
            ("Vereine und Ehrenamt", "Engagement, Nachwuchs, Zusammenarbeit"),
            ("Bildung", "Lernen in jedem Alter"),
            ("Kultur", "Veranstaltungen, Bücherei, Kulturangebote"),
            ("Digitale Teilhabe", "Zugang und Hilfe für alle"),
        ],
        "ideas": [
            idea(
                "calendar",
                "Ein Veranstaltungskalender für Vereine, Kultur und Stadt",
                "Konzerte, Vereinsfeste und Vorträge sind heute über viele Seiten "
                "verstreut. Ein gemeinsamer Kalender, in den Vereine ihre Termine "
                "selbst eintragen, würde allen helfen – auch zum Abonnieren im "
                "eigenen Kalender.",
                "Kultur",
                "verein",
                37,
                11,
                status=IdeaStatus.ACCEPTED,
                answer=(
                    "Der gemeinsame Kalender wird in den Maßnahmenkatalog "
                    "aufgenommen. Vereine sollen ihre Termine selbst eintragen "
                    "können; die Stadt prüft sie vor der Veröffentlichung."
                ),
                comments=[
                    (
                        "schule",
                        "Bitte mit einem Filter für Angebote für Jugendliche!",
                        [],
                    ),
                ],
            ),
            idea(
                "digital-help",
                "Jung hilft Alt: Digitalsprechstunde in der Bücherei",
                "Schülerinnen und Schüler könnten einmal in der Woche in der "
                "Bücherei älteren Menschen bei Handy, Tablet und Online-Diensten "
                "helfen. Beide Seiten lernen voneinander.",
                "Digitale Teilhabe",
                "schule",
                32,
                8,
                status=IdeaStatus.UNDER_EVALUATION,
                location="Stadtbücherei",
                comments=[
                    (
                        "senior",
                        "Da wäre ich sofort dabei – als Lernender!",
                        [("schule", "Und wir freuen uns auf Sie!")],
                    ),
                ],
            ),
            idea(
                "volunteering",
                "Eine Ehrenamtsbörse für Vereine und Engagierte",
                "Viele Menschen würden sich gern engagieren, aber nur ab und zu. "
                "Eine Börse, in der Vereine kleine Aufgaben anbieten, würde beide "
                "zusammenbringen.",
                "Vereine und Ehrenamt",
                "verein",
                25,
                6,
            ),
            idea(
                "wifi",
                "Freies WLAN an Treffpunkten",
                "An der Bücherei, auf dem Rathausplatz und im Jugendzentrum sollte "
                "es freies WLAN geben, damit alle Zugang zum Internet haben.",
                "Digitale Teilhabe",
                "anonym2",
                18,
                5,
                location="Bücherei, Rathausplatz, Jugendzentrum",
            ),
            idea(
                "phone-course",
                "Handykurs für Seniorinnen und Senioren",
                "Ein Kurs, in dem ältere Menschen lernen, ihr Smartphone sicher zu "
                "nutzen.",
                "Bildung",
                "senior",
                13,
                2,
                status=IdeaStatus.MERGED,
                merged_into="digital-help",
            ),
            idea(
                "tablets",
                "Tablets für alle Vereine",
                "Die Stadt sollte jedem Verein ein Tablet schenken, damit die "
                "Vereinsarbeit digitaler wird.",
                "Vereine und Ehrenamt",
                "anonym1",
                7,
                1,
                status=IdeaStatus.NOT_PURSUED,
                reason=(
                    "Geräte für einzelne Vereine kann die Stadt nicht anschaffen. "
                    "Die Ehrenamtsbörse könnte aber auch dazu dienen, dass Vereine "
                    "sich Technik gegenseitig leihen."
                ),
            ),
        ],
        "stream": [
            (
                "quellental",
                "Gibt es auch Ideen für Familien mit kleinen Kindern?",
                [
                    (
                        STADT,
                        "Gern! Schreiben Sie Ihre Vorschläge in die Ideensammlung "
                        "– zum Beispiel zu Angeboten in der Bücherei.",
                    )
                ],
            ),
            (
                "anonym2",
                "Kultur sollte auch in den Stadtteilen stattfinden, nicht nur in "
                "der Innenstadt.",
                [],
            ),
        ],
    },
}


class DemoParticipation:
    """Creates the participation content of the demo; `created` counts what was
    new, for the builder's summary."""

    def __init__(self, now=None):
        self.now = now or timezone.now()
        self.created = 0
        self.locale = Locale.get_default()
        self.new_collections = {}  # field key -> (collection, stream)
        self._people = None
        self._staff = None

    # --- places ------------------------------------------------------------------

    def ensure_canned_replies(self):
        for title, text in CANNED_REPLIES:
            _reply, created = CannedReply.objects.get_or_create(
                title=title, locale=self.locale, defaults={"text": text}
            )
            self.created += created

    def spaces(self, field):
        """(collection, stream, created) for a field: found by title, else new."""
        title = f"{field['title']} – Ideensammlung"
        collection = IdeaCollection.objects.filter(title=title).first()
        if collection is not None:
            stream = CommentStream.objects.filter(
                title=f"{field['title']} – Diskussion", idea__isnull=True
            ).first()
            return collection, stream, False
        data = FIELDS[field["key"]]
        collection = IdeaCollection.objects.create(
            title=title,
            moderation=POST_MODERATION,
            comment_moderation=POST_MODERATION,
            open_until=self.now + datetime.timedelta(days=OPEN_DAYS),
            allow_location=True,
            allow_image=data.get("allow_image", False),
        )
        collection.categories.set(self.categories(data))
        stream = CommentStream.objects.create(
            title=f"{field['title']} – Diskussion", moderation=POST_MODERATION
        )
        self.created += 2
        self.new_collections[field["key"]] = (collection, stream)
        return collection, stream, True

    def categories(self, data):
        categories = []
        for name, description in data["categories"]:
            category, created = Category.objects.get_or_create(
                name=name, locale=self.locale, defaults={"description": description}
            )
            self.created += created
            categories.append(category)
        return categories

    def body_blocks(self, field, stream_block):
        """Raw StreamField data of the two blocks for a new field page, with a
        collection and stream made for it; empty if the body offers neither."""
        collection, stream, _created = self.spaces(field)
        blocks = []
        for block_class, value in (
            (IdeaCollectionBlock, self.collection_value(field, collection)),
            (CommentStreamBlock, self.stream_value(stream)),
        ):
            name = _block_name(stream_block, block_class)
            if name is not None:
                blocks.append({"type": name, "value": value})
        return blocks

    def take_part(self, field, page, page_created):
        """Make sure the field has its collection and stream (placed on an
        existing page too) and fill a new collection with contributions."""
        if not page_created:
            self.spaces(field)
            self.place(field, page)
        self.fill(field, page)

    def collection_value(self, field, collection):
        return {
            "heading": f"Ihre Ideen zum Handlungsfeld {field['title']}",
            "intro": COLLECTION_INTRO,
            "collection": collection.pk,
        }

    def stream_value(self, stream):
        return {
            "heading": "Diskussion",
            "intro": STREAM_INTRO,
            "stream": stream.pk,
        }

    def place(self, field, page):
        """Add the blocks to an existing field page that does not show its new
        collection yet, and publish it."""
        if field["key"] not in self.new_collections:
            return
        collection, stream = self.new_collections[field["key"]]
        if collection.pk in _placed_ids(page, IdeaCollectionBlock, "collection"):
            return
        if body_block_name(page, IdeaCollectionBlock) is None:
            return
        place_on_page(
            page,
            [
                (IdeaCollectionBlock, self.collection_value(field, collection)),
                (CommentStreamBlock, self.stream_value(stream)),
            ],
        )

    # --- contributions -------------------------------------------------------------

    def fill(self, field, page):
        """Ideas, supports and comments for a field whose collection is new."""
        if field["key"] not in self.new_collections:
            return
        collection, stream = self.new_collections[field["key"]]
        # The page's publication points them to the page; be sure of it.
        IdeaCollection.objects.filter(pk=collection.pk).update(page=page)
        CommentStream.objects.filter(pk=stream.pk).update(page=page)
        collection.refresh_from_db()
        data = FIELDS[field["key"]]
        categories = {c.name: c for c in collection.categories.all()}
        people = self.people()
        ideas = {}
        for item in data["ideas"]:
            ideas[item["key"]] = self.add_idea(
                collection, page, item, categories, people
            )
        for item in data["ideas"]:
            if item["merged_into"]:
                merged = ideas[item["key"]]
                merged.merged_into = ideas[item["merged_into"]]
                merged.save(update_fields=["merged_into"])
        for number, comment in enumerate(data["stream"], start=1):
            self.add_comment(
                stream, comment, self.now - datetime.timedelta(days=30), step=number
            )
        recount(collection, [stream.pk])

    def add_idea(self, collection, page, item, categories, people):
        written = self.now - datetime.timedelta(days=item["days"], hours=3)
        author = people[item["author"]]
        discussion = CommentStream.objects.create(
            title=item["title"][:150],
            moderation=collection.comment_moderation,
            page=page,
            created_at=written,
        )
        idea = Idea.objects.create(
            collection=collection,
            discussion=discussion,
            participant=author,
            display_name=author.display_name,
            language=self.locale.language_code,
            title=item["title"],
            description=item["description"],
            category=categories.get(item["category"]),
            location_text=item["location"],
            visibility=Visibility.PUBLISHED,
            status=item["status"],
            status_reason=item["reason"],
            official_answer=item["answer"],
            answered_at=(
                written + datetime.timedelta(days=9) if item["answer"] else None
            ),
            created_at=written,
            confirmed_at=written + datetime.timedelta(minutes=4),
        )
        self.created += 1
        supporters = [p for key, p in people.items() if key != item["author"]]
        for number, participant in enumerate(supporters[: item["supporters"]]):
            Support.objects.create(
                idea=idea,
                participant=participant,
                created_at=written + datetime.timedelta(hours=5 * (number + 1)),
            )
        for number, comment in enumerate(item["comments"], start=1):
            self.add_comment(discussion, comment, written, step=number)
        return idea

    def add_comment(self, stream, comment, since, parent=None, step=1):
        author_key, text, replies, report = (*comment, [], None)[:4]
        written = since + datetime.timedelta(days=step, hours=2 * step)
        if author_key == STADT:
            created = services.post_official_answer(
                stream, self.staff(), text, parent=parent, language="de"
            )
            DiscussionComment.objects.filter(pk=created.pk).update(
                created_at=written, confirmed_at=written
            )
        else:
            author = self.people()[author_key]
            created = DiscussionComment.objects.create(
                stream=stream,
                parent=parent,
                participant=author,
                display_name=author.display_name,
                language=self.locale.language_code,
                text=text,
                visibility=Visibility.PUBLISHED,
                created_at=written,
                confirmed_at=written,
            )
        self.created += 1
        if report:
            services.report_contribution(
                created,
                reason=report,
                explanation="",
                reporter_hash=services.keyed_hash(f"demo-report-{created.pk}"),
            )
        for number, reply in enumerate(replies, start=1):
            self.add_comment(stream, reply, written, parent=created, step=number)
        return created

    def people(self):
        if self._people is None:
            self._people = {}
            for key, (email, display_name) in PEOPLE.items():
                joined = self.now - datetime.timedelta(days=45)
                participant, created = Participant.objects.get_or_create(
                    email=email,
                    defaults={
                        "display_name": display_name,
                        "language": self.locale.language_code,
                        "created_at": joined,
                        "confirmed_at": joined + datetime.timedelta(minutes=4),
                    },
                )
                self.created += created
                self._people[key] = participant
        return self._people

    def staff(self):
        """The account official answers are written with: the first superuser,
        else a user 'stadtverwaltung' that cannot log in."""
        if self._staff is None:
            users = get_user_model().objects
            self._staff = (
                users.filter(is_superuser=True, is_active=True).order_by("pk").first()
            )
            if self._staff is None:
                self._staff, created = users.get_or_create(
                    username=STAFF_USERNAME,
                    defaults={"first_name": "Stadtverwaltung", "is_active": False},
                )
                if created:
                    self._staff.set_unusable_password()
                    self._staff.save(update_fields=["password"])
        return self._staff


def _block_name(stream_block, block_class):
    for name, block in stream_block.child_blocks.items():
        if isinstance(block, block_class):
            return name
    return None


def _placed_ids(page, block_class, name):
    body = getattr(page, "body", None) or []
    return {
        block.value[name].pk
        for block in body
        if isinstance(block.block, block_class) and block.value.get(name)
    }
