"""The street graph kept per process (map/streets/routing.py street_graph): after a change,
the graph in hand answers while a thread builds the next. A module of its own: the thread
reads the database through its own connection, which must see what the test committed (no
module's transaction held open around it, as test_walk.py's demo holds one)."""

import time

import pytest

from map.streets import routing
from map.streets.coverage import compute_coverage
from map.streets.routing import street_graph
from map.versions import camera_data_version

from .test_streets import block, camera
from .test_walk import streets_of, the_walks


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_after_a_change_the_graph_in_hand_answers_while_a_thread_builds_the_next(
    tmp_path, settings, monkeypatch
):
    """Every camera saved moves the version on: a walk is not kept waiting for the new graph
    (seconds for a city), which a thread builds while the one in hand answers."""
    settings.WALK_GRAPH_IN_BACKGROUND = True
    monkeypatch.setattr(routing, "_kept", None)
    first = streets_of(tmp_path, *block())  # the process's first: built in the request
    assert street_graph() is first

    camera(50, 0, camera_type="panning")
    compute_coverage()
    assert street_graph() is first  # at once, while the thread builds
    for _wait in range(200):
        if routing._kept[0] == camera_data_version():
            break
        time.sleep(0.05)
    newer = street_graph()
    assert newer is not first
    _shortest, least_watched = the_walks(newer, (0, 0), (100, 0))
    assert least_watched.length_m == pytest.approx(300, abs=0.01)
    assert not routing._lock.locked()
