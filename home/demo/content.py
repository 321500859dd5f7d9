"""The German texts and facts of the demo site "Smart. Smarter. Pinneberg?!".

The facts (fields of action, dates of the first workshop round, runtime, funding,
client, service provider) come from the public seed documents in
/work/shared/seeds; every sentence here is written for this demo. No real
person is named: contacts are roles and example.org addresses, the street of
the town hall is made up.

Rich text is stored in Wagtail's database format (plain HTML for the features
used here). `Ref("name")` marks a link to another demo page; the builder
replaces it with that page's id.
"""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class Ref:
    """A link to another demo page, resolved by the builder."""

    name: str


MONTHS = (
    "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
).split()
WEEKDAYS = "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag".split()


def german_date(day: datetime.date, weekday=False) -> str:
    text = f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]}, {text}" if weekday else text


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def bullet_list(items):
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def call_to_action(title, text, page, button_label):
    return {
        "type": "call_to_action",
        "value": {
            "title": title,
            "text": text,
            "page": page,
            "url": "",
            "button_label": button_label,
        },
    }


def quote(text, attribution):
    return {"type": "quote", "value": {"text": text, "attribution": attribution}}


# --- The municipality ------------------------------------------------------------

MUNICIPALITY = "Stadt Pinneberg"
SITE_TITLE = "Smart. Smarter. Pinneberg?!"
CONTACT_EMAIL = "smartcity@example.org"
TOWN_HALL = {
    "venue_name": "Ratssaal im Rathaus",
    "street": "Musterstraße 1",
    "postcode": "25421",
    "city": "Pinneberg",
}

BRANDING = {
    "municipality_name": MUNICIPALITY,
    "site_title": SITE_TITLE,
    "primary_colour": "#1d5c8f",
    "contact_name": "Projektbüro Smart City",
    "contact_email": CONTACT_EMAIL,
    # Left empty on purpose: the demo must not carry a real telephone number.
    "contact_phone": "",
    "contact_address": "Rathaus, Musterstraße 1\n25421 Pinneberg",
}
FOOTER_LINKS = [
    ("Impressum", "imprint"),
    ("Datenschutz", "privacy"),
    ("Barrierefreiheit", "accessibility"),
    ("Grundsätze der Zusammenarbeit", "principles"),
]

# Colours of the generated pictures: (dark, light) per theme.
PROJECT_COLOURS = ("#1d5c8f", "#9cc3e6")

WORKSHOP_START = datetime.time(18, 30)
WORKSHOP_END = datetime.time(20, 30)

ONLINE_NOTE = (
    "Sie brauchen einen Computer, ein Tablet oder ein Smartphone mit Kamera, ein "
    "Headset und eine stabile Internetverbindung. Technische Vorkenntnisse sind "
    "nicht nötig, und Sie müssen nichts installieren: Die Videokonferenz läuft im "
    "Browser. Den Zugangslink schicken wir Ihnen nach der Anmeldung per E-Mail."
)
WORKSHOP_AUDIENCE = (
    "Bürgerinnen und Bürger, ortsansässige Unternehmen, Vereine und Verbände, "
    "Mitarbeitende der Stadtverwaltung und alle Interessierten"
)


# --- Home page ---------------------------------------------------------------------

HOME = {
    "title": "Startseite",
    "slug": "home",
    "seo_title": "Smart. Smarter. Pinneberg?! – Die Smart-City-Strategie der Stadt",
    "search_description": (
        "Pinneberg entwickelt mit seinen Bürgerinnen und Bürgern eine "
        "Smart-City-Strategie. Hier finden Sie Handlungsfelder, Workshops, "
        "Ergebnisse und Termine."
    ),
    "hero_title": "Pinneberg digital gestalten – gemeinsam mit Ihnen",
    "introduction": (
        "<p>Auf dieser Seite entsteht die Smart-City-Strategie der Stadt Pinneberg. "
        "Digitale Werkzeuge sollen dort zum Einsatz kommen, wo sie den Alltag in "
        "unserer Stadt spürbar erleichtern. Was das konkret heißt, entscheiden wir "
        "nicht allein, sondern zusammen mit den Menschen, die hier leben und "
        "arbeiten.</p>"
    ),
    "image_title": "Demo-Bild: Startseite",
    "image_description": (
        "Abstrakte Grafik in Blautönen mit überlagerten Kreisen und einer Reihe "
        "von Punkten"
    ),
    "body": [
        heading("So können Sie mitmachen"),
        paragraph(
            "<p>Beteiligung ist bei uns kein einmaliger Termin. Sie haben mehrere "
            "Möglichkeiten:</p>"
            + bullet_list(
                [
                    "Kommen Sie zu unseren Workshops und Informationsabenden – "
                    "online oder im Rathaus.",
                    "Lesen Sie die Zwischenergebnisse der Handlungsfelder und "
                    "sagen Sie uns, was fehlt.",
                    "Abonnieren Sie die Neuigkeiten als Feed oder laden Sie die "
                    "Termine in Ihren Kalender.",
                ]
            )
        ),
        call_to_action(
            "Wie wir miteinander umgehen",
            "Damit alle gern mitreden, haben wir uns auf einige Regeln für die "
            "Zusammenarbeit verständigt.",
            Ref("principles"),
            "Grundsätze lesen",
        ),
    ],
}


# --- The strategy project ------------------------------------------------------------

PROJECT = {
    "title": "Smart. Smarter. Pinneberg?!",
    "slug": "smart-smarter-pinneberg",
    "seo_title": "Smart. Smarter. Pinneberg?! – Auf dem Weg zur digitalen Modellkommune",
    "search_description": (
        "Ziele, Ablauf, Förderung und Ansprechpartner des Projekts, mit dem "
        "Pinneberg eine Smart-City-Strategie für die ganze Stadt erarbeitet."
    ),
    "summary": (
        "Mit diesem Projekt erweitert die Stadt Pinneberg ihre bisherige "
        "Digitalstrategie, die vor allem die Verwaltung im Blick hatte, zu einer "
        "Smart-City-Strategie für die ganze Stadt. Was digital werden soll, "
        "erarbeiten Bürgerschaft, Unternehmen, Vereine und Verwaltung gemeinsam in "
        "fünf Handlungsfeldern."
    ),
    "goals": (
        "<p>„Smart“ bedeutet für uns nicht, möglichst viel Technik einzusetzen. Es "
        "bedeutet, die Aufgaben, vor denen Pinneberg heute und in den kommenden "
        "Jahren steht, mit klugen digitalen Mitteln anzugehen – und dabei immer "
        "von den Menschen in der Stadt auszugehen.</p>"
        "<p>Bis Ende 2022 soll ein Entwicklungskonzept entstehen, das</p>"
        + bullet_list(
            [
                "Pinneberg wirtschaftlich, sozial, ökologisch und politisch "
                "effizienter, nachhaltiger und inklusiver macht,",
                "die Stadt als Wohnort und als Standort für Unternehmen "
                "attraktiver werden lässt,",
                "auf die gewachsenen Erwartungen der Bürgerinnen und Bürger und "
                "der örtlichen Akteure eingeht,",
                "Antworten auf den demografischen Wandel gibt",
                "und Lösungen beschreibt, die andere Kommunen übernehmen können.",
            ]
        )
    ),
    "start_date": datetime.date(2021, 12, 1),
    "end_date": datetime.date(2022, 12, 31),
    "funding": (
        "Land Schleswig-Holstein, Ministerium für Inneres, ländliche Räume, "
        "Integration und Gleichstellung (MILIG), Förderprogramm „Digitale "
        "Modellkommunen“"
    ),
    "client": "Stadt Pinneberg",
    "carried_out_by": "Dataport.kommunal",
    "contact_role": "Projektleitung, Stadt Pinneberg",
    "contact_email": CONTACT_EMAIL,
    "phases": [
        {
            "name": "Bestandsaufnahme",
            "start_date": datetime.date(2021, 12, 1),
            "end_date": datetime.date(2022, 2, 15),
            "description": (
                "Gespräche mit den Fachbereichen der Verwaltung zeigen, welche "
                "digitalen Angebote es in Pinneberg schon gibt und wo Lücken sind."
            ),
        },
        {
            "name": "Beteiligung in Workshops",
            "start_date": datetime.date(2022, 2, 16),
            "end_date": datetime.date(2022, 5, 31),
            "description": (
                "Zwei digitale Workshop-Runden je Handlungsfeld, offen für alle, "
                "die in Pinneberg leben, arbeiten oder sich engagieren."
            ),
        },
        {
            "name": "Bewertung der Ideen",
            "start_date": datetime.date(2022, 6, 1),
            "end_date": datetime.date(2022, 9, 30),
            "description": (
                "Die gesammelten Ideen werden in mehreren Stufen gefiltert und "
                "nach gemeinsamen Kriterien bewertet und priorisiert."
            ),
        },
        {
            "name": "Maßnahmenkatalog",
            "start_date": datetime.date(2022, 10, 1),
            "end_date": datetime.date(2022, 12, 31),
            "description": (
                "Die ausgewählten Ideen werden zu Maßnahmen ausgearbeitet und in "
                "einem Katalog zusammengefasst, der auf Pinneberg zugeschnitten ist."
            ),
        },
        {
            "name": "Umsetzung",
            "start_date": datetime.date(2023, 1, 1),
            "end_date": None,
            "description": (
                "Die Stadt setzt die Maßnahmen Schritt für Schritt um und beginnt "
                "mit ersten Pilotprojekten. Diese Phase gehört nicht mehr zum "
                "geförderten Projekt."
            ),
        },
    ],
    "body": [
        heading("So gehen wir vor"),
        paragraph(
            "<p>Am Anfang steht eine Bestandsaufnahme: Welche digitalen Angebote "
            "gibt es in Pinneberg bereits, und wo hakt es? Danach sind Sie gefragt. "
            "Zu jedem der fünf Handlungsfelder gibt es zwei digitale "
            "Workshop-Runden. Dort sammeln wir, was in der Stadt gut läuft und was "
            "nicht, entwickeln Lösungsideen und besprechen, wie sie sich umsetzen "
            "ließen. Aus diesen Ideensammlungen wird schließlich ein "
            "Maßnahmenkatalog, der zu Pinneberg passt.</p>"
        ),
        heading("Wie aus Ideen Maßnahmen werden"),
        paragraph(
            "<p>Nicht jede gute Idee gehört in eine Smart-City-Strategie. Deshalb "
            "durchläuft jeder Vorschlag mehrere Prüfschritte. Am Ende bewerten wir "
            "alle verbliebenen Ideen nach denselben Kriterien:</p>"
            + bullet_list(
                [
                    "Welchen Mehrwert bringt die Idee für die Stadtgesellschaft?",
                    "Bleibt ihre Komplexität beherrschbar?",
                    "Ist sie ökologisch, ökonomisch und sozial nachhaltig?",
                ]
            )
            + "<p>Ideen, die diese Prüfung bestehen, werden priorisiert und als "
            "Maßnahmen beschrieben. Die Umsetzung selbst ist nicht Teil des "
            "geförderten Projekts; sie folgt im Anschluss.</p>"
        ),
        heading("Passend für Pinneberg – und nachnutzbar"),
        paragraph(
            "<p>Die Strategie soll genau auf den Bedarf in Pinneberg zugeschnitten "
            "sein. Zugleich achten wir darauf, dass andere Städte und Gemeinden "
            "unsere Ergebnisse weiterverwenden können: Was hier entsteht, soll sich "
            "mit wenig Aufwand an andere Orte anpassen lassen.</p>"
        ),
        call_to_action(
            "Fehlt Ihnen ein Thema?",
            "Wenn Sie in den Handlungsfeldern etwas vermissen, schreiben Sie uns an "
            "smartcity@example.org. Alle Termine finden Sie in der "
            "Veranstaltungsübersicht.",
            Ref("events"),
            "Zu den Veranstaltungen",
        ),
    ],
}


# --- Fields of action ----------------------------------------------------------------

PARTICIPATE = paragraph(
    "<p>Zu jedem Handlungsfeld gab es zwei digitale Workshop-Runden. Die "
    "Ergebnisse der ersten Runde finden Sie weiter unten auf dieser Seite. Wenn "
    "Ihnen ein Thema fehlt, schreiben Sie uns gern an smartcity@example.org – wir "
    "nehmen jeden Hinweis mit in die weitere Arbeit.</p>"
)

FIELDS = [
    {
        "key": "mobility",
        "title": "Mobilität",
        "slug": "mobilitaet",
        "colours": ("#1f6f8b", "#8fc9dc"),
        "picture": "Blau- und Türkistönen",
        "introduction": (
            "Wie kommen wir in Pinneberg gut, sicher und klimafreundlich ans Ziel? "
            "In diesem Handlungsfeld geht es um Bus und Bahn, Rad- und Fußverkehr, "
            "das Parken und neue Angebote wie Sharing."
        ),
        "challenges": (
            "<p>Der Verkehr nimmt zu, Parkraum in der Innenstadt ist knapp, und wer "
            "kein Auto hat, ist auf gute Verbindungen angewiesen. Fragen, die uns "
            "beschäftigen:</p>"
            + bullet_list(
                [
                    "Wie finden Menschen schnell die beste Verbindung, auch wenn sie "
                    "Bus, Bahn, Rad und Auto kombinieren?",
                    "Wie lässt sich der Parksuchverkehr in der Innenstadt verringern?",
                    "Wie werden Rad- und Fußwege sicherer und angenehmer?",
                    "Was brauchen ältere Menschen und Menschen mit Behinderung, um "
                    "mobil zu bleiben?",
                ]
            )
        ),
        "aim": (
            "<p>Wege durch Pinneberg sollen einfacher werden – ob zu Fuß, mit dem "
            "Rad, mit Bus und Bahn oder mit dem Auto. Gute digitale Informationen "
            "helfen, Verkehrsmittel klug zu kombinieren. Das entlastet die Straßen "
            "und verringert Lärm und Abgase.</p>"
        ),
        "round1_date": datetime.date(2022, 2, 23),
        "round2_date": datetime.date(2022, 4, 27),
        "round1_focus": (
            "Im Mittelpunkt stehen Bus und Bahn, der Rad- und Fußverkehr und das "
            "Parken in der Innenstadt."
        ),
        "round2_focus": (
            "Wir besprechen vor allem, welche Ideen rund um Parken, Laden und "
            "Fahrradabstellen zuerst angegangen werden sollten."
        ),
        "ideas": [
            "eine Übersicht in Echtzeit über freie Parkplätze und Ladesäulen",
            "digitale Anzeigen mit Abfahrtszeiten an wichtigen Haltestellen",
            "sichere, online buchbare Fahrradboxen am Bahnhof",
            "eine Meldestelle für Schäden an Rad- und Fußwegen",
            "Leihräder und Lastenräder an mehreren Stationen in der Stadt",
        ],
    },
    {
        "key": "economy",
        "title": "Wirtschaft",
        "slug": "wirtschaft",
        "colours": ("#8a520f", "#efc27d"),
        "picture": "Ocker- und Sandtönen",
        "introduction": (
            "Wie bleibt Pinneberg ein guter Ort zum Arbeiten, Gründen und "
            "Einkaufen? Hier geht es um Handel und Handwerk, die Innenstadt, "
            "Fachkräfte und digitale Dienste für Unternehmen."
        ),
        "challenges": (
            "<p>Der Handel vor Ort konkurriert mit dem Online-Handel, viele Betriebe "
            "suchen Fachkräfte, und Unternehmen möchten Behördengänge schnell und "
            "digital erledigen. Offene Fragen sind:</p>"
            + bullet_list(
                [
                    "Wie wird die Innenstadt auch im Netz sichtbar?",
                    "Was hilft kleinen und mittleren Betrieben bei der "
                    "Digitalisierung?",
                    "Wie gewinnt Pinneberg Fachkräfte, Gründerinnen und Gründer?",
                    "Braucht die Stadt gemeinsame Arbeitsorte wie Co-Working-Räume?",
                ]
            )
        ),
        "aim": (
            "<p>Pinneberg soll für Betriebe jeder Größe ein attraktiver Standort "
            "bleiben. Digitale Werkzeuge können dem Handel vor Ort neue Kundschaft "
            "bringen, Wege zur Verwaltung verkürzen und es Menschen erleichtern, "
            "dort zu arbeiten, wo sie wohnen.</p>"
        ),
        "round1_date": datetime.date(2022, 2, 28),
        "round2_date": datetime.date(2022, 5, 2),
        "round1_focus": (
            "Im Mittelpunkt stehen der Handel in der Innenstadt, das Handwerk und "
            "die Frage, wie die Stadt Unternehmen digital unterstützen kann."
        ),
        "round2_focus": (
            "Wir vertiefen die Ideen zum digitalen Schaufenster der Innenstadt und "
            "zu gemeinsamen Arbeitsorten."
        ),
        "ideas": [
            "ein gemeinsamer Online-Marktplatz der Pinneberger Geschäfte mit "
            "Abholung im Laden",
            "Co-Working-Räume in der Innenstadt für Menschen, die nicht jeden Tag "
            "pendeln möchten",
            "eine Karte mit leer stehenden Gewerbeflächen",
            "Gewerbeanmeldung und Genehmigungen vollständig online",
            "regelmäßige Lerntreffen zu Digitalthemen für kleine Betriebe",
        ],
    },
    {
        "key": "administration",
        "title": "Verwaltung",
        "slug": "verwaltung",
        "colours": ("#34477a", "#aab9e2"),
        "picture": "Schiefer- und Hellblautönen",
        "introduction": (
            "Wie wird das Rathaus digitaler, ohne jemanden zurückzulassen? Hier geht "
            "es um Online-Dienste, Termine, offene Daten und eine Verwaltung, die "
            "für alle gut erreichbar ist."
        ),
        "challenges": (
            "<p>Die bisherige Digitalstrategie der Stadt hat sich vor allem mit der "
            "Verwaltung befasst. Jetzt geht es darum, ihre Angebote konsequent aus "
            "der Sicht derer zu denken, die sie nutzen:</p>"
            + bullet_list(
                [
                    "Welche Anliegen möchten Sie online erledigen, ohne ins "
                    "Rathaus zu kommen?",
                    "Wie bleiben Menschen ohne Internet oder mit wenig digitaler "
                    "Erfahrung gut versorgt?",
                    "Welche Daten der Stadt sollten offen zugänglich sein?",
                    "Wie erfahren Sie, was mit Ihrem Anliegen gerade passiert?",
                ]
            )
        ),
        "aim": (
            "<p>Ein Anliegen bei der Stadt soll sich so leicht erledigen lassen wie "
            "eine Bestellung im Internet – und wer lieber persönlich vorbeikommt, "
            "bleibt herzlich willkommen. Wir wollen Abläufe vereinfachen, "
            "Wartezeiten verkürzen und zeigen, wie die Verwaltung arbeitet.</p>"
        ),
        "round1_date": datetime.date(2022, 3, 1),
        "round2_date": datetime.date(2022, 5, 3),
        "round1_focus": (
            "Im Mittelpunkt stehen die Online-Dienste der Stadt, Termine im "
            "Bürgerbüro und die Frage, wie Verwaltung verständlicher wird."
        ),
        "round2_focus": (
            "Wir sprechen darüber, welche Online-Dienste zuerst kommen sollten und "
            "wie Menschen ohne Internet dabei nicht abgehängt werden."
        ),
        "ideas": [
            "Termine im Bürgerbüro online buchen und verschieben",
            "ein Bearbeitungsstand für Anträge, den man jederzeit abrufen kann",
            "ein digitaler Mängelmelder für Schlaglöcher, defekte Laternen oder "
            "illegal abgeladenen Müll",
            "Sprechstunden, in denen Mitarbeitende beim Ausfüllen von "
            "Online-Anträgen helfen",
            "ein offenes Datenportal mit Informationen der Stadt",
        ],
    },
    {
        "key": "living",
        "title": "Lebens- und Wohnumfeld mit Gesundheit",
        "slug": "lebens-und-wohnumfeld",
        "colours": ("#2d6a4f", "#a3dbb9"),
        "picture": "Grüntönen",
        "introduction": (
            "Wie lebt es sich gut in Pinneberg – in jedem Alter? Dieses "
            "Handlungsfeld umfasst Wohnen, Umwelt und Klima, Sicherheit, die "
            "Versorgung im Quartier und die Gesundheit."
        ),
        "challenges": (
            "<p>Die Bevölkerung wird älter, Ressourcen werden knapper, und die "
            "Folgen des Klimawandels sind auch hier zu spüren. Digitale Angebote "
            "können den Alltag erleichtern und die Versorgung sichern:</p>"
            + bullet_list(
                [
                    "Wie können ältere Menschen möglichst lange selbstständig zu "
                    "Hause leben?",
                    "Wie finden Menschen schnell die passende ärztliche Versorgung "
                    "oder Beratung?",
                    "Wie lassen sich Energie und Wasser in öffentlichen Gebäuden "
                    "sparsamer nutzen?",
                    "Wie bereitet sich die Stadt besser auf Starkregen und Hitze vor?",
                ]
            )
        ),
        "aim": (
            "<p>Wir wünschen uns eine Stadt, in der Menschen gesund, sicher und gut "
            "versorgt leben – vom Kleinkind bis ins hohe Alter. Digitale Lösungen "
            "sollen helfen, Angebote leichter zu finden, Ressourcen zu schonen und "
            "rechtzeitig auf Wetterextreme zu reagieren.</p>"
        ),
        "round1_date": datetime.date(2022, 3, 2),
        "round2_date": datetime.date(2022, 5, 4),
        "round1_focus": (
            "Im Mittelpunkt stehen Wohnen und Nachbarschaft, Gesundheit und Pflege "
            "sowie Klima und Umwelt."
        ),
        "round2_focus": (
            "Wir schauen genauer auf die Ideen zu Gesundheitsangeboten, "
            "Nachbarschaftshilfe und Klimadaten."
        ),
        "ideas": [
            "Sensoren, die an ausgewählten Orten Temperatur, Luftqualität und "
            "Bodenfeuchte messen",
            "eine Übersicht über Pflege-, Beratungs- und Gesundheitsangebote in "
            "der Stadt",
            "digitale Nachbarschaftshilfe, etwa für Einkäufe und Fahrdienste",
            "Warnungen bei Starkregen und Hitze über mehrere Kanäle",
            "den Energieverbrauch öffentlicher Gebäude sichtbar machen",
        ],
    },
    {
        "key": "community",
        "title": "Zusammenleben, Bildung und Kultur",
        "slug": "zusammenleben-bildung-kultur",
        "colours": ("#6d3a7c", "#dbb6e6"),
        "picture": "Violett- und Rosatönen",
        "introduction": (
            "Was hält die Stadtgesellschaft zusammen, und wie lernen wir "
            "voneinander? Hier geht es um Vereine und Ehrenamt, Schulen und "
            "Weiterbildung, Kultur und digitale Teilhabe für alle."
        ),
        "challenges": (
            "<p>Digitale Angebote nützen nur, wenn alle sie nutzen können. "
            "Gleichzeitig suchen Vereine Nachwuchs, Kultureinrichtungen neue Wege "
            "zu ihrem Publikum und Schulen eine gute Ausstattung:</p>"
            + bullet_list(
                [
                    "Wie erreichen Vereine und Initiativen mehr Menschen?",
                    "Wo können Menschen digitale Fähigkeiten lernen, unabhängig von "
                    "Alter und Einkommen?",
                    "Wie werden Kulturangebote in der Stadt sichtbarer?",
                    "Wie bringen wir Generationen und Kulturen zusammen?",
                ]
            )
        ),
        "aim": (
            "<p>Alle Pinnebergerinnen und Pinneberger sollen an der digitalen Stadt "
            "teilhaben können. Dafür braucht es Orte zum Lernen und Begegnen, gut "
            "sichtbare Angebote von Vereinen und Kultur und Unterstützung für alle, "
            "die mit digitalen Diensten noch wenig Erfahrung haben.</p>"
        ),
        "round1_date": datetime.date(2022, 3, 3),
        "round2_date": datetime.date(2022, 5, 5),
        "round1_focus": (
            "Im Mittelpunkt stehen Vereine und Ehrenamt, Bildung in jedem Alter und "
            "das kulturelle Leben der Stadt."
        ),
        "round2_focus": (
            "Wir arbeiten die Ideen zu einem gemeinsamen Veranstaltungskalender und "
            "zu Lernangeboten für digitale Teilhabe weiter aus."
        ),
        "ideas": [
            "ein gemeinsamer Veranstaltungskalender für Vereine, Kultur und Stadt",
            "Digitalsprechstunden in der Bücherei, in denen Jüngere Älteren helfen",
            "eine Ehrenamtsbörse, die Engagierte und Vereine zusammenbringt",
            "freies WLAN an Treffpunkten wie Bücherei, Rathausplatz und Jugendzentrum",
            "Kurse zum sicheren Umgang mit dem Internet",
        ],
    },
]


def field_body(field):
    return [
        heading("Was wir erreichen wollen"),
        paragraph(field["aim"]),
        heading("Mitmachen"),
        PARTICIPATE,
        call_to_action(
            "Termine und Anmeldung",
            "Alle Workshops und Informationsabende finden Sie in der "
            "Veranstaltungsübersicht, auch zum Herunterladen in Ihren Kalender.",
            Ref("events"),
            "Zu den Veranstaltungen",
        ),
    ]


def field_search_description(field):
    return (
        f"Handlungsfeld {field['title']} der Smart-City-Strategie Pinneberg: "
        "Herausforderungen, Ziele und Ergebnisse der Workshops."
    )


def interim_title(field, workshop_round=1):
    return f"Zwischenergebnisse der {workshop_round}. Workshop-Runde"


def interim_text(field):
    day = german_date(field["round1_date"])
    return (
        f"<p>Im ersten Workshop am {day} haben die Teilnehmenden vor allem diese "
        "Ideen eingebracht:</p>"
        + bullet_list(field["ideas"])
        + "<p>Die vollständige Zusammenfassung steht unten zum Herunterladen "
        "bereit. Sie war die Grundlage für die zweite Runde.</p>"
    )


def interim_document_title(field):
    return f"Zwischenergebnisse {field['title']} – 1. Workshop-Runde"


def interim_document_sections(field):
    """Text of the PDF summary of the first round (heading, paragraphs, bullets)."""
    day = german_date(field["round1_date"], weekday=True)
    return [
        (
            "Ablauf",
            [
                f"Der Workshop fand am {day}, von 18:30 bis 20:30 Uhr als "
                "Videokonferenz statt. Eingeladen waren Bürgerinnen und Bürger, "
                "ortsansässige Unternehmen, Vereine und Verbände, Mitarbeitende der "
                "Stadt und alle Interessierten.",
                "Nach einer kurzen Einführung in das Projekt haben die Teilnehmenden "
                "in kleinen Gruppen gesammelt, was in Pinneberg heute gut "
                "funktioniert, wo es Probleme gibt und welche digitalen Lösungen "
                "helfen könnten.",
            ],
            [],
        ),
        (
            "Fragen, die uns beschäftigt haben",
            [field["introduction"]],
            [],
        ),
        (
            "Gesammelte Ideen",
            [],
            [idea[0].upper() + idea[1:] for idea in field["ideas"]],
        ),
        (
            "Wie es weitergeht",
            [
                "Die Ideen werden in der zweiten Workshop-Runde vertieft. Danach "
                "prüfen wir sie in mehreren Stufen: Welchen Mehrwert haben sie für "
                "die Stadtgesellschaft, ist ihre Komplexität beherrschbar, und sind "
                "sie ökologisch, ökonomisch und sozial nachhaltig? Was diese "
                "Prüfung besteht, fließt in den Maßnahmenkatalog ein.",
                "Fehlt ein Thema? Schreiben Sie an smartcity@example.org.",
            ],
            [],
        ),
    ]


# --- Events ----------------------------------------------------------------------------


def workshop_title(field, workshop_round):
    return f"Workshop {field['title']} – {workshop_round}. Runde"


def workshop_slug(field, workshop_round):
    return f"workshop-{field['slug']}-runde-{workshop_round}"


def workshop_description(field, workshop_round):
    if workshop_round == 1:
        intro = (
            f"<p>Zum Auftakt im Handlungsfeld {field['title']} sammeln wir "
            "gemeinsam, was in Pinneberg heute gut läuft und wo es hakt. In kleinen "
            "Gruppen entstehen erste Ideen, wie digitale Angebote helfen können. "
            f"{field['round1_focus']}</p>"
        )
    else:
        intro = (
            "<p>In der zweiten Runde knüpfen wir an die Zwischenergebnisse des "
            "ersten Workshops an. Wir ergänzen die gesammelten Ideen, schauen, was "
            "für ihre Umsetzung nötig wäre, und fragen, wer dabei mitwirken könnte. "
            f"{field['round2_focus']}</p><p>Sie waren beim ersten Mal nicht dabei? "
            "Kein Problem – zu Beginn fassen wir die bisherigen Ergebnisse kurz "
            "zusammen.</p>"
        )
    return intro + (
        "<p>Der Workshop findet als Videokonferenz statt. Wir bitten um eine "
        "unverbindliche Anmeldung, damit wir die Gruppen planen können.</p>"
    )


def workshop_search_description(field, workshop_round, day):
    return (
        f"Digitaler Workshop zum Handlungsfeld {field['title']}, "
        f"{workshop_round}. Runde, am {german_date(day)} von 18:30 bis 20:30 Uhr."
    )


EVENT_INDEX = {
    "title": "Veranstaltungen",
    "slug": "veranstaltungen",
    "seo_title": "Veranstaltungen und Workshops",
    "search_description": (
        "Workshops und Informationsabende zur Smart-City-Strategie Pinneberg, mit "
        "Kalenderdateien zum Herunterladen."
    ),
    "introduction": (
        "Hier finden Sie alle Workshops und Informationsabende zur "
        "Smart-City-Strategie. Jeden Termin können Sie als Kalenderdatei laden "
        "oder den ganzen Kalender abonnieren."
    ),
}

# Events that lie ahead whenever the demo is loaded: days from today, start, end.
UPCOMING_EVENTS = [
    {
        "title": "Bürgerabend: Der Maßnahmenkatalog und wie es weitergeht",
        "slug": "buergerabend-massnahmenkatalog",
        "days_ahead": 21,
        "start": datetime.time(18, 0),
        "end": datetime.time(20, 0),
        "format": "on_site",
        "field": None,
        "place": TOWN_HALL,
        "online_note": "",
        "audience": "Alle Interessierten – eine Anmeldung ist nicht erforderlich",
        "search_description": (
            "Öffentlicher Abend im Ratssaal: Das Projektbüro stellt den "
            "Maßnahmenkatalog und die ersten Pilotprojekte vor."
        ),
        "description": (
            "<p>Aus den Ideen der Workshops ist ein Maßnahmenkatalog für Pinneberg "
            "geworden. An diesem Abend stellt das Projektbüro vor, was darin steht, "
            "welche Pilotprojekte als Erstes starten und wie Sie sich weiter "
            "einbringen können.</p><p>Nach einem kurzen Überblick ist Zeit für "
            "Fragen und Gespräche an Thementischen zu allen fünf "
            "Handlungsfeldern.</p><p>Der Ratssaal ist stufenlos erreichbar. Wenn Sie "
            "Unterstützung brauchen, etwa eine Verdolmetschung in Gebärdensprache, "
            "melden Sie sich bitte spätestens eine Woche vorher beim "
            "Projektbüro.</p>"
        ),
    },
    {
        "title": "Werkstattgespräch: Pilotprojekt Parken und Laden",
        "slug": "werkstattgespraech-parken-und-laden",
        "days_ahead": 35,
        "start": datetime.time(18, 0),
        "end": datetime.time(20, 0),
        "format": "hybrid",
        "field": "mobility",
        "place": TOWN_HALL,
        "online_note": ONLINE_NOTE,
        "audience": WORKSHOP_AUDIENCE,
        "search_description": (
            "Werkstattgespräch zum ersten Pilotprojekt im Handlungsfeld Mobilität: "
            "eine Übersicht über freie Parkplätze und Ladesäulen."
        ),
        "description": (
            "<p>Eine der meistgenannten Ideen aus den Mobilitäts-Workshops war eine "
            "Übersicht über freie Parkplätze, Ladesäulen und Fahrradboxen. Jetzt "
            "liegt ein erster Entwurf vor. Wir zeigen ihn und sammeln Ihre "
            "Hinweise, bevor der Test beginnt.</p><p>Sie können im Ratssaal dabei "
            "sein oder online teilnehmen.</p>"
        ),
    },
]


# --- News --------------------------------------------------------------------------------

NEWS_INDEX = {
    "title": "Aktuelles",
    "slug": "aktuelles",
    "seo_title": "Aktuelles aus dem Projekt",
    "search_description": (
        "Neuigkeiten zur Smart-City-Strategie Pinneberg: Einladungen, Ergebnisse "
        "und nächste Schritte."
    ),
    "introduction": (
        "Neuigkeiten aus dem Projekt: Einladungen, Ergebnisse und die nächsten "
        "Schritte. Sie können die Meldungen auch als Feed abonnieren."
    ),
}


def _workshop_dates(round_key):
    return bullet_list(
        f"{field['title']}: {german_date(field[round_key], weekday=True)}"
        for field in FIELDS
    )


NEWS = [
    {
        "title": "Startschuss für „Smart. Smarter. Pinneberg?!“",
        "slug": "startschuss-smart-city-strategie",
        "date": datetime.date(2021, 12, 1),
        "tags": ["Projekt"],
        "field": None,
        "colours": PROJECT_COLOURS,
        "picture": "Blautönen",
        "teaser": (
            "Die Stadt Pinneberg beginnt mit der Arbeit an ihrer "
            "Smart-City-Strategie. Das Land Schleswig-Holstein fördert das Vorhaben; "
            "bis Ende 2022 soll ein Maßnahmenkatalog vorliegen."
        ),
        "body": [
            paragraph(
                "<p>Was heißt es für eine Stadt wie Pinneberg, „smart“ zu sein? "
                "Schnelles Internet und vernetzte Technik allein reichen dafür "
                "nicht. Es kommt darauf an, ob digitale Lösungen bei den großen "
                "Fragen der nächsten Jahre helfen: eine älter werdende "
                "Bevölkerung, knappe Ressourcen, fehlende Fachkräfte und der "
                "Klimawandel.</p>"
                "<p>Mit dem Projekt „Smart. Smarter. Pinneberg?!“ ergänzt die Stadt "
                "ihre bisherige Digitalstrategie, die sich vor allem mit der "
                "Verwaltung beschäftigt hat, um weitere Themen. Das Ministerium für "
                "Inneres, ländliche Räume, Integration und Gleichstellung fördert "
                "das Projekt im Programm „Digitale Modellkommunen“. Im Auftrag der "
                "Stadt führt Dataport.kommunal es durch.</p>"
            ),
            heading("Wie es weitergeht"),
            paragraph(
                "<p>In den ersten Wochen verschafft sich das Projektteam einen "
                "Überblick über die digitalen Angebote, die es in der Stadt schon "
                "gibt. Anfang 2022 beginnen dann Workshops, zu denen alle "
                "eingeladen sind, die in Pinneberg leben oder arbeiten.</p>"
            ),
        ],
    },
    {
        "title": "Einladung: Digitale Workshops zu fünf Handlungsfeldern",
        "slug": "einladung-digitale-workshops",
        "date": datetime.date(2022, 2, 10),
        "tags": ["Workshop", "Einladung"],
        "field": None,
        "colours": ("#1f6f8b", "#8fc9dc"),
        "picture": "Blau- und Türkistönen",
        "teaser": (
            "Ab dem 23. Februar 2022 lädt die Stadt zu digitalen Workshops ein. "
            "Jedes der fünf Handlungsfelder bekommt einen eigenen Abend; den Anfang "
            "macht die Mobilität."
        ),
        "body": [
            paragraph(
                "<p>Wie soll Pinneberg in einigen Jahren aussehen, und welche "
                "digitalen Angebote helfen auf dem Weg dorthin? Darüber möchte die "
                "Stadt mit Ihnen sprechen: mit Bürgerinnen und Bürgern, Unternehmen, "
                "Vereinen und Verbänden, den Mitarbeitenden der Verwaltung und allen, "
                "denen die Zukunft der Stadt am Herzen liegt.</p>"
                "<p>Weil Treffen im Rathaus wegen der Corona-Pandemie gerade nicht "
                "möglich sind, finden die Workshops als Videokonferenz statt. Die "
                "Abende der ersten Runde beginnen jeweils um 18:30 Uhr:</p>"
                + _workshop_dates("round1_date")
            ),
            heading("Was Sie brauchen"),
            paragraph(
                "<p>Ein Computer oder Smartphone mit Kamera, ein Headset und eine "
                "stabile Internetverbindung genügen. Sie müssen weder etwas "
                "installieren noch technische Vorkenntnisse mitbringen. Damit wir "
                "die Gruppen planen können, bitten wir um eine unverbindliche "
                "Anmeldung.</p>"
            ),
            call_to_action(
                "Zu den Terminen",
                "Alle Workshops mit Beschreibung und Kalenderdatei.",
                Ref("events"),
                "Veranstaltungen ansehen",
            ),
        ],
    },
    {
        "title": "Erste Workshop-Runde: Die Zwischenergebnisse sind da",
        "slug": "zwischenergebnisse-erste-runde",
        "date": datetime.date(2022, 3, 24),
        "tags": ["Ergebnisse", "Workshop"],
        "field": None,
        "colours": ("#2d6a4f", "#a3dbb9"),
        "picture": "Grüntönen",
        "teaser": (
            "Fünf Abende, viele Ideen: Die Ergebnisse der ersten Workshop-Runde "
            "stehen jetzt auf den Seiten der Handlungsfelder zum Nachlesen und "
            "Herunterladen bereit."
        ),
        "body": [
            paragraph(
                "<p>Zwischen dem 23. Februar und dem 3. März haben Pinnebergerinnen "
                "und Pinneberger an fünf Abenden online über die Zukunft ihrer Stadt "
                "diskutiert. Vielen Dank an alle, die dabei waren!</p>"
                "<p>Für jedes Handlungsfeld haben wir die Ergebnisse "
                "zusammengefasst. Sie finden sie auf der Seite des jeweiligen "
                "Handlungsfelds, zusammen mit einem Dokument, das die ganze "
                "Ideensammlung enthält.</p>"
            ),
            heading("Fehlt etwas?"),
            paragraph(
                "<p>Wenn Ihnen beim Lesen ein Thema einfällt, das noch fehlt, "
                "schreiben Sie uns an smartcity@example.org. Alle Hinweise nehmen "
                "wir mit in die zweite Runde.</p>"
            ),
        ],
    },
    {
        "title": "Zweite Workshop-Runde beginnt Ende April",
        "slug": "zweite-workshop-runde",
        "date": datetime.date(2022, 4, 11),
        "tags": ["Workshop", "Einladung"],
        "field": None,
        "colours": ("#34477a", "#aab9e2"),
        "picture": "Schiefer- und Hellblautönen",
        "teaser": (
            "In der zweiten Runde werden aus Ideen konkrete Vorschläge. Auch wer beim "
            "ersten Mal nicht dabei war, ist herzlich willkommen."
        ),
        "body": [
            paragraph(
                "<p>Die zweite Runde baut auf den Zwischenergebnissen auf. Wir "
                "wollen die Ideen schärfen, Lücken schließen und besprechen, was "
                "für eine Umsetzung nötig wäre. Die Abende beginnen wieder um "
                "18:30 Uhr und finden online statt:</p>"
                + _workshop_dates("round2_date")
                + "<p>Zu Beginn jedes Workshops fassen wir die Ergebnisse der "
                "ersten Runde kurz zusammen, sodass niemand Vorwissen braucht.</p>"
            ),
        ],
    },
    {
        "title": "Wirtschaft: Wie die Innenstadt digital sichtbarer werden kann",
        "slug": "wirtschaft-innenstadt-digital",
        "date": datetime.date(2022, 5, 18),
        "tags": ["Ergebnisse", "Workshop"],
        "field": "economy",
        "colours": ("#8a520f", "#efc27d"),
        "picture": "Ocker- und Sandtönen",
        "teaser": (
            "Im zweiten Workshop zur Wirtschaft ging es vor allem um den Handel vor "
            "Ort. Viele wünschen sich ein gemeinsames digitales Schaufenster der "
            "Pinneberger Geschäfte."
        ),
        "body": [
            paragraph(
                "<p>Wie können Geschäfte in der Innenstadt neben dem Online-Handel "
                "bestehen? Mehrere Teilnehmende schlugen einen gemeinsamen "
                "Online-Marktplatz vor: Wer etwas sucht, sieht dort, was in den "
                "Läden vorrätig ist, bestellt es und holt es vor Ort ab.</p>"
                "<p>Außerdem ging es um Co-Working-Räume für Menschen, die nicht "
                "jeden Tag pendeln möchten, und um eine Karte mit leer stehenden "
                "Gewerbeflächen. Betriebe wünschen sich, Gewerbeanmeldungen und "
                "Genehmigungen vollständig online erledigen zu können.</p>"
            ),
            quote(
                "Wenn ich sehe, dass der Laden um die Ecke hat, was ich suche, "
                "bestelle ich es nicht im Internet.",
                "Teilnehmerin des Workshops, Inhaberin eines Fachgeschäfts",
            ),
        ],
    },
    {
        "title": "Von der Idee zur Maßnahme: Die Bewertung beginnt",
        "slug": "bewertung-der-ideen",
        "date": datetime.date(2022, 6, 20),
        "tags": ["Bewertung", "Projekt"],
        "field": None,
        "colours": ("#6d3a7c", "#dbb6e6"),
        "picture": "Violett- und Rosatönen",
        "teaser": (
            "Die Workshops sind abgeschlossen. Jetzt wird geprüft, welche Ideen "
            "Pinneberg am meisten voranbringen – in mehreren Stufen und nach "
            "offenen Kriterien."
        ),
        "body": [
            paragraph(
                "<p>Die Ideensammlungen aller fünf Handlungsfelder sind gut gefüllt. "
                "Nun geht es darum, die Vorschläge herauszufinden, die für Pinneberg "
                "am meisten bewirken.</p>"
                "<p>Jede Idee durchläuft dafür mehrere Stufen. Zuerst klären wir, ob "
                "sie ein Smart-City-Thema ist und zu den Zielen des Projekts passt. "
                "Danach bewerten wir sie nach gemeinsamen Kriterien:</p>"
                + bullet_list(
                    [
                        "Mehrwert für die Stadtgesellschaft",
                        "beherrschbare Komplexität",
                        "ökologische Nachhaltigkeit",
                        "ökonomische Nachhaltigkeit",
                        "soziale Nachhaltigkeit",
                    ]
                )
                + "<p>Neben der Verwaltung wirken engagierte Bürgerinnen und Bürger "
                "an der Bewertung mit. So können alle nachvollziehen, warum eine "
                "Idee weiterverfolgt wird oder nicht.</p>"
            ),
        ],
    },
    {
        "title": "Der Maßnahmenkatalog entsteht",
        "slug": "massnahmenkatalog-entsteht",
        "date": datetime.date(2022, 10, 12),
        "tags": ["Projekt"],
        "field": None,
        "colours": PROJECT_COLOURS,
        "picture": "Blautönen",
        "teaser": (
            "Aus den bewerteten Ideen wird ein Katalog von Maßnahmen. Er soll Ende "
            "2022 fertig sein und sich auch auf andere Kommunen übertragen lassen."
        ),
        "body": [
            paragraph(
                "<p>Für jede Maßnahme beschreiben wir, welches Problem sie löst, wer "
                "sie umsetzen kann, was sie ungefähr kostet und aus welcher Idee der "
                "Workshops sie hervorgegangen ist.</p>"
                "<p>Wenn der Katalog fertig ist, entscheiden die politischen "
                "Gremien, welche Maßnahmen zuerst umgesetzt werden. Die Umsetzung "
                "gehört nicht mehr zum geförderten Projekt; die Stadt wird sie aber "
                "hier auf der Website begleiten.</p>"
            ),
            heading("Nützlich auch für andere Kommunen"),
            paragraph(
                "<p>Von Anfang an sollten auch andere Städte und Gemeinden von der "
                "Arbeit in Pinneberg profitieren. Der Katalog ist deshalb so "
                "aufgebaut, dass sich die Maßnahmen an andere Orte anpassen "
                "lassen.</p>"
            ),
        ],
    },
]


def image_description(picture):
    return f"Abstrakte Grafik in {picture} mit Kreisen, einem Band und Punkten"


# --- Standard pages ------------------------------------------------------------------

DEMO_NOTICE = paragraph(
    "<p><i>Hinweis: Dies ist eine Demo-Installation. Anschrift, E-Mail-Adressen "
    "und Zuständigkeiten auf dieser Seite sind Beispiele.</i></p>"
)

STANDARD_PAGES = [
    {
        "key": "imprint",
        "title": "Impressum",
        "slug": "impressum",
        "seo_title": "Impressum",
        "search_description": "Anbieterkennzeichnung der Website der Stadt Pinneberg.",
        "introduction": "Wer diese Website herausgibt und für ihren Inhalt verantwortlich ist.",
        "body": [
            heading("Herausgeberin"),
            paragraph(
                "<p>Stadt Pinneberg<br/>Rathaus, Musterstraße 1<br/>25421 Pinneberg</p>"
                "<p>Die Stadt ist eine Körperschaft des öffentlichen Rechts. Sie wird "
                "durch die Bürgermeisterin oder den Bürgermeister vertreten.</p>"
                "<p>E-Mail: smartcity@example.org</p>"
            ),
            heading("Verantwortlich für den Inhalt"),
            paragraph(
                "<p>Projektleitung Smart City der Stadt Pinneberg, Anschrift wie "
                "oben. Die einzelnen Beiträge verantworten die jeweils zuständigen "
                "Fachbereiche.</p>"
            ),
            heading("Projektdurchführung"),
            paragraph(
                "<p>Das Projekt „Smart. Smarter. Pinneberg?!“ wird im Auftrag der "
                "Stadt von Dataport.kommunal durchgeführt und vom Land "
                "Schleswig-Holstein im Programm „Digitale Modellkommunen“ "
                "gefördert.</p>"
            ),
            heading("Haftung für Links"),
            paragraph(
                "<p>Diese Website enthält Links zu Angeboten anderer Stellen. Für "
                "deren Inhalte sind allein die jeweiligen Anbieter verantwortlich. "
                "Sollten wir von rechtswidrigen Inhalten erfahren, entfernen wir den "
                "Link umgehend.</p>"
            ),
            heading("Technik"),
            paragraph(
                "<p>Die Website läuft mit Stadtdialog, einer quelloffenen Software "
                "auf Basis von Wagtail und Django.</p>"
            ),
            DEMO_NOTICE,
        ],
    },
    {
        "key": "privacy",
        "title": "Datenschutz",
        "slug": "datenschutz",
        "seo_title": "Datenschutzerklärung",
        "search_description": (
            "Welche Daten diese Website verarbeitet, wie lange sie gespeichert "
            "werden und welche Rechte Sie haben."
        ),
        "introduction": (
            "Wir erheben nur die Daten, die für die Beteiligung wirklich nötig sind, "
            "und geben sie an niemanden weiter."
        ),
        "body": [
            heading("Verantwortliche Stelle"),
            paragraph(
                "<p>Verantwortlich ist die Stadt Pinneberg, Rathaus, Musterstraße 1, "
                "25421 Pinneberg, E-Mail smartcity@example.org. Die behördliche "
                "Datenschutzbeauftragte oder den behördlichen "
                "Datenschutzbeauftragten erreichen Sie unter "
                "datenschutz@example.org.</p>"
            ),
            heading("Wenn Sie die Website nur lesen"),
            paragraph(
                "<p>Beim Aufruf einer Seite verarbeitet der Server technisch "
                "notwendige Angaben: die aufgerufene Adresse, Datum und Uhrzeit, den "
                "verwendeten Browser und eine gekürzte IP-Adresse. Vollständige "
                "IP-Adressen speichern wir nicht. Diese Protokolle dienen nur dem "
                "sicheren Betrieb und werden nach sieben Tagen gelöscht.</p>"
                "<p>Zum bloßen Lesen setzen wir keine Cookies. Erst wenn Sie ein "
                "Formular absenden, wird ein technisch notwendiges Cookie gesetzt, "
                "das vor gefälschten Anfragen schützt.</p>"
            ),
            heading("Wenn Sie sich beteiligen"),
            paragraph(
                "<p>Für die Anmeldung zu Workshops, für Ideen, Kommentare und "
                "Benachrichtigungen brauchen wir Ihre E-Mail-Adresse. Sie bestätigen "
                "sie über einen Link, den wir Ihnen schicken. Ein Anzeigename ist "
                "freiwillig; öffentlich erscheint nur er, niemals Ihre "
                "E-Mail-Adresse.</p>"
                "<p>Rechtsgrundlage ist Ihre Einwilligung (Art. 6 Abs. 1 Buchst. a "
                "DSGVO) sowie die Aufgabe der Stadt, ihre Einwohnerinnen und "
                "Einwohner zu beteiligen (Art. 6 Abs. 1 Buchst. e DSGVO). Sie können "
                "Ihre Einwilligung jederzeit widerrufen. Anmeldedaten zu "
                "Veranstaltungen löschen wir spätestens drei Monate nach dem "
                "Termin.</p>"
            ),
            heading("Keine Dienste Dritter"),
            paragraph(
                "<p>Diese Website lädt nichts von anderen Servern: keine "
                "Statistikdienste, keine externen Schriften, keine eingebetteten "
                "Videos oder Karten, keine Schaltflächen sozialer Netzwerke. Es gibt "
                "auch kein Übersetzungs-Widget, das Seiteninhalte an einen fremden "
                "Anbieter schickt.</p>"
                "<p>Nur die Videokonferenzen der Workshops laufen über einen "
                "Dienstleister der Stadt. Worauf Sie dort achten sollten, steht in "
                "der Einladung zum jeweiligen Termin.</p>"
            ),
            heading("Übersetzungen"),
            paragraph(
                "<p>Die Seiten in anderen Sprachen übersetzt die Redaktion selbst. "
                "Wenn die Stadt dafür eine maschinelle Übersetzung einschaltet, "
                "schickt die Website beim Übersetzen nur die Texte der Seite, die "
                "gerade übersetzt wird, an diesen Dienst: entweder an einen "
                "LibreTranslate-Server, den die Stadt selbst betreibt, oder an "
                "DeepL (DeepL SE, Köln). Ideen, Kommentare, E-Mail-Adressen und "
                "andere Angaben von Ihnen werden nie an einen Übersetzungsdienst "
                "geschickt, und beim Lesen der Website wird kein solcher Dienst "
                "aufgerufen.</p>"
            ),
            heading("Ihre Rechte"),
            paragraph(
                "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und "
                "Einschränkung der Verarbeitung Ihrer Daten, auf "
                "Datenübertragbarkeit und auf Widerspruch. Schreiben Sie dazu an "
                "datenschutz@example.org. Außerdem können Sie sich bei der "
                "Datenschutzaufsicht des Landes Schleswig-Holstein beschweren.</p>"
            ),
            DEMO_NOTICE,
        ],
    },
    {
        "key": "accessibility",
        "title": "Erklärung zur Barrierefreiheit",
        "slug": "barrierefreiheit",
        "seo_title": "Erklärung zur Barrierefreiheit",
        "search_description": (
            "Wie barrierefrei diese Website ist, welche Inhalte es noch nicht sind "
            "und wie Sie uns Barrieren melden können."
        ),
        "introduction": (
            "Die Stadt Pinneberg möchte, dass alle Menschen diese Website nutzen "
            "können. Hier steht, wie weit uns das gelingt."
        ),
        "body": [
            paragraph(
                "<p>Als öffentliche Stelle ist die Stadt verpflichtet, ihre "
                "Websites barrierefrei zu gestalten. Grundlage sind das "
                "Landesbehindertengleichstellungsgesetz Schleswig-Holstein und die "
                "europäische Richtlinie (EU) 2016/2102. Diese Erklärung gilt für die "
                "Website zum Projekt „Smart. Smarter. Pinneberg?!“.</p>"
            ),
            heading("Stand der Vereinbarkeit"),
            paragraph(
                "<p>Die Website ist weitgehend mit den Anforderungen der "
                "Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der "
                "Norm EN 301 549 vereinbar. Die folgenden Inhalte sind noch nicht "
                "barrierefrei:</p>"
                + bullet_list(
                    [
                        "Die PDF-Dokumente mit den Zwischenergebnissen der Workshops "
                        "sind nicht getaggt. Ihr Inhalt steht aber zusätzlich als Text "
                        "auf den Seiten der Handlungsfelder.",
                        "Bilder in älteren Meldungen haben teilweise nur eine knappe "
                        "Beschreibung.",
                        "Für die Workshops nutzen wir ein Videokonferenzsystem, das "
                        "nicht zu dieser Website gehört. Brauchen Sie Unterstützung, "
                        "etwa Untertitel oder eine Verdolmetschung in "
                        "Gebärdensprache, melden Sie sich bitte vorher bei uns.",
                    ]
                )
            ),
            heading("Wie diese Erklärung entstanden ist"),
            paragraph(
                "<p>Die Erklärung beruht auf einer Selbstbewertung vom 30. November "
                "2022. Sie wird überprüft, wenn sich die Website wesentlich "
                "ändert.</p>"
            ),
            heading("Barrieren melden"),
            paragraph(
                "<p>Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie einen "
                "Inhalt in einer anderen Form? Schreiben Sie an "
                "barrierefreiheit@example.org oder per Post an das Projektbüro "
                "Smart City, Rathaus, Musterstraße 1, 25421 Pinneberg. Wir "
                "antworten innerhalb von zwei Wochen.</p>"
            ),
            heading("Durchsetzungsverfahren"),
            paragraph(
                "<p>Wenn Sie keine oder keine zufriedenstellende Antwort erhalten, "
                "können Sie sich an die Beschwerdestelle für Barrierefreiheit des "
                "Landes Schleswig-Holstein wenden. Das Verfahren dort ist "
                "kostenlos.</p>"
            ),
            DEMO_NOTICE,
        ],
    },
    {
        "key": "principles",
        "title": "Grundsätze der Zusammenarbeit",
        "slug": "grundsaetze-der-zusammenarbeit",
        "seo_title": "Grundsätze der Zusammenarbeit",
        "search_description": (
            "Wie Bürgerschaft, Stadt und Projektteam bei der Smart-City-Strategie "
            "miteinander umgehen."
        ),
        "introduction": (
            "Eine gute Strategie entsteht nur, wenn alle offen mitreden können. Darauf "
            "haben sich Stadt, Projektteam und alle Beteiligten verständigt."
        ),
        "body": [
            {
                "type": "accordion",
                "value": {
                    "title": "Unsere Grundsätze",
                    "items": [
                        {
                            "question": question,
                            "answer": f"<p>{answer}</p>",
                        }
                        for question, answer in [
                            (
                                "Wir begegnen uns mit Respekt",
                                "Wir hören einander zu, lassen andere ausreden "
                                "und kritisieren Ideen, nicht Menschen. "
                                "Beleidigungen und Herabsetzungen haben hier "
                                "keinen Platz.",
                            ),
                            (
                                "Jeder Beitrag zählt",
                                "Ob Schülerin, Rentner, Unternehmerin oder "
                                "Mitarbeiter der Verwaltung: Alle Vorschläge "
                                "werden gleich ernst genommen und nach denselben "
                                "Kriterien geprüft.",
                            ),
                            (
                                "Wir arbeiten auf Augenhöhe",
                                "Niemand muss Fachwissen mitbringen. Wir erklären "
                                "Fachbegriffe und sorgen dafür, dass auch Menschen "
                                "ohne technische Vorkenntnisse mitreden können.",
                            ),
                            (
                                "Wir sind offen und nachvollziehbar",
                                "Wir veröffentlichen Zwischenergebnisse und "
                                "erklären, warum eine Idee weiterverfolgt wird "
                                "oder nicht. Entscheidungen der politischen "
                                "Gremien machen wir sichtbar.",
                            ),
                            (
                                "Wir bleiben ehrlich",
                                "Nicht jede Idee lässt sich umsetzen, und manches "
                                "dauert länger als erhofft. Wir sagen offen, was "
                                "möglich ist und was nicht.",
                            ),
                            (
                                "Wir gehen sorgsam mit Daten um",
                                "Wir fragen nur nach, was wir wirklich brauchen, "
                                "zeigen öffentlich höchstens einen selbst "
                                "gewählten Namen und geben nichts an Dritte "
                                "weiter.",
                            ),
                        ]
                    ],
                },
            },
            paragraph(
                "<p>Wer sich an diese Grundsätze hält, trägt dazu bei, dass die "
                "Strategie von vielen getragen wird. Beiträge, die gegen sie "
                "verstoßen, kann die Moderation ausblenden.</p>"
            ),
        ],
    },
]
