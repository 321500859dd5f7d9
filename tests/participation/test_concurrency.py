"""Counters stay right when many people act at the same moment (PostgreSQL).

Threads each open their own database connection and call the services at
once; the unique constraint and F() updates must neither lose nor double
anything.
"""

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from participation import services
from participation.models import (
    CommentStream,
    DiscussionComment,
    Idea,
    IdeaCollection,
    Participant,
    Support,
    Visibility,
)

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises writers, so there is no race",
    ),
]

THREADS = 12


def run_at_once(target, args_list):
    """Start one thread per argument tuple, release them together, wait for all."""
    barrier = threading.Barrier(len(args_list))
    errors = []

    def worker(*args):
        try:
            barrier.wait()
            target(*args)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=args) for args in args_list]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []


@pytest.fixture
def idea():
    collection = IdeaCollection.objects.create(title="Mobilität")
    discussion = CommentStream.objects.create(title="Diskussion")
    author = Participant.objects.create(
        email="autorin@example.org", confirmed_at=timezone.now()
    )
    return Idea.objects.create(
        collection=collection,
        discussion=discussion,
        participant=author,
        language="de",
        title="Fahrradboxen am Bahnhof",
        description="Sichere Boxen für Räder.",
        visibility=Visibility.PUBLISHED,
        confirmed_at=timezone.now(),
    )


def confirmed_participants(count):
    now = timezone.now()
    return [
        Participant.objects.create(email=f"person{i}@example.org", confirmed_at=now)
        for i in range(count)
    ]


def test_concurrent_supports_of_different_people_all_count(idea):
    people = confirmed_participants(THREADS)
    run_at_once(services.support_idea, [(idea, person) for person in people])
    idea.refresh_from_db()
    assert Support.objects.filter(idea=idea).count() == THREADS
    assert idea.support_count == THREADS


def test_the_same_person_supporting_twice_at_once_counts_once(idea):
    (person,) = confirmed_participants(1)
    run_at_once(services.support_idea, [(idea, person)] * THREADS)
    idea.refresh_from_db()
    assert Support.objects.filter(idea=idea).count() == 1
    assert idea.support_count == 1


def test_concurrent_support_and_withdrawal_leave_a_true_count(idea):
    people = confirmed_participants(THREADS)
    for person in people[: THREADS // 2]:
        services.support_idea(idea, person)
    calls = [(services.withdraw_support, idea, p) for p in people[: THREADS // 2]]
    calls += [(services.support_idea, idea, p) for p in people[THREADS // 2 :]]
    run_at_once(lambda fn, *args: fn(*args), calls)
    idea.refresh_from_db()
    assert idea.support_count == Support.objects.filter(idea=idea).count()
    assert idea.support_count == THREADS - THREADS // 2


def test_concurrent_comments_keep_the_comment_count(idea):
    people = confirmed_participants(THREADS)

    def comment(person):
        services.submit_comment(
            idea.discussion,
            email=person.email,
            display_name="",
            language="de",
            text="Gute Idee!",
            remembered_id=person.pk,
        )

    run_at_once(comment, [(person,) for person in people])
    idea.refresh_from_db()
    assert idea.comment_count == THREADS
    assert DiscussionComment.objects.visible().filter(
        stream=idea.discussion
    ).count() == (THREADS)
