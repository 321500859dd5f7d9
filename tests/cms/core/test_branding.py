"""The per-site branding: a brand colour too light for white text is refused."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.core.models import SiteBranding, validate_brand_colour


def test_validator_accepts_a_dark_blue():
    validate_brand_colour("#1d5c8f")


def test_validator_rejects_yellow_as_too_light_and_says_why():
    with translation.override("en"), pytest.raises(ValidationError) as error:
        validate_brand_colour("#ffff00")
    assert error.value.code == "low_contrast"
    with translation.override("en"):
        message = error.value.messages[0]
    assert "white text on it has a contrast of 1.07:1" in message
    assert "at least 4.5:1 is needed" in message


@pytest.mark.parametrize("value", ["blue", "#12345"])
def test_validator_rejects_what_is_not_a_hex_code(value):
    with pytest.raises(ValidationError) as error:
        validate_brand_colour(value)
    assert error.value.code == "invalid"
    with translation.override("en"):
        assert error.value.messages == [
            "Enter a colour as a hex code with a leading #, for example #1d5c8f."
        ]


def test_full_clean_rejects_a_light_colour(site):
    branding = SiteBranding(site=site, primary_colour="#ffff00")
    with pytest.raises(ValidationError) as error:
        branding.full_clean()
    assert list(error.value.message_dict) == ["primary_colour"]
    assert [e.code for e in error.value.error_dict["primary_colour"]] == [
        "low_contrast"
    ]


def test_full_clean_accepts_the_default_colour(site):
    branding = SiteBranding(site=site)
    branding.full_clean()
    assert branding.primary_colour == "#1d5c8f"


def branding_form(colour):
    return nested_form_data(
        {
            "municipality_name": "Stadt Pinneberg",
            "site_title": "Smart. Smarter. Pinneberg?!",
            "primary_colour": colour,
            "contact_name": "Projektbüro Smart City",
            "contact_email": "smartcity@example.org",
            "contact_phone": "",
            "contact_address": "",
            "footer_links": streamfield([]),
        }
    )


def settings_url(site):
    return reverse("wagtailsettings:edit", args=["cms_core", "sitebranding", site.pk])


def test_admin_refuses_a_light_colour_and_stores_nothing(admin_client, site):
    response = admin_client.post(settings_url(site), branding_form("#ffff00"))

    assert response.status_code == 200
    form = response.context["form"]
    assert list(form.errors) == ["primary_colour"]
    error = form.errors.as_data()["primary_colour"][0]
    assert error.code == "low_contrast"
    # The admin speaks German, with a decimal comma.
    assert "Kontrast von 1,07:1" in form.errors["primary_colour"][0]
    assert form.errors["primary_colour"][0] in response.content.decode()
    # The edit view creates the settings with their defaults; none of the
    # refused values are stored.
    branding = SiteBranding.objects.get(site=site)
    assert branding.primary_colour == "#1d5c8f"
    assert branding.municipality_name == "Musterstadt"


def test_admin_stores_a_dark_colour(admin_client, site):
    response = admin_client.post(settings_url(site), branding_form("#1d5c8f"))

    assert response.status_code == 302
    branding = SiteBranding.objects.get(site=site)
    assert branding.municipality_name == "Stadt Pinneberg"
    assert branding.primary_colour == "#1d5c8f"


def test_branding_is_cached_and_saving_refreshes_it(site, django_assert_num_queries):
    SiteBranding.for_site(site)
    with django_assert_num_queries(0):
        cached = SiteBranding.for_site(site)
    cached.municipality_name = "Stadt Neudorf"
    cached.save()
    assert SiteBranding.for_site(site).municipality_name == "Stadt Neudorf"
