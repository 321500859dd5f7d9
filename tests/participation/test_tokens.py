"""Signed links and the signed cookie that remembers a browser."""

import time
from unittest import mock

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import translation

from participation import tokens
from participation.models import AccessLink

from .factories import AccessLinkFactory, ParticipantFactory

pytestmark = pytest.mark.django_db

DAY = 24 * 3600


def token_made(link, seconds_ago):
    """A token signed as if it had been made `seconds_ago`."""
    then = time.time() - seconds_ago
    with mock.patch("django.core.signing.time.time", return_value=then):
        return tokens.make_token(link)


def test_a_token_stands_for_its_link():
    link = AccessLinkFactory(purpose=AccessLink.CONFIRM)
    assert tokens.read_token(tokens.make_token(link), AccessLink.CONFIRM) == link


def test_a_token_of_another_purpose_is_refused():
    link = AccessLinkFactory(purpose=AccessLink.MANAGE)
    with pytest.raises(tokens.LinkError) as error:
        tokens.read_token(tokens.make_token(link), AccessLink.CONFIRM)
    assert error.value.code == "invalid"


def test_a_tampered_token_is_refused():
    link = AccessLinkFactory(purpose=AccessLink.CONFIRM)
    token = tokens.make_token(link)
    tampered = token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB")
    with pytest.raises(tokens.LinkError) as error:
        tokens.read_token(tampered, AccessLink.CONFIRM)
    assert error.value.code == "invalid"
    with translation.override("en"):
        assert str(error.value.message).startswith("This link is not valid.")


def test_a_token_whose_secret_changed_is_refused():
    link = AccessLinkFactory(purpose=AccessLink.CONFIRM)
    token = tokens.make_token(link)
    AccessLink.objects.filter(pk=link.pk).update(secret="something-else")
    with pytest.raises(tokens.LinkError) as error:
        tokens.read_token(token, AccessLink.CONFIRM)
    assert error.value.code == "invalid"


def test_a_token_of_a_deleted_link_is_refused():
    link = AccessLinkFactory(purpose=AccessLink.CONFIRM)
    token = tokens.make_token(link)
    link.delete()
    with pytest.raises(tokens.LinkError) as error:
        tokens.read_token(token, AccessLink.CONFIRM)
    assert error.value.code == "invalid"


def test_a_token_expires_after_seven_days():
    link = AccessLinkFactory(purpose=AccessLink.CONFIRM)
    assert tokens.read_token(token_made(link, 7 * DAY - 60), "confirm") == link
    with pytest.raises(tokens.LinkError) as error:
        tokens.read_token(token_made(link, 7 * DAY + 60), AccessLink.CONFIRM)
    assert error.value.code == "expired"
    with translation.override("en"):
        assert str(error.value.message).startswith("This link has expired.")


def test_the_validity_follows_the_setting(settings):
    settings.PARTICIPATION_LINK_VALID_DAYS = 1
    link = AccessLinkFactory(purpose=AccessLink.CONFIRM)
    with pytest.raises(tokens.LinkError) as error:
        tokens.read_token(token_made(link, 2 * DAY), AccessLink.CONFIRM)
    assert error.value.code == "expired"


def remembered(cookie_value):
    request = RequestFactory().get("/")
    request.COOKIES[tokens.COOKIE_NAME] = cookie_value
    return tokens.remembered_participant_id(request)


def test_the_cookie_remembers_a_participant_for_30_days():
    participant = ParticipantFactory()
    response = HttpResponse()
    tokens.remember_participant(response, participant)
    cookie = response.cookies[tokens.COOKIE_NAME]
    assert cookie["max-age"] == 30 * DAY
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie.value != str(participant.pk)  # signed, not the bare id
    assert remembered(cookie.value) == participant.pk


@pytest.mark.parametrize(
    "forged",
    ["1", "1:abc:def", "", "x" * 500],
    ids=["bare-id", "bad-signature", "empty", "garbage"],
)
def test_a_forged_cookie_remembers_nobody(forged):
    assert remembered(forged) is None


def test_a_cookie_signed_for_another_purpose_remembers_nobody():
    response = HttpResponse()
    response.set_signed_cookie(tokens.COOKIE_NAME, "1", salt="something else")
    assert remembered(response.cookies[tokens.COOKIE_NAME].value) is None
