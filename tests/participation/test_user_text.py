"""Citizens' text on the page: escaped, line breaks kept, links clickable with
rel="nofollow ugc"."""

import re

import pytest

from participation.templatetags.participation_tags import user_text

from .conftest import url
from .factories import CommentFactory, IdeaFactory


def links(html):
    return re.findall(r"<a [^>]*>", html)


def test_a_link_is_clickable_with_nofollow_ugc():
    html = user_text("Mehr dazu: https://example.org/radweg?x=1&y=2 – danke")
    assert links(html) == [
        '<a href="https://example.org/radweg?x=1&amp;y=2" rel="nofollow ugc">'
    ]
    assert "– danke" in html


def test_a_www_address_is_clickable_too():
    html = user_text("Siehe www.example.org")
    assert links(html) == ['<a href="http://www.example.org" rel="nofollow ugc">']


def test_text_around_links_is_escaped():
    html = user_text('<script>alert(1)</script> https://example.org <b>"fett"</b>')
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;&quot;fett&quot;&lt;/b&gt;" in html
    assert links(html) == ['<a href="https://example.org" rel="nofollow ugc">']


def test_a_link_written_as_html_stays_text():
    html = user_text('<a href="javascript:alert(1)">klick</a>')
    assert "javascript:alert" not in " ".join(links(html))
    assert "&lt;a href=" in html


def test_a_javascript_address_is_not_made_a_link():
    assert links(user_text("javascript:alert(1)")) == []


def test_text_without_links_keeps_its_paragraphs():
    assert user_text("Erste Zeile\nZweite & dritte\n\nNeuer Absatz") == (
        "<p>Erste Zeile<br>Zweite &amp; dritte</p>\n\n<p>Neuer Absatz</p>"
    )


@pytest.mark.django_db
def test_links_on_the_pages_carry_nofollow_ugc(
    client, participation_page, collection, stream
):
    idea = IdeaFactory(
        collection=collection, description="Plan: https://example.org/plan.pdf"
    )
    CommentFactory(stream=idea.discussion, text="Foto: https://example.org/foto")
    CommentFactory(stream=stream, text="Karte: https://example.org/karte")
    idea_page = client.get(url("idea_detail", idea.pk)).content.decode()
    assert '<a href="https://example.org/plan.pdf" rel="nofollow ugc">' in idea_page
    assert '<a href="https://example.org/foto" rel="nofollow ugc">' in idea_page
    field_page = client.get(participation_page.url).content.decode()
    assert '<a href="https://example.org/karte" rel="nofollow ugc">' in field_page
    assert 'href="https://example.org/karte" rel="nofollow"' not in field_page
