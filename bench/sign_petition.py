"""Signatures per second under `make serve`, and exact figures when people sign at once.

    .venv/bin/python bench/sign_petition.py [--seconds 10] [--connections 16]
        [--signatures 1000] [--clients 32] [--same-email 50] [--registrations 100]
        [--capacity 20] [--database-url postgres://user:password@127.0.0.1:5432/kamere]

Builds a throwaway site as bench/api_throughput.py does: production settings, HTTPS=false, a
local-only SECRET_KEY, `make serve`'s demo content, the database cache table and static files,
served by the Procfile's `web:` command (gunicorn with gunicorn.conf.py) on a free port of
127.0.0.1. The database is a temporary SQLite file or, with --database-url, a temporary
PostgreSQL database created next to the given one (the role needs CREATEDB) and dropped at the
end. Three petitions and an event are added for the phases below. No worker runs: every mail stays
queued in the database (django-tasks), where the phases read it: signature mails, which the worker
renders, are rendered here as the worker would (campaigns.petitions.tasks.signature_mail).

The server trusts one proxy (TRUSTED_PROXY_COUNT=1) and every simulated person sends from an
address of their own in X-Forwarded-For, as production sits behind a proxy: the per-client
rate limits stay on and count every request. Clients are keep-alive HTTP connections; each
first GETs the page with the form, for the CSRF cookie and token, and posts where the form
says (its action), as a browser does. A form is always valid, consent ticked, with a solved proof of
work (campaigns/petitions/proof_of_work.py): the bench solves challenges of the server's own making
before it starts, one per signature. The server runs with ALTCHA_MAX_COUNTER=1, so that solving them
takes this machine seconds, not the minutes that the production figure would cost: the server's
share, making a challenge and checking a solution, does not depend on it (ALTCHA_COST stays as in
production).

1. Throughput: `--connections` connections sign a petition for `--seconds` s (after a short
   warm-up), each POST a new person, each answered with the redirect to the thanks page.
   Prints signatures/s with p50 and p95 latency, and checks one queued mail per signature.
2. Exact count: `--signatures` people sign a second petition from `--clients` connections,
   then open (GET) and confirm (POST) the link from their queued mail, again from `--clients`
   connections. Prints the petition's count.json and the confirmed rows in the database.
3. One person, many clients: `--same-email` connections, released together, sign a third
   petition with one address. Prints the signature rows (one) and the mails it was sent.
4. Event registration: `--registrations` people, released together, register for an event
   with `--capacity` places, then confirm by the links from their queued mails, from
   `--clients` connections. Prints the places held, then the confirmed and waiting
   registrations.

Exits 1 if signing is slower than 200 signatures/s, a request fails, or a figure is off.
"""

import argparse
import http.client
import ipaddress
import itertools
import json
import os
import re
import shlex
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from api_throughput import free_port, site_environment, wait_for, web_command
from bbox_query import throwaway_database

ROOT = Path(__file__).resolve().parent.parent
TARGET_PER_SECOND = 200
PETITIONS = ("throughput", "count", "same-email")
# RFC 2544's network for benchmarks: room for 131,072 made-up people, one address each.
FIRST_ADDRESS = ipaddress.IPv4Address("198.18.0.1")
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MUNICIPALITY = re.compile(r'<option value="(\d+)"')
SIGN_FORM_ACTION = re.compile(r'<form class="petition-form[^>]* action="([^"]+)"')
# Serbian pages' words (home/page_routes.py); English pages' are confirm/, thanks/, registered/.
CONFIRM_LINK = re.compile(r"https?://\S+/potvrda/\S+/")
SEND_MAIL_TASK = "campaigns.tasks.send_mail"
SIGNATURE_MAIL_TASK = "campaigns.petitions.tasks.send_signature_mail"
REGISTRATION_MAIL_TASK = "campaigns.events.tasks.send_registration_mail"
# Solved proofs of work made before the phases: enough for this many signatures a second in
# the throughput phase (with its warm-up), and one for every other signature.
PROOFS_PER_SECOND = 500
# gunicorn.conf.py's access_log_format: the time in brackets, then the request in quotes.
ACCESS_LOG_LINE = re.compile(r'^\[[^\]]+\] "[A-Z]+ ')


class Failure(Exception):
    """A wrong answer or figure: the bench fails with it."""


class Proofs:
    """Solved proofs of work for the sign form, each used once."""

    def __init__(self, proofs=()):
        self.proofs = list(proofs)
        self.lock = threading.Lock()

    def next(self):
        with self.lock:
            if not self.proofs:
                raise Failure("Out of proofs of work: raise PROOFS_PER_SECOND.")
            return self.proofs.pop()


PROOFS = Proofs()


# The site.


def prepare_site(env, capacity):
    """`make serve`'s steps, then the pages of the phases; returns their addresses."""
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--noinput", "--verbosity", "0"],
        ["createcachetable"],
        ["seed_demo", "--verbosity", "0"],
        ["collectstatic", "--noinput", "--verbosity", "0"],
    ):
        subprocess.run(  # noqa: S603
            [*manage, *command], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    return in_site(env, "--seed-only", "--capacity", str(capacity))


def in_site(env, *arguments, script=__file__):
    """Run `script` (this one by default; another bench's own in-site steps) in the site's
    environment with `arguments`; the last line it prints, as JSON (management commands it
    calls may print before it)."""
    result = subprocess.run(  # noqa: S603
        [sys.executable, str(script), *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def setup_django():
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def solved_proofs(count):
    """Runs in the site's environment: `count` challenges as the server makes them (its
    SECRET_KEY and settings), solved as a browser solves them; printed as JSON."""
    setup_django()
    import altcha

    from campaigns.petitions.proof_of_work import new_challenge

    proofs = []
    for _ in range(count):
        challenge = new_challenge()
        proofs.append(altcha.Payload(challenge, altcha.solve_challenge(challenge)).to_base64())
    print(json.dumps(proofs))


def seed(capacity):
    """Runs in the site's environment: published petitions and an event under the campaigns
    page (seed_demo's, or a new one), as an editor publishes them."""
    setup_django()
    from datetime import timedelta

    from django.utils import timezone
    from wagtail.models import Site

    from campaigns.models import CampaignIndexPage, EventPage, PetitionPage

    home = Site.objects.get(is_default_site=True).root_page
    index = CampaignIndexPage.objects.child_of(home).first()
    if index is None:
        index = CampaignIndexPage(title="Kampanje", slug="kampanje")
        home.add_child(instance=index)
        index.save_revision().publish()

    def publish(page):
        # A fresh parent each time: a stale one would place the new page where the last is.
        CampaignIndexPage.objects.get(pk=index.pk).add_child(instance=page)
        page.save_revision().publish()
        return type(page).objects.get(pk=page.pk).url

    petitions = {
        phase: publish(
            PetitionPage(
                title=f"Merenje: {phase}",
                slug=f"merenje-{phase}",
                demand="Zabranite biometrijski nadzor na javnim mestima.",
                addressed_to="Skupština grada Beograda",
                goal=10_000,
            )
        )
        for phase in PETITIONS
    }
    start = timezone.now().replace(microsecond=0) + timedelta(days=7)
    event = publish(
        EventPage(
            title="Merenje: događaj",
            slug="merenje-dogadjaj",
            start=start,
            end=start + timedelta(hours=2),
            venue="Kulturni centar Grad",
            address="Braće Krsmanović 4, Beograd",
            capacity=capacity,
        )
    )
    print(json.dumps({"petitions": petitions, "event": event}))


def inspect():
    """Runs in the site's environment: what the database holds, for the checks."""
    setup_django()
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from campaigns.models import EventPage, PetitionPage, Registration, Signature
    from campaigns.petitions.models import MAX_MAILS_PER_SIGNATURE

    petitions = {}
    for petition in PetitionPage.objects.filter(slug__startswith="merenje-"):
        signatures = Signature.objects.filter(petition=petition)
        petitions[petition.slug.removeprefix("merenje-")] = {
            "signatures": signatures.count(),
            "confirmed": signatures.valid().count(),
        }
    event = EventPage.objects.get(slug="merenje-dogadjaj")
    registrations = event.registrations.all()
    from campaigns.petitions.tasks import signature_mail

    queued = DBTaskResult.objects.filter(task_path=SEND_MAIL_TASK).values_list(
        "args_kwargs", flat=True
    )
    mails = [[mail["kwargs"]["to"], mail["kwargs"]["body"]] for mail in queued]
    # Signature mails carry ids; the worker renders them. Rendered here only for the count
    # phase, which opens the links (rendering thousands would take longer than the phases);
    # for the others the address the worker would mail is enough.
    queued = [
        task["kwargs"]
        for task in DBTaskResult.objects.filter(task_path=SIGNATURE_MAIL_TASK).values_list(
            "args_kwargs", flat=True
        )
    ]
    emails = dict(
        Signature.objects.filter(pk__in={mail["signature_id"] for mail in queued}).values_list(
            "pk", "email"
        )
    )
    count_petition = PetitionPage.objects.get(slug="merenje-count").pk
    for mail in queued:
        if mail["petition_id"] == count_petition:
            _subject, body, to = signature_mail(**mail)
            mails.append([to, body])
        else:
            mails.append([emails[mail["signature_id"]], ""])
    # Registration mails carry ids too; rendered here as the worker would, a hundred or so.
    for task in DBTaskResult.objects.filter(task_path=REGISTRATION_MAIL_TASK).values_list(
        "args_kwargs", flat=True
    ):
        message = Registration.mail(**task["kwargs"])
        if message is not None:
            _subject, body, to, _headers, _attachments = message
            mails.append([to, body])
    print(
        json.dumps(
            {
                "petitions": petitions,
                "registrations": dict(
                    registrations.values_list("status").annotate(Count("pk")).order_by()
                ),
                "registered_emails": registrations.values("email_normalised").distinct().count(),
                "places_held": registrations.filter(held_until__isnull=False).count(),
                "mails": mails,
                "max_mails": MAX_MAILS_PER_SIGNATURE,
            }
        )
    )


# The clients.


@dataclass
class Answer:
    status: int
    location: str
    body: str
    seconds: float


class Browser:
    """One keep-alive connection with its cookies: one visitor's browser behind our proxy."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookies = SimpleCookie()

    def request(self, method, path, address, fields=None, files=None):
        """`files` ({field: (file name, bytes, content type)}) are sent with `fields` as
        multipart/form-data, as a browser sends a form with a file input."""
        headers = {"X-Forwarded-For": address}
        if method not in ("GET", "HEAD"):
            # What every current browser says of a form sent from a page of the same site.
            headers["Sec-Fetch-Site"] = "same-origin"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v.value}" for k, v in self.cookies.items())
        body = None
        if files:
            body, headers["Content-Type"] = multipart(fields or {}, files)
        elif fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        self.connection.request(method, path, body, headers)
        response = self.connection.getresponse()
        content = response.read().decode()
        seconds = time.perf_counter() - started
        for cookie in response.headers.get_all("Set-Cookie") or ():
            self.cookies.load(cookie)
        return Answer(response.status, response.getheader("Location", ""), content, seconds)

    def open_form(self, path, address):
        """GET the page with a form: its CSRF token (the cookie is kept) and the page. A page
        from the page cache has no token ("" then): its form is taken on the Sec-Fetch-Site
        header a browser sends with it (portal/csrf.py), which request() sends too."""
        answer = self.request("GET", path, address)
        expect(answer, 200, f"GET {path}")
        found = CSRF_FIELD.search(answer.body)
        return (found[1] if found else ""), answer.body

    def close(self):
        self.connection.close()


def multipart(fields, files):
    """A multipart/form-data body and its Content-Type (RFC 7578)."""
    boundary = f"----bench{uuid.uuid4().hex}"
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
        )
    for name, (filename, content, content_type) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def expect(answer, status, what, location=None):
    if answer.status != status or (location and not answer.location.endswith(location)):
        raise Failure(
            f"{what}: {answer.status} {answer.location} (expected {status} {location or ''})"
            f"\n{answer.body[:500]}"
        )


class People:
    """Made-up people, each with an address and an email of their own."""

    def __init__(self):
        self.numbers = itertools.count()
        self.lock = threading.Lock()

    def next(self, phase):
        with self.lock:
            number = next(self.numbers)
        return Person(number, str(FIRST_ADDRESS + number), f"{phase}-{number}@example.org")


@dataclass
class Person:
    number: int
    address: str
    email: str

    def signature(self, token, municipalities, email=None):
        return {
            "csrfmiddlewaretoken": token,
            "first_name": ("Ana", "Marko", "Jelena", "Stefan")[self.number % 4],
            "last_name": "Petrović",
            "email": email or self.email,
            "municipality": municipalities[self.number % len(municipalities)],
            "consent": "on",
            "newsletter": "on" if self.number % 3 == 0 else "",
            "altcha": PROOFS.next(),
        }


def in_threads(count, work):
    """work(index) in `count` threads at once; raises the first failure, if any."""
    failures = []

    def run(index):
        try:
            work(index)
        except Exception as error:  # any error fails the bench, reported below
            failures.append(error)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise failures[0] if isinstance(failures[0], Failure) else Failure(repr(failures[0]))


@dataclass
class SignForm:
    """What a browser reads from the petition page once: where to post and the choices."""

    action: str
    municipalities: list

    @classmethod
    def on(cls, page):
        return cls(SIGN_FORM_ACTION.search(page)[1], MUNICIPALITY.findall(page))


def sign(browser, path, person, token, form, email=None):
    """Sign the petition at `path` with its page's `form` (a SignForm)."""
    answer = browser.request(
        "POST", form.action, person.address, person.signature(token, form.municipalities, email)
    )
    expect(answer, 302, f"POST {path}", location=path + "hvala/")
    return answer.seconds


# The phases.


def throughput(port, path, people, seconds, connections, server_pid, phase="throughput"):
    """POST latencies (sorted), seconds elapsed, the server's and PostgreSQL's CPU seconds
    (a pair) and this process's (the clients'), from `connections` connections signing for
    `seconds`."""
    latencies = [[] for _ in range(connections)]
    ready = threading.Barrier(connections + 1)
    timing = {}

    def client(index):
        browser = Browser(port)
        try:
            token, page = browser.open_form(path, people.next(phase).address)
            form = SignForm.on(page)
            ready.wait()
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                person = people.next(phase)
                latencies[index].append(sign(browser, path, person, token, form))
        finally:
            browser.close()

    def release():
        ready.wait()
        timing["started"], timing["cpu"] = time.monotonic(), cpu_seconds(server_pid)
        timing["clients"] = time.process_time()

    starter = threading.Thread(target=release)
    starter.start()
    in_threads(connections, client)
    starter.join()
    elapsed = time.monotonic() - timing["started"]
    server, postgres = cpu_seconds(server_pid)
    cpu = (server - timing["cpu"][0], postgres - timing["cpu"][1])
    clients = time.process_time() - timing["clients"]
    return sorted(itertools.chain.from_iterable(latencies)), elapsed, cpu, clients


def sign_many(port, path, people, count, clients, phase):
    """`count` different people sign from `clients` connections; their emails."""
    queue = [people.next(phase) for _ in range(count)]
    lock = threading.Lock()

    def client(index):
        browser = Browser(port)
        try:
            token, page = browser.open_form(path, queue[index].address)
            form = SignForm.on(page)
            while True:
                with lock:
                    if not queue:
                        return
                    person = queue.pop()
                sign(browser, path, person, token, form)
        finally:
            browser.close()

    emails = {person.email for person in queue}
    in_threads(clients, client)
    return emails


def confirm_all(port, links, clients, people):
    """Open each link and press its button, from `clients` connections."""
    queue = list(links)
    lock = threading.Lock()

    def client(index):
        browser = Browser(port)
        try:
            while True:
                with lock:
                    if not queue:
                        return
                    path = urlsplit(queue.pop()).path
                address = people.next("confirm").address
                token, _page = browser.open_form(path, address)
                answer = browser.request("POST", path, address, {"csrfmiddlewaretoken": token})
                expect(answer, 200, f"POST {path}")
                if CSRF_FIELD.search(answer.body):  # still the page with the button
                    raise Failure(f"POST {path} did not confirm:\n{answer.body[:500]}")
        finally:
            browser.close()

    in_threads(clients, client)


def at_once(port, path, count, people, phase, post):
    """`count` connections, each with a person of its own, get the form, then all `post` at
    once: a barrier releases them together."""
    ready = threading.Barrier(count)

    def client(index):
        browser = Browser(port)
        try:
            person = people.next(phase)
            token, page = browser.open_form(path, person.address)
            ready.wait()
            post(browser, person, token, page)
        finally:
            browser.close()

    in_threads(count, client)


def processes():
    """Every process of this machine (Linux /proc): {pid: (parent pid, command, CPU seconds
    used so far, user and system)}."""
    ticks = os.sysconf("SC_CLK_TCK")
    table = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            pid = int(stat.parent.name)
            # "pid (command) state ppid ...": the command in parentheses, then the fields.
            head, tail = stat.read_text().rsplit(")", 1)
            fields = tail.split()
        except (OSError, ValueError):
            continue  # a process that ended meanwhile
        used = int(fields[11]) + int(fields[12])  # utime, stime
        table[pid] = (int(fields[1]), head.partition("(")[2], used / ticks)
    return table


def cpu_seconds(root_pid):
    """CPU time (user and system) used so far by a process and its children, and by this
    machine's PostgreSQL processes."""
    server = postgres = 0
    for pid, (parent, command, used) in processes().items():
        if root_pid in (pid, parent):
            server += used
        elif command == "postgres":
            postgres += used
    return server, postgres


def percentile(values, fraction):
    return values[max(0, round(fraction * len(values)) - 1)]


def run_phases(args, env, port, pages, server):
    people = People()
    petitions = pages["petitions"]
    ok = True

    def check(label, value, expected):
        nonlocal ok
        good = value == expected
        ok = ok and good
        print(f"  {label}: {value}" + ("" if good else f"  (expected {expected}: WRONG)"))

    # 1. Throughput.
    path = petitions["throughput"]
    for _ in range(16):  # every worker has rendered the page before the clock starts
        wait_for(port, path, server)
    warmup = throughput(port, path, people, args.warmup, args.connections, server.pid, "warmup")
    load_before = os.getloadavg()[0]
    latencies, elapsed, (cpu, postgres_cpu), clients = throughput(
        port, path, people, args.seconds, args.connections, server.pid
    )
    rate = len(latencies) / elapsed
    state = inspect_site(env)
    print(f"1. Throughput: {args.connections} connections for {args.seconds:g} s")
    print(
        f"  {len(latencies):,} signatures in {elapsed:.1f} s: {rate:.1f} signatures/s "
        f"(target >= {TARGET_PER_SECOND})"
    )
    print(
        f"  POST latency p50 {statistics.median(latencies) * 1000:.1f} ms, "
        f"p95 {percentile(latencies, 0.95) * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms"
    )
    # What the machine's other work does not change much: the server's CPU per signature.
    included = "" if args.database_url else " (SQLite's work included)"
    print(
        f"  gunicorn CPU: {cpu / len(latencies) * 1000:.1f} ms per signature{included}; "
        f"load average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after, "
        f"on {os.cpu_count()} cores"
    )
    if args.database_url and postgres_cpu:
        print(
            f"  PostgreSQL's CPU (its processes on this machine): "
            f"{postgres_cpu / len(latencies) * 1000:.1f} ms per signature"
        )
    # The clients run on the same cores: what they use, the server cannot.
    print(f"  clients' CPU (this process): {clients / len(latencies) * 1000:.1f} ms per signature")
    signed = len(warmup[0]) + len(latencies)
    check(
        "signature rows (warm-up included)", state["petitions"]["throughput"]["signatures"], signed
    )
    mailed = sum(to.startswith(("throughput-", "warmup-")) for to, _body in state["mails"])
    check("queued confirmation mails", mailed, signed)
    ok = ok and rate >= TARGET_PER_SECOND

    # 2. The exact count.
    path = petitions["count"]
    started = time.monotonic()
    emails = sign_many(port, path, people, args.signatures, args.clients, "count")
    signing = time.monotonic() - started
    links = [
        CONFIRM_LINK.search(body)[0] for to, body in inspect_site(env)["mails"] if to in emails
    ]
    started = time.monotonic()
    confirm_all(port, links, args.clients, people)
    confirming = time.monotonic() - started
    answer = Browser(port).request("GET", path + "count.json", people.next("count").address)
    expect(answer, 200, f"GET {path}count.json")
    state = inspect_site(env)
    print(
        f"2. Exact count: {args.signatures:,} people from {args.clients} connections signed in "
        f"{signing:.1f} s, confirmed in {confirming:.1f} s"
    )
    check("confirmation links in the queued mails", len(links), args.signatures)
    check("count.json", json.loads(answer.body)["count"], args.signatures)
    check(
        "confirmed signatures in the database",
        state["petitions"]["count"]["confirmed"],
        args.signatures,
    )

    # 3. One email, many clients.
    path = petitions["same-email"]
    email = "ista.adresa@example.org"

    def post_same_email(browser, person, token, page):
        sign(browser, path, person, token, SignForm.on(page), email=email)

    at_once(port, path, args.same_email, people, "same-email", post_same_email)
    state = inspect_site(env)
    mails = sum(to == email for to, _body in state["mails"])
    print(f"3. One email from {args.same_email} connections at once")
    check("signature rows", state["petitions"]["same-email"]["signatures"], 1)
    # The confirmation, then "you have already signed" until the signature's mails run out.
    check("mails to the address", mails, min(args.same_email, state["max_mails"]))

    # 4. Event registrations.
    path = pages["event"]

    def register(browser, person, token, _page):
        fields = {
            "csrfmiddlewaretoken": token,
            "name": f"Učesnik {person.number}",
            "email": person.email,
            "consent": "on",
        }
        answer = browser.request("POST", path, person.address, fields)
        expect(answer, 302, f"POST {path}", location=path + "upis/")

    at_once(port, path, args.registrations, people, "event", register)
    state = inspect_site(env)
    print(f"4. {args.registrations} people register at once for {args.capacity} places")
    # Registering holds places (as many as there are) until their owners confirm by mail.
    check("not yet confirmed", state["registrations"].get("held", 0), args.registrations)
    check("places held", state["places_held"], args.capacity)
    links = [
        CONFIRM_LINK.search(body)[0]
        for to, body in state["mails"]
        if to.startswith("event-") and "/potvrda/" in body
    ]
    check("confirmation links in the queued mails", len(links), args.registrations)
    confirm_all(port, links, args.clients, people)
    state = inspect_site(env)
    check("confirmed", state["registrations"].get("confirmed", 0), args.capacity)
    check("waiting", state["registrations"].get("waiting", 0), args.registrations - args.capacity)
    check("different people registered", state["registered_emails"], args.registrations)
    return ok


def inspect_site(env):
    return in_site(env, "--inspect")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="of throughput")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds before it")
    parser.add_argument("--connections", type=int, default=16, help="for throughput")
    parser.add_argument("--signatures", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=32, help="connections for --signatures")
    parser.add_argument("--same-email", type=int, default=50)
    parser.add_argument("--registrations", type=int, default=100)
    parser.add_argument("--capacity", type=int, default=20)
    parser.add_argument("--database-url", help="PostgreSQL to create the throwaway one next to")
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--inspect", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--proofs", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.proofs is not None:
        solved_proofs(args.proofs)
        return
    if args.seed_only:
        seed(args.capacity)
        return
    if args.inspect:
        inspect()
        return

    with tempfile.TemporaryDirectory(prefix="kamere-bench-") as directory:
        directory = Path(directory)
        with throwaway_database(args.database_url) as database_url:
            port = free_port()
            env = site_environment(directory, port)
            env.update(DATABASE_URL=database_url, TRUSTED_PROXY_COUNT="1", ALTCHA_MAX_COUNTER="1")
            vendor = "PostgreSQL" if args.database_url else "SQLite"
            print(f"Preparing a site on {vendor} in {directory} ...")
            pages = prepare_site(env, args.capacity)
            count = (
                int((args.seconds + args.warmup) * PROOFS_PER_SECOND)
                + args.signatures
                + args.same_email
            )
            PROOFS.proofs = in_site(env, "--proofs", str(count))

            env["GUNICORN_CMD_ARGS"] = f"--bind 127.0.0.1:{port}"
            log_path = directory / "gunicorn.log"
            log = log_path.open("w")
            server = subprocess.Popen(  # noqa: S603 (the Procfile's own command)
                shlex.split(web_command()),
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            try:
                ok = run_phases(args, env, port, pages, server)
            except Failure as failure:
                print(f"FAILED: {failure}")
                lines = log_path.read_text().splitlines()
                errors = [line for line in lines if not ACCESS_LOG_LINE.match(line)]
                print("Server log, without the access log (last 40 lines):")
                print("\n".join(errors[-40:]))
                ok = False
            finally:
                server.send_signal(signal.SIGTERM)
                server.wait(timeout=60)
                log.close()
    print(f"Database: {vendor}; server: gunicorn.conf.py ({os.cpu_count()} cores)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
