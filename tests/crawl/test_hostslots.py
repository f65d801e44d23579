"""`Source.concurrency`: requests in flight to one host, across processes sharing a data dir.

The server below counts the requests it is answering at once; separate processes (spawned, like
mapped Airflow tasks) fetch from it through their own Fetchers on one data directory.
"""

from __future__ import annotations

import multiprocessing
import socket
import threading
import time
from pathlib import Path

import pytest
from localserver import LocalServer, Reply, _make_source

from scrapers.fetch import Fetcher
from scrapers.fetch.hostslots import HostSlots, host_dir_name

SLOW_S = 0.25


class InFlight:
    """A route that is slow and remembers how many requests it answered at once, at most."""

    def __init__(self) -> None:
        self.now = self.most = self.served = 0
        self._lock = threading.Lock()

    def __call__(self, handler) -> Reply:
        with self._lock:
            self.now += 1
            self.served += 1
            self.most = max(self.most, self.now)
        time.sleep(SLOW_S)
        with self._lock:  # before the reply is sent: the client is still waiting for it
            self.now -= 1
        return Reply(body=b"<html>slow</html>")


def _crawl(data_dir: str, base: str, concurrency: int, requests_each: int, barrier) -> None:
    """One process (one source of several sharing a host): its own Fetcher, `requests_each` pages
    from the slow server."""
    name = multiprocessing.current_process().name
    source = _make_source(name=name, concurrency=concurrency, delay_s=0)
    with Fetcher(source, Path(data_dir), timeout=(5, 10), retries=0) as fetcher:
        barrier.wait(timeout=30)
        for i in range(requests_each):
            result = fetcher.get(f"{base}/slow?i={i}-{name}")
            assert result.ok, result.attempt.error


def _run_processes(tmp_path: Path, concurrency: int, processes: int, requests_each: int) -> InFlight:
    server = LocalServer().start()
    counter = InFlight()
    try:
        for i in range(requests_each):
            for p in range(processes):
                server.route(f"/slow?i={i}-crawler-{p}", counter)
        context = multiprocessing.get_context("spawn")
        barrier = context.Barrier(processes)
        workers = [
            context.Process(
                target=_crawl,
                args=(str(tmp_path / "data"), server.url, concurrency, requests_each, barrier),
                name=f"crawler-{p}",
            )
            for p in range(processes)
        ]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(timeout=60)
        assert [w.exitcode for w in workers] == [0] * processes
    finally:
        server.stop()
    assert counter.served == processes * requests_each
    return counter


def test_concurrency_1_two_processes_never_overlap(tmp_path):
    counter = _run_processes(tmp_path, concurrency=1, processes=2, requests_each=4)
    assert counter.most == 1


def test_concurrency_2_reaches_2_never_3(tmp_path):
    counter = _run_processes(tmp_path, concurrency=2, processes=3, requests_each=4)
    assert counter.most == 2


# -- the slots themselves ---------------------------------------------------------------------


def _never_wait(seconds: float) -> None:
    raise AssertionError("had to wait for a slot: it was not released")


def slot_is_free(root: Path, url: str) -> bool:
    """Whether one more request to `url`'s host could start now (limit 1, no waiting)."""
    try:
        with HostSlots(root, 1, sleep=_never_wait).hold(url):
            return True
    except AssertionError:
        return False


def test_slot_is_released_when_the_block_raises(tmp_path):
    slots = HostSlots(tmp_path / "locks", 1, sleep=_never_wait)
    with pytest.raises(RuntimeError), slots.hold("http://a.gov.cn/x"):
        assert not slot_is_free(tmp_path / "locks", "http://a.gov.cn/y")
        raise RuntimeError("boom")
    assert slot_is_free(tmp_path / "locks", "http://a.gov.cn/x")


def test_slot_is_released_when_the_request_raises(server, fetcher_factory, make_source):
    url = server.route("/page.html", Reply(body=b"<html>ok</html>"))
    fetcher = fetcher_factory(make_source(), respect_robots=False)
    held: list[bool] = []

    def explode(*args, **kwargs):
        held.append(not slot_is_free(fetcher.slots.root, url))
        raise RuntimeError("not a requests error: escapes the fetcher")

    fetcher.session.request = explode
    with pytest.raises(RuntimeError):
        fetcher.get(url)
    assert held == [True]  # the request ran inside a slot
    assert slot_is_free(fetcher.slots.root, url)


def test_slot_is_released_after_a_timeout_and_retries(server, fetcher_factory, make_source):
    url = server.route("/stuck.html", Reply(body=b"late", delay_s=1.0))
    fetcher = fetcher_factory(make_source(), timeout=(1, 0.2), retries=1, respect_robots=False)
    result = fetcher.get(url)
    assert result.reason == "timeout" and len(server.hits("/stuck.html")) == 2
    assert slot_is_free(fetcher.slots.root, url)


def test_post_holds_a_slot(server, fetcher_factory, make_source):
    fetcher = fetcher_factory(make_source(), respect_robots=False)
    held: list[bool] = []

    def route(handler):
        held.append(not slot_is_free(fetcher.slots.root, server.url))
        return Reply(body=b"<datastore/>")

    url = server.route("/proxy.jsp?startrecord=1", route)
    assert fetcher.post(url, {"col": "1"}).ok
    assert held == [True] and slot_is_free(fetcher.slots.root, url)


def test_politeness_delay_is_waited_without_a_slot(server, fetcher_factory, make_source):
    url = server.route("/a.html", Reply(body=b"<html>a</html>"))
    fetcher = fetcher_factory(make_source(delay_s=0.05), respect_robots=False)
    free_while_sleeping: list[bool] = []

    def sleep(seconds: float) -> None:
        free_while_sleeping.append(slot_is_free(fetcher.slots.root, url))
        time.sleep(seconds)

    fetcher.throttle._sleep = sleep
    assert fetcher.get(url).ok and fetcher.get(url, conditional=False).ok
    assert free_while_sleeping == [True]


def test_slots_are_per_host_under_the_data_dir(tmp_path):
    root = tmp_path / "data" / "locks"
    with HostSlots(root, 1).hold("http://a.gov.cn/x"):
        assert slot_is_free(root, "http://b.gov.cn/x")
        assert not slot_is_free(root, "https://A.gov.cn/other")  # scheme and case: the same host
    assert (root / "a.gov.cn" / "slot-0").exists()


def test_a_second_slot_within_the_limit_is_taken_without_waiting(tmp_path):
    slots = HostSlots(tmp_path, 2, sleep=_never_wait)
    with slots.hold("http://a.gov.cn/1"), slots.hold("http://a.gov.cn/2"):
        assert not slot_is_free(tmp_path, "http://a.gov.cn/3")
    assert sorted(p.name for p in (tmp_path / "a.gov.cn").iterdir()) == ["slot-0", "slot-1"]


def test_waiting_for_a_slot_polls_until_one_is_free(tmp_path):
    slots = HostSlots(tmp_path, 1, poll_s=0.01)
    taken, released = threading.Event(), threading.Event()

    def holder() -> None:
        with slots.hold("http://a.gov.cn/"):
            taken.set()
            time.sleep(0.2)
        released.set()

    thread = threading.Thread(target=holder)
    thread.start()
    taken.wait(5)
    with slots.hold("http://a.gov.cn/") as waited:
        assert released.is_set() and waited >= 0.1
    thread.join()


def test_host_dir_name_has_no_credentials_or_separators():
    assert host_dir_name("http://user:pw@Www.Gov.CN:8080/a") == "www.gov.cn_8080"
    assert host_dir_name("https://www.gov.cn./x") == "www.gov.cn"
    assert "/" not in host_dir_name("http://[::1]:80/") and host_dir_name("http://[::1]:80/") != ".."


def test_concurrency_is_validated(make_source):
    assert make_source().concurrency == 1
    assert make_source(concurrency=8).concurrency == 8
    for bad in (0, 9):
        with pytest.raises(ValueError):
            make_source(concurrency=bad)


def test_unreachable_host_releases_its_slot(fetcher_factory, make_source):
    with socket.socket() as sock:  # a port nothing listens on: bound, then closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x"
    fetcher = fetcher_factory(make_source(), retries=0, respect_robots=False)
    assert fetcher.get(url).reason == "connection_error"
    assert slot_is_free(fetcher.slots.root, url)
