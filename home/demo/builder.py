"""Builds the demo site from home.demo.content. Running it again changes nothing.

Every page is looked up by its slug below its parent first; only missing pages
are created (and published once). Images and documents are looked up by title.
The branding is only filled in while it still has its untouched defaults.
"""

import datetime
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from cms.core.models import SiteBranding, StandardPage
from cms.events.models import EventIndexPage, EventPage
from cms.news.models import NewsIndexPage, NewsPage
from cms.strategy.models import FieldPage, ProjectPage, ProjectPhase
from home.models import HomePage

from . import content as c
from .evaluation import build_evaluation
from .media import MediaLibrary, build_pdf
from .participation import DemoParticipation
from .registrations import load_demo_registrations
from .translations import load_translations

BERLIN = ZoneInfo("Europe/Berlin")
WELCOME_SLUG = "home"  # the plain page Wagtail's first migration creates
FALLBACK_HOME_SLUG = "startseite"


def load_demo(stdout=None) -> int:
    """Build the demo site in one transaction; return the number of pages created.

    stdout, if given, receives a one-line summary (e.g. a command's self.stdout).
    """
    builder = DemoBuilder()
    with transaction.atomic():
        builder.build()
    if stdout is not None:
        stdout.write(builder.summary())
    return builder.pages_created


class DemoBuilder:
    def __init__(self):
        self.pages_created = 0
        self.settings_changed = False
        self.media = MediaLibrary()
        self.refs = {}  # name -> page, for c.Ref links
        self.fields = {}  # key of a field of action -> FieldPage
        self.finishers = []  # (page, callback): filled in and published last
        self.participation = DemoParticipation()

    # --- helpers ---------------------------------------------------------------------

    def resolve(self, value):
        """Replace every c.Ref in nested StreamField data by the page's id."""
        if isinstance(value, c.Ref):
            return self.refs[value.name].pk
        if isinstance(value, dict):
            return {key: self.resolve(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.resolve(item) for item in value]
        return value

    def child(self, parent, model, slug, build, publish=True, locale=None):
        """Return (page, created): the child of parent with this slug, or a new
        page from build() added below parent and, unless publish is False,
        published with its first revision."""
        siblings = parent.get_children().filter(slug=slug)
        if locale is not None:
            siblings = siblings.filter(locale=locale)
        existing = siblings.first()
        if existing is not None:
            existing = existing.specific
            if not isinstance(existing, model):
                raise CommandError(
                    f"The page '{existing.title}' at {existing.url_path} has the slug "
                    f"'{slug}' the demo needs for a {model._meta.verbose_name}. "
                    "Rename or delete it and run the command again."
                )
            return existing, False
        page = build()
        page.slug = slug
        page.live = False
        parent.add_child(instance=page)
        self.pages_created += 1
        if publish:
            page.save_revision().publish()
        return page, True

    def finish_later(self, page, callback):
        self.finishers.append((page, callback))

    def image(self, title, slug, colours, picture):
        dark, light = colours
        return self.media.image(
            title=title,
            filename=f"demo-{slug}.jpg",
            dark=dark,
            light=light,
            description=c.image_description(picture),
        )

    # --- the site --------------------------------------------------------------------

    def build(self):
        home, home_created = self.ensure_home()
        self.refs["home"] = home
        project, project_created = self.child(
            home, ProjectPage, c.PROJECT["slug"], self.build_project, publish=False
        )
        self.refs["project"] = project
        if project_created:
            self.finish_later(project, self.finish_project)
        self.refs["events"], _ = self.child(
            home, EventIndexPage, c.EVENT_INDEX["slug"], self.build_event_index
        )
        self.refs["news"], _ = self.child(
            home, NewsIndexPage, c.NEWS_INDEX["slug"], self.build_news_index
        )
        for data in c.STANDARD_PAGES:
            self.refs[data["key"]], _ = self.child(
                home, StandardPage, data["slug"], lambda d=data: self.build_standard(d)
            )
        self.participation.ensure_canned_replies()
        for data in c.FIELDS:
            page, created = self.child(
                project, FieldPage, data["slug"], lambda d=data: self.build_field(d)
            )
            self.fields[data["key"]] = page
            self.participation.take_part(data, page, created)
        build_evaluation(self)
        self.build_events(self.refs["events"])
        for data in c.NEWS:
            self.child(
                self.refs["news"],
                NewsPage,
                data["slug"],
                lambda d=data: self.build_news(d),
            )

        if home_created:
            self.finish_later(home, self.finish_home)
        elif project_created and not home.featured_project_id:
            self.finish_later(home, self.feature_project)
        for page, callback in self.finishers:
            # Fetch afresh: adding children changed the tree fields in the database.
            page = type(page).objects.get(pk=page.pk)
            callback(page)
            page.save_revision().publish()

        site = self.ensure_site(home, home_created)
        self.ensure_branding(site)
        self.participation.created += load_demo_registrations(
            self.refs["events"], self.fields
        )
        self.pages_created += load_translations(home)

    def ensure_home(self):
        locale = Locale.get_default()
        home = HomePage.objects.filter(depth=2, locale=locale).order_by("path").first()
        if home is not None:
            return home, False
        self.remove_welcome_page()
        root = Page.get_first_root_node()  # fetched after the deletion on purpose
        slug = c.HOME["slug"]
        if root.get_children().filter(slug=slug, locale=locale).exists():
            slug = FALLBACK_HOME_SLUG
        return self.child(
            root, HomePage, slug, self.build_home, publish=False, locale=locale
        )

    def remove_welcome_page(self):
        """Delete Wagtail's 'Welcome to your new Wagtail site!' page if it is
        still the untouched plain page without children."""
        root = Page.get_first_root_node()
        welcome = (
            root.get_children()
            .filter(
                slug=WELCOME_SLUG,
                content_type=ContentType.objects.get_for_model(Page),
            )
            .first()
        )
        if welcome is None or welcome.get_children().exists():
            return
        # A site is deleted together with its root page: point it elsewhere first.
        for site in Site.objects.filter(root_page=welcome):
            site.root_page = root
            site.save()
        welcome.delete()

    def ensure_site(self, home, home_created):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.filter(hostname="localhost", port=80).first()
        if site is None:
            self.settings_changed = True
            return Site.objects.create(
                hostname="localhost",
                port=80,
                site_name=c.SITE_TITLE,
                root_page=home,
                is_default_site=True,
            )
        changed = []
        if home_created and site.root_page_id != home.pk:
            site.root_page = home
            changed.append("root_page")
        if not site.is_default_site:
            site.is_default_site = True
            changed.append("is_default_site")
        if not site.site_name:
            site.site_name = c.SITE_TITLE
            changed.append("site_name")
        if changed:
            site.save()
            self.settings_changed = True
        return site

    def ensure_branding(self, site):
        branding = SiteBranding.for_site(site)
        untouched_name = SiteBranding._meta.get_field("municipality_name").default
        changed = False
        if branding.municipality_name == untouched_name and not branding.site_title:
            for name, value in c.BRANDING.items():
                setattr(branding, name, value)
            changed = True
        if not branding.footer_links:
            branding.footer_links = [
                {
                    "type": "link",
                    "value": {"label": label, "page": self.refs[key].pk, "url": ""},
                }
                for label, key in c.FOOTER_LINKS
            ]
            changed = True
        if changed:
            branding.full_clean()
            branding.save()
            self.settings_changed = True

    # --- page builders ---------------------------------------------------------------

    def build_home(self):
        data = c.HOME
        image = self.image(
            data["image_title"], "startseite", c.PROJECT_COLOURS, "Blautönen"
        )
        return HomePage(
            title=data["title"],
            seo_title=data["seo_title"],
            search_description=data["search_description"],
            hero_title=data["hero_title"],
            introduction=data["introduction"],
            hero_image=image,
            share_image=image,
        )

    def finish_home(self, home):
        home.body = self.resolve(c.HOME["body"])
        self.feature_project(home)

    def feature_project(self, home):
        home.featured_project = self.refs["project"]

    def build_project(self):
        data = c.PROJECT
        return ProjectPage(
            title=data["title"],
            seo_title=data["seo_title"],
            search_description=data["search_description"],
            summary=data["summary"],
            goals=data["goals"],
            start_date=data["start_date"],
            end_date=data["end_date"],
            funding=data["funding"],
            client=data["client"],
            carried_out_by=data["carried_out_by"],
            contact_role=data["contact_role"],
            contact_email=data["contact_email"],
            share_image=self.image(
                "Demo-Bild: Startseite", "startseite", c.PROJECT_COLOURS, "Blautönen"
            ),
            phases=[
                ProjectPhase(sort_order=number, **phase)
                for number, phase in enumerate(data["phases"])
            ],
            show_in_menus=True,
        )

    def finish_project(self, project):
        project.body = self.resolve(c.PROJECT["body"])

    def build_event_index(self):
        data = c.EVENT_INDEX
        return EventIndexPage(
            title=data["title"],
            seo_title=data["seo_title"],
            search_description=data["search_description"],
            introduction=data["introduction"],
            show_in_menus=True,
        )

    def build_news_index(self):
        data = c.NEWS_INDEX
        return NewsIndexPage(
            title=data["title"],
            seo_title=data["seo_title"],
            search_description=data["search_description"],
            introduction=data["introduction"],
            show_in_menus=True,
        )

    def build_standard(self, data):
        return StandardPage(
            title=data["title"],
            seo_title=data["seo_title"],
            search_description=data["search_description"],
            introduction=data["introduction"],
            body=self.resolve(data["body"]),
            show_in_menus=False,
        )

    def build_field(self, data):
        image = self.image(
            f"Demo-Bild: {data['title']}",
            data["slug"],
            data["colours"],
            data["picture"],
        )
        document = self.interim_document(data)
        return FieldPage(
            title=data["title"],
            seo_title=f"{data['title']} – Handlungsfeld der Smart-City-Strategie",
            search_description=c.field_search_description(data),
            introduction=data["introduction"],
            card_image=image,
            challenges=data["challenges"],
            body=self.resolve(c.field_body(data))
            + self.participation.body_blocks(
                data, FieldPage._meta.get_field("body").stream_block
            ),
            interim_results=[
                {
                    "type": "result",
                    "value": {
                        "round": 1,
                        "title": c.interim_title(data, 1),
                        "text": c.interim_text(data),
                        "documents": [document.pk],
                    },
                }
            ],
        )

    def interim_document(self, data):
        day = data["round1_date"]
        published = day + datetime.timedelta(days=14)

        def make_pdf():
            return build_pdf(
                title=c.interim_document_title(data),
                subtitle=f"{c.SITE_TITLE} – Stand: {c.german_date(published)}",
                sections=c.interim_document_sections(data),
                footer=f"{c.MUNICIPALITY}, Projektbüro Smart City",
                date=published,
                author=f"{c.MUNICIPALITY}, Projektbüro Smart City",
                colour=data["colours"][0],
            )

        return self.media.document(
            title=c.interim_document_title(data),
            filename=f"zwischenergebnisse-{data['slug']}-runde-1.pdf",
            make_pdf=make_pdf,
        )

    def build_events(self, index):
        workshops = [
            (data, number, data[f"round{number}_date"])
            for number in (1, 2)
            for data in c.FIELDS
        ]
        workshops.sort(key=lambda item: item[2])
        for data, number, day in workshops:
            self.child(
                index,
                EventPage,
                c.workshop_slug(data, number),
                lambda d=data, n=number, day=day: self.build_workshop(d, n, day),
            )
        today = timezone.localdate()
        for data in c.UPCOMING_EVENTS:
            self.child(
                index,
                EventPage,
                data["slug"],
                lambda d=data: self.build_upcoming(d, today),
            )

    def build_workshop(self, data, number, day):
        return EventPage(
            title=c.workshop_title(data, number),
            search_description=c.workshop_search_description(data, number, day),
            field_of_action=self.fields[data["key"]],
            workshop_round=number,
            start=datetime.datetime.combine(day, c.WORKSHOP_START, tzinfo=BERLIN),
            end=datetime.datetime.combine(day, c.WORKSHOP_END, tzinfo=BERLIN),
            format=EventPage.ONLINE,
            online_note=c.ONLINE_NOTE,
            description=c.workshop_description(data, number),
            audience=c.WORKSHOP_AUDIENCE,
        )

    def build_upcoming(self, data, today):
        day = today + datetime.timedelta(days=data["days_ahead"])
        return EventPage(
            title=data["title"],
            search_description=data["search_description"],
            field_of_action=self.fields.get(data["field"]),
            start=datetime.datetime.combine(day, data["start"], tzinfo=BERLIN),
            end=datetime.datetime.combine(day, data["end"], tzinfo=BERLIN),
            format=data["format"],
            online_note=data["online_note"],
            description=data["description"],
            audience=data["audience"],
            **data["place"],
        )

    def build_news(self, data):
        image = self.image(
            f"Demo-Bild: {data['title']}",
            data["slug"],
            data["colours"],
            data["picture"],
        )
        page = NewsPage(
            title=data["title"],
            search_description=data["teaser"].split(". ")[0].rstrip(".") + ".",
            date=data["date"],
            teaser=data["teaser"],
            image=image,
            image_alt=c.image_description(data["picture"]),
            body=self.resolve(data["body"]),
            field_of_action=self.fields.get(data["field"]),
        )
        page.tags.add(*data["tags"])
        return page

    # --- report ----------------------------------------------------------------------

    def summary(self):
        participation = self.participation.created
        if not (
            self.pages_created
            or self.media.created
            or self.settings_changed
            or participation
        ):
            return "Demo content is already there; nothing changed."
        return (
            f"Demo content loaded: {self.pages_created} pages, "
            f"{self.media.created} images and documents, "
            f"{participation} participation items created."
        )
