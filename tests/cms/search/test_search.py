"""The public search over live pages of the current language."""

import pytest

from cms.search.views import MAX_QUERY_LENGTH
from tests.factories import EventPageFactory, NewsPageFactory, StandardPageFactory

SEARCH_URL = "/de/search/"


def test_search_finds_a_page_by_a_word_in_its_text(client, home_page, news_index):
    news = NewsPageFactory(
        parent=news_index,
        title="Neue Ladesäulen",
        teaser="Am Bahnhof stehen jetzt Ladesäulen für Elektrofahrräder.",
    )
    StandardPageFactory(parent=home_page, title="Impressum", introduction="Herausgeber")

    response = client.get(SEARCH_URL, {"q": "Elektrofahrräder"})

    assert response.status_code == 200
    assert list(response.context["search_results"]) == [news]
    content = response.content.decode()
    assert 'id="results-heading"' in content
    assert f'<a href="{news.url}">Neue Ladesäulen</a>' in content
    assert "Impressum</a>" not in content


def test_search_finds_a_page_by_its_title(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Barrierefreiheit")

    response = client.get(SEARCH_URL, {"q": "Barrierefreiheit"})

    assert list(response.context["search_results"]) == [page]


def test_search_does_not_find_drafts(client, event_index):
    EventPageFactory(
        parent=event_index,
        title="Geheimer Workshop",
        description="<p>Zukunftswerkstatt</p>",
        live=False,
    )

    response = client.get(SEARCH_URL, {"q": "Zukunftswerkstatt"})

    assert response.status_code == 200
    assert list(response.context["search_results"]) == []
    assert "Geheimer Workshop" not in response.content.decode()


def test_empty_query_shows_the_form_and_no_results_section(client, home_page):
    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get(SEARCH_URL, params)

        assert response.status_code == 200
        assert response.context["search_results"] is None
        assert response.context["search_query"] == ""
        content = response.content.decode()
        assert 'id="search-q"' in content
        assert 'id="results-heading"' not in content


def test_overlong_query_is_cut_and_does_not_fail(client, home_page):
    response = client.get(SEARCH_URL, {"q": "Stadtentwicklung " * 300})

    assert response.status_code == 200
    assert len(response.context["search_query"]) == MAX_QUERY_LENGTH
    assert list(response.context["search_results"]) == []


def test_query_with_special_characters_does_not_fail(client, home_page):
    response = client.get(SEARCH_URL, {"q": "'&<>|!():*\\ OR AND NOT -"})

    assert response.status_code == 200
    assert "<>|" not in response.content.decode()


@pytest.mark.parametrize("query", ['"', 'Bürger"innen', '"Smart City'])
def test_query_with_an_unbalanced_quote_does_not_fail(client, home_page, query):
    response = client.get(SEARCH_URL, {"q": query})

    assert response.status_code == 200


def test_query_with_a_nul_character_does_not_fail(client, home_page):
    response = client.get(SEARCH_URL, {"q": "Rad\x00weg"})

    assert response.status_code == 200
