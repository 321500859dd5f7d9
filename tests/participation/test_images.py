"""Images and locations with an idea, where the collection allows them: the
image is re-encoded (at most 1600 pixels, no metadata); anything else is
refused and nothing is stored."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from participation import forms
from participation.models import Idea

from .conftest import remember, stored_counts, url
from .factories import ParticipantFactory

pytestmark = pytest.mark.django_db

GPS_TAG = 0x8825
MAKE_TAG = 0x010F


def image_file(image_format="JPEG", size=(2400, 1200), name="foto.jpg", exif=True):
    image = Image.new("RGB", size, (200, 30, 30))
    options = {}
    if exif and image_format == "JPEG":
        data = Image.Exif()
        data[MAKE_TAG] = "Kamerahersteller"
        data[GPS_TAG] = {1: "N", 2: (53.0, 39.0, 0.0)}
        options["exif"] = data
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png", "GIF": "image/gif"}
    return SimpleUploadedFile(
        name, buffer.getvalue(), content_type=content_type.get(image_format, "")
    )


@pytest.fixture
def open_collection(collection, participation_page, client):
    collection.allow_image = True
    collection.allow_location = True
    collection.save()
    remember(client, ParticipantFactory(email="ideen@example.org"))
    return collection


def hand_in(client, collection, idea_data, categories, **extra):
    data = idea_data(category=str(categories[0].pk), **extra)
    return client.post(url("submit_idea", collection.pk), data)


def test_the_form_offers_image_and_location_only_where_allowed(
    client, collection, participation_page
):
    html = client.get(participation_page.url).content.decode()
    assert 'name="image"' not in html and 'name="location_text"' not in html
    collection.allow_image = collection.allow_location = True
    collection.save()
    html = client.get(participation_page.url).content.decode()
    assert 'name="image"' in html and 'name="location_text"' in html
    assert 'enctype="multipart/form-data"' in html


def test_an_image_is_resized_and_stripped_of_metadata(
    client, open_collection, idea_data, categories
):
    response = hand_in(
        client,
        open_collection,
        idea_data,
        categories,
        image=image_file(),
        location_text="Am Bahnhof",
    )
    assert response.status_code == 302
    idea = Idea.objects.get()
    assert idea.location_text == "Am Bahnhof"
    assert idea.image.name.endswith(".jpg")
    assert "foto" not in idea.image.name
    with Image.open(idea.image.path) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (1600, 800)
        assert dict(stored.getexif()) == {}


def test_a_png_stays_a_png(client, open_collection, idea_data, categories):
    hand_in(
        client,
        open_collection,
        idea_data,
        categories,
        image=image_file("PNG", (300, 200), "skizze.png"),
    )
    with Image.open(Idea.objects.get().image.path) as stored:
        assert (stored.format, stored.size) == ("PNG", (300, 200))


@pytest.mark.parametrize(
    "upload, message",
    [
        (
            lambda: image_file("GIF", (50, 50), "bild.gif"),
            "This file is not an image we can use.",
        ),
        (
            lambda: SimpleUploadedFile("bild.jpg", b"kein Bild", "image/jpeg"),
            "This file is not an image we can use.",
        ),
        (
            lambda: SimpleUploadedFile(
                "gross.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024), "image/jpeg"
            ),
            "The image is larger than 5 MB.",
        ),
    ],
    ids=["gif", "not-an-image", "too-large"],
)
def test_an_unusable_file_is_refused(
    client, open_collection, idea_data, categories, upload, message
):
    before = stored_counts()
    response = hand_in(client, open_collection, idea_data, categories, image=upload())
    assert response.status_code == 200
    assert message in response.content.decode()
    assert stored_counts() == before


def test_an_image_with_too_many_pixels_is_refused():
    image = Image.new("1", (10000, 6000))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    upload = SimpleUploadedFile("bombe.png", buffer.getvalue(), "image/png")
    with pytest.raises(forms.ValidationError) as error:
        forms.process_image(upload)
    assert error.value.code == "image_too_large"


def test_a_location_over_200_characters_is_refused(
    client, open_collection, idea_data, categories
):
    before = stored_counts()
    response = hand_in(
        client, open_collection, idea_data, categories, location_text="x" * 201
    )
    assert "The location can be at most 200 characters long (it has 201)." in (
        response.content.decode()
    )
    assert stored_counts() == before
