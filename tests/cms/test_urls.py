"""Site-wide addresses: language redirect, sitemap, robots.txt and the 404 page."""

import xml.etree.ElementTree as ET

from django.utils import translation

from tests.factories import NewsPageFactory, StandardPageFactory

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_root_redirects_to_the_german_site(client, home_page):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/de/"
    assert client.get("/de/").status_code == 200


def test_sitemap_lists_full_urls_of_live_pages_only(
    client, home_page, project_page, field_page, news_index
):
    news = NewsPageFactory(parent=news_index, slug="gestartet")
    StandardPageFactory(parent=home_page, slug="entwurf", live=False)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    root = ET.fromstring(response.content)
    locations = [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]
    assert sorted(locations) == sorted(
        f"http://testserver{path}"
        for path in (
            "/de/",
            "/de/smart-city/",
            "/de/smart-city/mobilitaet/",
            "/de/aktuelles/",
            "/de/aktuelles/gestartet/",
        )
    )
    assert news.full_url in locations


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain"
    content = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in content.splitlines()
    assert "Disallow: /admin/" in content.splitlines()


def test_unknown_page_shows_the_friendly_404_page(client, home_page):
    response = client.get("/de/gibt-es-nicht/")

    assert response.status_code == 404
    assert [t.name for t in response.templates][0] == "404.html"
    content = response.content.decode()
    with translation.override("de"):
        heading = translation.gettext("Page not found")
        home_link = translation.gettext("Go to the home page")
    assert f"<h1>{heading}</h1>" in content
    assert home_link in content
    assert 'href="/de/"' in content
    assert 'action="/de/search/"' in content
    assert '<meta name="robots" content="noindex">' in content


def test_draft_page_is_not_found(client, home_page):
    page = StandardPageFactory(parent=home_page, slug="noch-nicht", live=False)

    assert client.get("/de/noch-nicht/").status_code == 404
    assert page.url == "/de/noch-nicht/"
