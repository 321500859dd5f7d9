"""The standard page with every block of the body stream."""

from wagtail.test.utils.form_data import rich_text, streamfield

from cms.core.models import StandardPage
from tests.factories import DocumentFactory, ImageFactory
from tests.utils import create_page_in_admin, list_block


def test_standard_page_created_in_the_admin_is_live_and_shown(
    admin_client, home_page, project_page
):
    image = ImageFactory(title="Rathaus")
    document = DocumentFactory(title="Leitlinien")

    page = create_page_in_admin(
        admin_client,
        StandardPage,
        home_page,
        {
            "title": "Leitlinien der Zusammenarbeit",
            "slug": "leitlinien",
            "introduction": "So arbeiten wir zusammen.",
            "body": streamfield(
                [
                    ("heading", {"text": "Grundsätze", "level": "h2"}),
                    ("paragraph", rich_text("<p>Wir hören <b>allen</b> zu.</p>")),
                    (
                        "image",
                        {
                            "image": str(image.pk),
                            "alt_text": "Das Rathaus",
                            "caption": "Rathaus Pinneberg",
                        },
                    ),
                    (
                        "quote",
                        {
                            "text": "Beteiligung lohnt sich.",
                            "attribution": "Bürgermeisterin",
                        },
                    ),
                    (
                        "documents",
                        {
                            "title": "Zum Herunterladen",
                            "documents": list_block([document.pk]),
                        },
                    ),
                    (
                        "call_to_action",
                        {
                            "title": "Mitmachen",
                            "text": "Melden Sie sich an.",
                            "page": str(project_page.pk),
                            "url": "",
                            "button_label": "Zum Projekt",
                        },
                    ),
                    (
                        "accordion",
                        {
                            "title": "Fragen",
                            "items": list_block(
                                [
                                    {
                                        "question": "Wer darf mitmachen?",
                                        "answer": rich_text("<p>Alle.</p>"),
                                    }
                                ]
                            ),
                        },
                    ),
                ]
            ),
        },
    )

    assert page.live
    assert [block.block_type for block in page.body] == [
        "heading",
        "paragraph",
        "image",
        "quote",
        "documents",
        "call_to_action",
        "accordion",
    ]
    assert page.get_meta_description() == "So arbeiten wir zusammen."

    response = admin_client.get(page.url)

    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1>Leitlinien der Zusammenarbeit</h1>" in content
    assert "So arbeiten wir zusammen." in content
    assert "Grundsätze</h2>" in content
    assert "Wir hören <b>allen</b> zu." in content
    assert 'alt="Das Rathaus"' in content
    assert "Rathaus Pinneberg" in content
    assert "Beteiligung lohnt sich." in content
    assert "Bürgermeisterin" in content
    assert f'href="{document.url}"' in content
    assert f'href="{project_page.url}"' in content
    assert "Zum Projekt" in content
    assert "Wer darf mitmachen?" in content


def test_standard_page_below_a_standard_page(admin_client, home_page):
    parent = create_page_in_admin(
        admin_client,
        StandardPage,
        home_page,
        {"title": "Über uns", "slug": "ueber-uns", "body": streamfield([])},
    )
    child = create_page_in_admin(
        admin_client,
        StandardPage,
        parent,
        {"title": "Impressum", "slug": "impressum", "body": streamfield([])},
    )

    assert child.url == "/de/ueber-uns/impressum/"
    assert admin_client.get(child.url).status_code == 200
