"""Two web nodes serving one site behind HAProxy: the checks of issue 19, and signing's figure.

    nice -n 10 .venv/bin/python bench/two_nodes.py [--seconds 12]
        [--database-url postgres://kamere:kamere-ci-only@127.0.0.1:5432/kamere]

Starts, all on free ports of 127.0.0.1 and in a temporary directory: a throwaway PostgreSQL
database next to --database-url's (the role needs CREATEDB; dropped at the end), a redis-server
of its own (REDIS_URL), moto's S3 server with a private bucket (S3_BUCKET and the other S3_…
variables, path-style addresses). It prepares the site once as `make serve` does (migrate,
createcachetable, seed_demo, update_index, sync_site, collectstatic; bench/sign_petition.py's
petitions), then starts node A and node B, each the Procfile's `web` (gunicorn with
gunicorn.conf.py, its own port), `worker` and `scheduler`, with one environment: production
settings, HTTPS=false, SITE_URL the load balancer's address, TRUSTED_PROXY_COUNT=1, each node a
VAR_DIR of its own (so its local media directory can be looked at), mail written to files in the
temporary directory (Django's file backend, EMAIL_FILE_PATH). HAProxy
(Debian's) is in front: round robin, `/health/` checked every second, `retries` with `option
redispatch`, GETs retried on an empty response too. As in bench/sign_petition.py, every
simulated person sends an X-Forwarded-For of their own; HAProxy passes it on unchanged (no
`option forwardfor`), so one trusted proxy holds whether a request goes through HAProxy or
straight to a node.

The editor of checks a-c is made in the site's environment (bench/sign_petition.py `in_site`):
an account in Wagtail's Moderators group with an authenticator app, and a session logged in
with the password and the second factor, as allauth records a login; the bench uses its cookie
over HTTP. Logging in itself is tested elsewhere (tests/accounts/).

Checks, each printed with its figures (exit 1 on any MISS):

a. A camera report with a photo posted to node A is accepted on node B by the editor; its
   photo's rendition, linked from the camera's page, is served through node B; the image and
   rendition are objects in the bucket, the report's own copy is gone, and neither node's local
   media directory holds a file.
b. A private document (a collection restricted to logged-in people): its plain bucket address
   answers 403 without a signature (the site's signed URL: 200); /documents/<id>/<name> through
   B sends an anonymous visitor to the login, and gives the editor the file.
c. A page's draft published through A (the admin's bulk publish, POST with CSRF) shows its new
   title anonymously on B within a second, though B held the old page in its page cache.
d. A signature made on A and confirmed on A with the link from the mail the worker wrote is
   counted in count.json on B (within 30 s: the lag is printed).
f. Both workers paused, signatures queued through HAProxy; worker A let run until it holds a job,
   then killed (SIGKILL); worker B resumes, A is started again: every queued mail is sent
   (mails written against signatures; the killed worker's job comes back after the heartbeat's
   DEAD_AFTER, home/management/commands/run_worker.py).
g. Under load through HAProxy (wrk, 16 connections, a mix of the demo pages), node A's gunicorn
   is stopped gracefully (SIGTERM, as a platform stops a process) and started again: no request
   fails (non-2xx and socket errors counted), and A serves again once HAProxy sees it healthy.
h. A figure: signing throughput through HAProxy with one node (B in maintenance) and with two,
   taking turns, 16 connections (bench/sign_petition.py's throughput phase; the workers run,
   mailing each signature, as in production), the ratio against the 1.6x target, and where the
   CPU went: the machine's busy %, and the cores used by gunicorn A, gunicorn B, the workers,
   PostgreSQL, HAProxy, the load generator (this process) and any other process on the machine
   ("other: <command>": someone else's tests, the kernel's threads). Below the target it is
   `bound`, not a MISS, when the cores were saturated in the two-node turns: then the machine is
   what the figure measures (one node already keeps 2 cores busy).
e. Last, after the run: the two schedulers, started at the same moment, ran each job once per
   interval between them (their logs, time-stamped here, and the lease rows, home.ScheduledJob).

Reading the output: the first line names the temporary directory (each process's log is there
while it runs), the database and the ports; then a line per check, `<letter>. <status> <what>:
<figures>`, the status `ok`, `MISS`, `bound` (h only) or `not yet checked` (e and f, on a code
base without the scheduler's lease rows or the worker's heartbeat); h's next two lines are each
setup's figures; the last line counts the statuses. Everything is stopped at the end, also on
Ctrl-C or a failure, the database dropped and the directory removed.
"""

import argparse
import csv
import email
import email.policy
import html
import http.client
import io
import itertools
import json
import os
import random
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import boto3
import http_load
import page_speed
import redis
from api_throughput import free_port, procfile_command, site_environment, wait_for
from bbox_query import throwaway_database
from PIL import Image, ImageDraw
from sign_petition import (
    CONFIRM_LINK,
    CSRF_FIELD,
    PROOFS,
    PROOFS_PER_SECOND,
    SIGNATURE_MAIL_TASK,
    Browser,
    Failure,
    People,
    SignForm,
    confirm_all,
    expect,
    in_site,
    percentile,
    processes,
    setup_django,
    sign,
    sign_many,
    throughput,
)
from sign_petition import prepare_site as prepare_petitions

ROOT = Path(__file__).resolve().parent.parent
CI_DATABASE = "postgres://kamere:kamere-ci-only@127.0.0.1:5432/kamere"
TARGET_RATIO = 1.6
CONNECTIONS = 16
# h: each setup's signing time is --seconds, in this many turns taken with the other setup.
TURNS = 3
WARMUP_SECONDS = 2
# f: signatures queued while both workers are paused.
QUEUED_SIGNATURES = 200
# g: node A is stopped this far into the load, which goes on until A has served again for a
# while, or at most LONGEST_LOAD s (A's start under that load takes 10-30 s on 2 cores).
RESTART_AFTER = 5
SERVED_AGAIN_SECONDS = 10
LONGEST_LOAD = 180
# A machine this busy (all cores) during the two-node turns is what bounds the figure.
CPU_BOUND = 0.9
S3_REGION = "eu-central-1"
S3_KEYS = {"aws_access_key_id": "kamere-bench", "aws_secret_access_key": "kamere-bench-secret"}
# What a person who types the coordinates sends (tests/map/test_report.py report_data).
REPORT_FIELDS = {
    "latitude": "44.812345",
    "longitude": "20.461234",
    "surveillance_type": "camera",
    "camera_type": "dome",
    "facial_recognition": "on",
    "has_sign": "false",
    "note": "Na stubu javne rasvete kod raskrsnice.",
    "email": "",
    "website": "",
}
RENDITION = re.compile(r"/media/images/[^\"'\s,)]+")
SCHEDULER_RUN = re.compile(r"^(?P<at>\d+\.\d+) (?P<job>\w+) (?:done in|failed after) ")
NODES = ("a", "b")


# In the site's environment (run by in_site with script=__file__); each prints JSON.


def prepare():
    """The editor's session, the private document, a page's draft, and what the checks need
    to know of the code (addresses, the scheduler's jobs, whether the lease rows and the
    worker's heartbeat exist)."""
    setup_django()
    from django.conf import settings
    from django.contrib.auth import login
    from django.test import RequestFactory
    from django.urls import reverse
    from django.utils import translation

    from home import models as home_models
    from home.management.commands import run_schedule, run_worker

    editor = make_editor()
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.10")
    request.session = session_store()
    login(request, editor, backend=settings.AUTHENTICATION_BACKENDS[0])
    record_login_steps(request, editor)
    request.session.save()
    with translation.override(settings.LANGUAGE_CODE):
        report_path = reverse("map:report")
    dead_after = getattr(run_worker, "DEAD_AFTER", None)
    print(
        json.dumps(
            {
                "session": {settings.SESSION_COOKIE_NAME: request.session.session_key},
                "report_path": report_path,
                "login_path": reverse("account_login"),
                "document": private_document(),
                "draft": page_draft(editor),
                "jobs": {name: every.total_seconds() for name, every in run_schedule.JOBS},
                "lease_rows": hasattr(home_models, "ScheduledJob"),
                "dead_after": dead_after and dead_after.total_seconds(),
                "heartbeat": getattr(run_worker, "HEARTBEAT_EVERY", None),
            }
        )
    )


def make_editor():
    """An editor as the admin would have one: Wagtail's Moderators (publish pages, moderate
    reports), a verified address and an authenticator app."""
    from allauth.account.models import EmailAddress
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    address = "urednica.dva.cvora@example.org"
    editor = get_user_model().objects.create_user(
        "urednica-dva-cvora", email=address, password=secrets.token_urlsafe(24)
    )
    EmailAddress.objects.create(user=editor, email=address, primary=True, verified=True)
    editor.groups.add(Group.objects.get(name="Moderators"))
    TOTP.activate(editor, generate_totp_secret())
    return editor


def session_store():
    from importlib import import_module

    from django.conf import settings

    return import_module(settings.SESSION_ENGINE).SessionStore()


def record_login_steps(request, editor):
    """What allauth records of a login with the password and then the authenticator's code:
    the second factor the staff middleware (home/accounts/staff_mfa.py) asks for."""
    from allauth.account.internal.flows.login import record_authentication

    record_authentication(request, editor, "password", email=editor.email)
    record_authentication(request, editor, "mfa", type="totp")


def private_document():
    """A document in a collection only logged-in people may see, stored in the bucket."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction

    collection = Collection.get_first_root_node().add_child(name="Interni zapisnici")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    content = "Zapisnik sa sastanka koordinacije: samo za prijavljene.\n"
    document = get_document_model()(
        title="Interni zapisnik",
        collection=collection,
        file=ContentFile(content.encode(), name="zapisnik.txt"),
    )
    document.save()
    return {"id": document.pk, "path": document.url, "key": document.file.name, "text": content}


def page_draft(editor):
    """A new title for a live standard page, saved as a draft by the editor: published
    later over HTTP."""
    from django.conf import settings

    from home.models import StandardPage

    page = (
        StandardPage.objects.live()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("path")
        .first()
    )
    old = page.title
    page.title = f"{old} (objavljeno preko cvora A)"
    page.save_revision(user=editor)
    return {"id": page.pk, "path": page.get_url(), "old": old, "new": page.title}


def report_state(token):
    """The report with this follow-up token, and its camera's page and files once accepted."""
    setup_django()
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    from map.models import CameraPhoto, CameraReport

    report = CameraReport.objects.get(follow_token=token)
    state = {"id": report.pk, "status": report.status, "photo": report.photo.name or ""}
    if report.camera_id:
        with translation.override(settings.LANGUAGE_CODE):
            state["camera_page"] = reverse("map:camera_page", args=[report.camera_id])
        files = []
        for photo in CameraPhoto.objects.filter(camera_id=report.camera_id):
            files.append(photo.image.file.name)
            files.extend(rendition.file.name for rendition in photo.image.renditions.all())
        state["files"] = files
    print(json.dumps(state))


def signed_url(document_id):
    """The document's URL on the store as the site makes it: signed, for minutes."""
    setup_django()
    from wagtail.documents import get_document_model

    print(json.dumps(get_document_model().objects.get(pk=document_id).file.url))


def catch_worker(pid):
    """Let the paused worker `pid` run in short spells until it is stopped holding a job (its
    claim committed, the job not finished); the other worker is paused, so every running job
    is its. Prints the jobs held, whom their mails are for, and how many were waiting."""
    setup_django()
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from campaigns.models import Signature

    jobs = DBTaskResult.objects.filter(task_path=SIGNATURE_MAIL_TASK)
    held = {}
    deadline = time.monotonic() + 30
    while not held and time.monotonic() < deadline:
        os.kill(pid, signal.SIGCONT)
        time.sleep(random.uniform(0.005, 0.05))  # noqa: S311 (a moment, not a secret)
        os.kill(pid, signal.SIGSTOP)
        time.sleep(0.1)  # the signal has taken effect
        held = dict(jobs.filter(status=TaskResultStatus.RUNNING).values_list("pk", "args_kwargs"))
    ids = [task["kwargs"]["signature_id"] for task in held.values()]
    print(
        json.dumps(
            {
                "held": [str(pk) for pk in held],
                "to": list(Signature.objects.filter(pk__in=ids).values_list("email", flat=True)),
                "waiting": jobs.filter(status=TaskResultStatus.READY).count(),
            }
        )
    )


def job_counts():
    """The signature mail jobs by status."""
    setup_django()
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    counts = (
        DBTaskResult.objects.filter(task_path=SIGNATURE_MAIL_TASK)
        .values_list("status")
        .annotate(Count("pk"))
        .order_by()
    )
    print(json.dumps(dict(counts)))


def signature_rows(slug):
    setup_django()
    from campaigns.models import Signature

    print(json.dumps(Signature.objects.filter(petition__slug=slug).count()))


def lease_rows():
    setup_django()
    from home.models import ScheduledJob

    rows = ScheduledJob.objects.values(
        "command", "leased_until", "last_node", "last_outcome", "last_started_at"
    )
    print(json.dumps(list(rows), default=str))


# What the bench starts.


class Processes:
    """The processes the bench started, by name, each in a session of its own (so that Ctrl-C
    reaches only the bench, which stops them), stopped in the reverse order."""

    def __init__(self, directory):
        self.directory = directory
        self.running = {}

    def start(self, name, command, env, stamped=False):
        """Start `command`; its output goes to <name>.log, each line with the time it was
        read if `stamped` (for the schedulers' logs, which print no time)."""
        log = (self.directory / f"{name}.log").open("ab")
        process = subprocess.Popen(  # noqa: S603 (the Procfile's commands and Debian's servers)
            command,
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE if stamped else log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        if stamped:
            threading.Thread(target=stamp_lines, args=(process.stdout, log), daemon=True).start()
        else:
            log.close()
        self.running[name] = process
        return process

    def pid(self, name):
        return self.running[name].pid

    def signal(self, name, signum):
        with suppress(ProcessLookupError):
            os.kill(self.pid(name), signum)

    def stop(self, name, timeout=40):
        """SIGTERM (a stopped process is woken to read it), then SIGKILL after `timeout` s."""
        process = self.running.pop(name)
        for signum in (signal.SIGTERM, signal.SIGCONT):
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signum)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def stop_all(self):
        for name in reversed(list(self.running)):
            self.stop(name)

    def log(self, name):
        path = self.directory / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""


def stamp_lines(stream, log):
    for line in stream:
        log.write(f"{time.time():.3f} ".encode() + line)
        log.flush()
    log.close()


def procfile_process(name):
    """The Procfile's `name:` line as (its VARIABLE=value prefix, the command's words): what a
    Procfile runner's shell runs, without the shell between the bench and the process."""
    words = shlex.split(procfile_command(name))
    assignments = {}
    while words and re.fullmatch(r"[A-Z_][A-Z0-9_]*=.*", words[0]):
        variable, _, value = words.pop(0).partition("=")
        assignments[variable] = value
    return assignments, words


def start_redis(processes, directory):
    port = free_port()
    processes.start(
        "redis",
        [
            shutil.which("redis-server") or "/usr/bin/redis-server",
            *("--port", str(port), "--bind", "127.0.0.1", "--dir", str(directory)),
            *("--save", "", "--appendonly", "no"),  # nothing on disk
        ],
        os.environ.copy(),
    )
    client = redis.Redis(host="127.0.0.1", port=port, socket_connect_timeout=1)
    until(lambda: answers(client.ping), "redis-server", processes.running["redis"])
    return f"redis://127.0.0.1:{port}/0"


def start_object_store(processes):
    """moto's S3 server and a private bucket on it; the bucket's boto3 client."""
    port = free_port()
    processes.start(
        "s3",
        [str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        os.environ.copy(),
    )
    endpoint = f"http://127.0.0.1:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name=S3_REGION, **S3_KEYS)
    until(lambda: answers(client.list_buckets), "moto's S3 server", processes.running["s3"])
    bucket = f"kamere-{secrets.token_hex(6)}"
    client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": S3_REGION})
    return Bucket(client, endpoint, bucket)


def answers(call):
    try:
        call()
    except Exception:  # not up yet, whatever the client raises
        return False
    return True


def until(ready, what, process, timeout=60):
    deadline = time.monotonic() + timeout
    while not ready():
        if process.poll() is not None:
            raise SystemExit(f"{what} stopped; see its log.")
        if time.monotonic() > deadline:
            raise SystemExit(f"{what} did not answer within {timeout} s.")
        time.sleep(0.1)


@dataclass
class Bucket:
    client: object
    endpoint: str
    name: str

    def names(self):
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name)
        return {entry["Key"] for page in pages for entry in page.get("Contents", [])}

    def address(self, key):
        """The object's plain address on the store (path style), with no signature."""
        return f"{self.endpoint}/{self.name}/{key}"


HAPROXY_CONFIG = """\
global
    maxconn 2000
    # The runtime API: the bench reads the counters and puts node B in maintenance for h.
    stats socket {socket} mode 600 level admin

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout check 5s
    # A connection a node refused (stopping, starting) is tried again, on the other node.
    retries 3
    option redispatch 1
    # A GET is also tried again when the node closed the connection without an answer (a
    # reused connection it was closing as it stopped); other methods only when the request
    # never reached the node (disable-l7-retry below), as repeating them may do a thing twice.
    retry-on conn-failure empty-response

frontend site
    bind 127.0.0.1:{port}
    # No `option forwardfor`: the bench's clients play the proxy in front and set
    # X-Forwarded-For for each simulated person (TRUSTED_PROXY_COUNT=1), as when they reach
    # a node directly. In production this HAProxy would add it.
    default_backend nodes

backend nodes
    balance roundrobin
    # `option httpchk GET /health/`, in HAProxy 2.2's words, with a Host for ALLOWED_HOSTS.
    option httpchk
    http-check send meth GET uri /health/ ver HTTP/1.1 hdr Host 127.0.0.1
    http-check expect status 200
    http-request disable-l7-retry if !METH_GET
    default-server check inter 1s fastinter 250ms downinter 500ms rise 2 fall 2
{servers}
"""


class LoadBalancer:
    def __init__(self, directory, port, nodes):
        self.port = port
        self.socket = directory / "haproxy.sock"
        self.config = directory / "haproxy.cfg"
        servers = "\n".join(f"    server {name} 127.0.0.1:{at}" for name, at in nodes.items())
        self.config.write_text(
            HAPROXY_CONFIG.format(socket=self.socket, port=port, servers=servers)
        )

    def command(self):
        binary = shutil.which("haproxy", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/sbin")
        if binary is None:
            raise SystemExit("HAProxy is not installed (apt-get install haproxy).")
        return [binary, "-db", "-f", str(self.config)]

    def ask(self, command):
        with socket.socket(socket.AF_UNIX) as connection:
            connection.connect(str(self.socket))
            connection.sendall(command.encode() + b"\n")
            chunks = []
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks).decode()

    def servers(self):
        """HAProxy's counters of each node: {name: {field: value}} (`show stat`)."""
        rows = csv.DictReader(io.StringIO(self.ask("show stat").removeprefix("# ")))
        return {row["svname"]: row for row in rows if row["svname"] in NODES}

    def wait_up(self, names=NODES, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with suppress(OSError):  # HAProxy starting: its socket not there yet
                servers = self.servers()
                if all(servers[name]["status"] == "UP" for name in names):
                    return
            time.sleep(0.1)
        raise Failure(f"HAProxy does not see {', '.join(names)} up within {timeout} s")

    def use(self, names):
        """Send requests to these nodes only (the others in maintenance)."""
        for name in NODES:
            self.ask(f"{'enable' if name in names else 'disable'} server nodes/{name}")
        self.wait_up(names)


# The cluster.


@dataclass
class Cluster:
    directory: Path
    processes: Processes
    bucket: Bucket
    env: dict
    ports: dict
    balancer: LoadBalancer
    site: dict = field(default_factory=dict)
    petitions: dict = field(default_factory=dict)
    pages: list = field(default_factory=list)
    people: People = field(default_factory=People)
    seconds: float = 12.0  # of signing per setup, h
    schedulers_started: float = 0.0

    @property
    def mail_directory(self):
        return Path(self.env["EMAIL_FILE_PATH"])

    def node_directory(self, name):
        return self.directory / f"node-{name}"

    def node_env(self, name, role):
        env = {**self.env, "VAR_DIR": str(self.node_directory(name))}
        if role == "web":
            env["PORT"] = str(self.ports[name])
        else:
            env["LOG_LEVEL"] = "INFO"  # the workers' and schedulers' runs
        return env

    def start(self, name, role):
        assignments, command = procfile_process(role)
        return self.processes.start(
            f"{role}-{name}",
            command,
            {**self.node_env(name, role), **assignments},
            stamped=role == "scheduler",
        )

    def in_site(self, *arguments):
        return in_site(self.env, *arguments, script=__file__)

    def editor(self, node):
        browser = Browser(self.ports[node])
        for name, value in self.site["session"].items():
            browser.cookies[name] = value
        return browser


def start_cluster(cluster):
    for name in NODES:
        cluster.node_directory(name).mkdir()
    web = {name: cluster.start(name, "web") for name in NODES}
    for name in NODES:
        cluster.start(name, "worker")
    # The two clocks at the same moment, as a platform starts the same processes everywhere.
    cluster.schedulers_started = time.time()
    for name in NODES:
        cluster.start(name, "scheduler")
    for name in NODES:
        wait_for(cluster.ports[name], "/health/", web[name], timeout=180)
    cluster.processes.start("haproxy", cluster.balancer.command(), os.environ.copy())
    cluster.balancer.wait_up()


# The checks. Each returns (status, what it found); a Failure is a MISS.


def check_report(cluster):
    """a. A report with a photo posted to A, accepted on B, its photo served through B."""
    person = cluster.people.next("report")
    reporter = Browser(cluster.ports["a"])
    path = cluster.site["report_path"]
    token, _page = reporter.open_form(path, person.address)
    photo = camera_photo()
    answer = reporter.request(
        "POST",
        path,
        person.address,
        {**REPORT_FIELDS, "csrfmiddlewaretoken": token},
        {"photo": ("IMG_2031.jpg", photo, "image/jpeg")},
    )
    expect(answer, 302, f"POST {path} on A")
    follow_token = answer.location.rstrip("/").rsplit("/", 1)[-1]
    report = cluster.in_site("--report", follow_token)
    uploaded = report["photo"]
    if not uploaded or uploaded not in cluster.bucket.names():
        raise Failure(f"the report's photo {uploaded!r} is not in the bucket")

    editor = cluster.editor("b")
    queue = "/admin/camera-reports/"
    token = form_token(editor, queue, person.address)
    answer = editor.request(
        "POST", f"{queue}{report['id']}/accept/", person.address, {"csrfmiddlewaretoken": token}
    )
    expect(answer, 302, "accepting the report on B")

    reader = Browser(cluster.ports["b"])
    accepted = cluster.in_site("--report", follow_token)
    if accepted["status"] != "accepted":
        raise Failure(f"the report is {accepted['status']} after accepting it on B")
    page = reader.request("GET", accepted["camera_page"], person.address)
    expect(page, 200, f"the camera's page on B ({accepted['camera_page']})")
    # Every size and format of the photo the page offers (<picture>, og:image), through B.
    addresses = sorted(set(RENDITION.findall(page.body)))
    if not addresses:
        raise Failure(f"no /media/images/ address on {accepted['camera_page']}")
    served = 0
    for address in addresses:
        image = get(cluster.ports["b"], address)
        if image.status != 200 or not image.getheader("Content-Type", "").startswith("image/"):
            raise Failure(f"{address} through B: {image.status} {image.getheader('Content-Type')}")
        served += len(image.body)

    files = cluster.in_site("--report", follow_token)["files"]
    keys = cluster.bucket.names()
    missing = [name for name in files if name not in keys]
    local = local_media(cluster)
    if missing or uploaded in keys or local:
        raise Failure(
            f"not in the bucket: {missing}; report's copy left: {uploaded in keys}; "
            f"on the nodes' disks: {local}"
        )
    return "ok", (
        f"report {report['id']} with a {len(photo) // 1024} kB photo posted to A, accepted on "
        f"B; the camera's page on B links {len(addresses)} renditions under /media/images/, "
        f"each 200 through B ({served:,} bytes); in the bucket: the image and its "
        f"{len(files) - 1} renditions, the report's copy deleted; nodes' local media: 0 files"
    )


def check_private_document(cluster):
    """b. A private document: not on the store without a signature, behind the login on B."""
    document = cluster.site["document"]
    plain = fetch(cluster.bucket.address(document["key"]))
    signed = fetch(cluster.in_site("--signed-url", str(document["id"])))
    if plain.status != 403 or signed.status != 200 or signed.body != document["text"].encode():
        raise Failure(
            f"bucket address without a signature: {plain.status} (expected 403); "
            f"the site's signed URL: {signed.status} (expected 200 and the file)"
        )
    visitor = Browser(cluster.ports["b"])
    address = cluster.people.next("document").address
    hops, path = [], document["path"]
    answer = visitor.request("GET", path, address)
    while answer.status in (301, 302) and len(hops) < 4:
        hops.append(answer.status)
        location = urlsplit(answer.location)
        path = location.path + (f"?{location.query}" if location.query else "")
        answer = visitor.request("GET", path, address)
    if not hops or urlsplit(path).path != cluster.site["login_path"] or answer.status != 200:
        raise Failure(f"anonymous {document['path']} on B: {hops} to {path} ({answer.status})")
    editor = cluster.editor("b").request("GET", document["path"], address)
    expect(editor, 200, f"the editor's {document['path']} on B")
    if editor.body != document["text"]:
        raise Failure("the editor got another file")
    return "ok", (
        f"its bucket address: 403 without a signature (the site's signed URL: 200); "
        f"{document['path']} through B: anonymous {'+'.join(map(str, hops))} to "
        f"{cluster.site['login_path']}, the editor 200 with the file"
    )


def check_publish(cluster):
    """c. A page published through A is fresh on B within a second."""
    draft = cluster.site["draft"]
    old, new = html.escape(draft["old"]), html.escape(draft["new"])
    port_b = cluster.ports["b"]
    verdicts = Counter()
    for _ in range(16):  # every process of B keeps the old page
        page = get(port_b, draft["path"])
        if page.status != 200 or old not in page.text or new in page.text:
            raise Failure(f"{draft['path']} on B before publishing: {page.status}")
        verdicts[page.getheader("X-Page-Cache", "-")] += 1
    if not verdicts["hit"]:
        raise Failure(f"B did not serve {draft['path']} from its page cache: {dict(verdicts)}")

    editor = cluster.editor("a")
    address = cluster.people.next("editor").address
    publish = f"/admin/bulk/wagtailcore/page/publish/?id={draft['id']}&next=/admin/"
    token = form_token(editor, publish, address)
    answer = editor.request("POST", publish, address, {"csrfmiddlewaretoken": token})
    expect(answer, 302, "the bulk publish on A")
    published = time.monotonic()
    fresh_after = None
    while time.monotonic() - published < 1.0:
        if new in get(port_b, draft["path"]).text:
            fresh_after = time.monotonic() - published
            break
        time.sleep(0.05)
    time.sleep(max(0.0, 1.0 - (time.monotonic() - published)))
    stale = sum(new not in get(port_b, draft["path"]).text for _ in range(16))
    if fresh_after is None or stale:
        raise Failure(f"B still served the old title a second later ({stale} of 16 answers)")
    return "ok", (
        f"{draft['path']} from B's page cache ({verdicts['hit']} hits of 16), published "
        f"through A: its new title on B after {fresh_after:.2f} s, and in 16 of 16 answers at 1 s"
    )


def check_signature(cluster):
    """d. A signature confirmed on A, with the link the worker mailed, is counted on B."""
    path = cluster.petitions["count"]
    counted = f"{path}count.json"
    before = json.loads(get(cluster.ports["b"], counted).body)["count"]
    person = cluster.people.next("count")
    browser = Browser(cluster.ports["a"])
    token, page = browser.open_form(path, person.address)
    sign(browser, path, person, token, SignForm.on(page))
    signed = time.monotonic()
    links = []
    while not links and time.monotonic() - signed < 60:
        time.sleep(0.2)
        mails = read_mails(cluster.mail_directory)
        links = [CONFIRM_LINK.search(body) for to, body in mails if to == person.email]
    if not links or links[0] is None:
        raise Failure(f"no mail with a confirmation link to {person.email} within 60 s")
    mailed = time.monotonic() - signed
    confirm_all(cluster.ports["a"], [links[0][0]], 1, cluster.people)
    confirmed = time.monotonic()
    count = before
    while count == before and time.monotonic() - confirmed < 35:
        count = json.loads(get(cluster.ports["b"], counted).body)["count"]
        if count == before:
            time.sleep(0.5)
    lag = time.monotonic() - confirmed
    if count != before + 1 or lag > 30:
        raise Failure(f"count.json on B: {count} after {lag:.1f} s (expected {before + 1})")
    return "ok", (
        f"signed on A, the worker's mail written {mailed:.1f} s later, confirmed on A by its "
        f"link: count.json on B {before} -> {count} after {lag:.1f} s (limit 30 s)"
    )


def check_killed_worker(cluster):
    """f. A worker killed while it holds a job, with more queued: every mail is sent."""
    dead_after, heartbeat = cluster.site["dead_after"], cluster.site["heartbeat"]
    if not dead_after:
        return "not yet checked", (
            "run_worker.py has no heartbeat (DEAD_AFTER): a killed worker's job would stay "
            "'running'"
        )
    processes = cluster.processes
    for name in NODES:
        processes.signal(f"worker-{name}", signal.SIGSTOP)
    emails = sign_many(
        cluster.balancer.port,
        cluster.petitions["count"],
        cluster.people,
        QUEUED_SIGNATURES,
        8,
        "kill",
    )
    caught = cluster.in_site("--catch-worker", str(processes.pid("worker-a")))
    processes.signal("worker-a", signal.SIGKILL)
    processes.stop("worker-a")
    killed = time.monotonic()
    processes.signal("worker-b", signal.SIGCONT)
    time.sleep(5)
    cluster.start("a", "worker")  # as a platform restarts a process that died
    deadline = killed + dead_after + 3 * heartbeat + 30
    held_sent = None
    while True:
        sent = Counter(to for to, _body in read_mails(cluster.mail_directory) if to in emails)
        if held_sent is None and caught["to"] and all(sent[to] for to in caught["to"]):
            held_sent = time.monotonic() - killed
        if len(sent) == len(emails) and (held_sent is not None or not caught["to"]):
            break
        if time.monotonic() > deadline:
            break
        time.sleep(1)
    jobs = cluster.in_site("--jobs")
    twice = sum(count > 1 for count in sent.values())
    held = (
        f"holding {len(caught['held'])} job (its mail sent {held_sent:.0f} s after the kill; "
        f"DEAD_AFTER {dead_after:.0f} s, heartbeat every {heartbeat} s)"
        if caught["held"] and held_sent is not None
        else "between two jobs (no job held: the requeue was not exercised)"
        if not caught["held"]
        else f"holding {len(caught['held'])} job, whose mail was never sent"
    )
    figures = (
        f"{QUEUED_SIGNATURES} signatures queued with both workers paused; worker A killed "
        f"(SIGKILL) {held} with {caught['waiting']} waiting; B and the restarted A: "
        f"{len(sent)} of {len(emails)} mails, {twice} sent twice; jobs: {jobs}"
    )
    complete = len(sent) == len(emails) and not jobs.get("RUNNING") and not jobs.get("FAILED")
    return ("ok" if complete else "MISS"), figures


def check_restart(cluster):
    """g. Node A restarted gracefully under load through HAProxy: no request fails."""
    port = cluster.balancer.port
    for path in cluster.pages:
        if get(port, path).status != 200:
            raise Failure(f"{path} through HAProxy is not a 200 before the load")
    script = cluster.directory / "page_mix.lua"
    script.write_text(page_mix_script(cluster.pages))
    load = subprocess.Popen(  # noqa: S603 (wrk, on this bench's own HAProxy)
        [
            shutil.which("wrk") or "wrk",
            "--threads=2",
            f"--connections={CONNECTIONS}",
            f"--duration={LONGEST_LOAD}s",  # stopped earlier (on SIGINT wrk reports)
            "--timeout=10s",
            f"--script={script}",
            f"http://127.0.0.1:{port}/",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        time.sleep(RESTART_AFTER)
        before = cluster.balancer.servers()
        stopped, back = restart(cluster, "a")
        at_back = int(cluster.balancer.servers()["a"]["stot"])
        time.sleep(SERVED_AGAIN_SECONDS)
    finally:
        load.send_signal(signal.SIGINT)
        output, _ = load.communicate(timeout=60)
    after = cluster.balancer.servers()
    values = {name: int(value) for name, value in re.findall(r"^(\w+) (\d+)$", output, re.M)}
    if "requests" not in values:
        raise Failure(f"wrk: {output}")
    served_after = int(after["a"]["stot"]) - at_back
    retried, redispatched = (
        sum(int(after[name][counter] or 0) - int(before[name][counter] or 0) for name in NODES)
        for counter in ("wretr", "wredis")
    )
    failed = values["non2xx"] + values["socket_errors"]
    status = "ok" if not failed and back is not None and served_after else "MISS"
    return status, (
        f"{values['requests']:,} requests in {values['duration_us'] / 1e6:.0f} s, "
        f"{len(cluster.pages)} pages, {CONNECTIONS} connections: {values['non2xx']} non-2xx, "
        f"{values['socket_errors']} socket errors; A stopped by SIGTERM at {RESTART_AFTER} s "
        f"(exited in {stopped:.1f} s), "
        + (f"back in HAProxy {back:.1f} s after, " if back is not None else "not back, ")
        + f"then served {served_after:,} in {SERVED_AGAIN_SECONDS} s; HAProxy retried "
        f"{retried}, redispatched {redispatched}"
    )


def restart(cluster, name):
    """Stop node `name`'s gunicorn as a platform does (SIGTERM: it finishes the requests under
    way) and start it again. Seconds until it exited, and until HAProxy saw it healthy (None
    if it did not)."""
    web = cluster.processes.running[f"web-{name}"]
    stopping = time.monotonic()
    web.send_signal(signal.SIGTERM)
    web.wait(timeout=60)
    stopped = time.monotonic() - stopping
    web = cluster.start(name, "web")
    with suppress(SystemExit, Failure):
        wait_for(cluster.ports[name], "/health/", web, timeout=LONGEST_LOAD / 2)
        cluster.balancer.wait_up((name,), timeout=LONGEST_LOAD / 4)
        return stopped, time.monotonic() - stopping
    return stopped, None


def page_mix_script(paths):
    """wrk's script: each connection asks the pages in turn (from a place of its own) and
    counts answers other than 2xx; http_load's report, plus that count."""
    listed = ", ".join(json.dumps(path) for path in paths)
    return f"""
paths = {{{listed}}}
turn = 0
non2xx = 0
threads = {{}}
function setup(thread) table.insert(threads, thread) end
function init(args) turn = math.random(#paths) end
function request()
  turn = turn % #paths + 1
  return wrk.format("GET", paths[turn])
end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end
{http_load.WRK_REPORT}
local report = done
done = function(summary, latency, requests)
  report(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("non2xx") end
  io.write(string.format("non2xx %d\\n", total))
end
"""


def figure_throughput(cluster):
    """h. Signatures per second through HAProxy: one node, then two, taking turns."""
    setups = {"one node": ("a",), "two nodes": NODES}
    path = cluster.petitions["throughput"]
    port = cluster.balancer.port
    web_a = cluster.processes.pid("web-a")  # sign_petition's own CPU figure, not printed here
    signed = 0
    for nodes in setups.values():
        cluster.balancer.use(nodes)
        signed += len(
            throughput(port, path, cluster.people, WARMUP_SECONDS, CONNECTIONS, web_a, "warmup")[0]
        )
    results = {setup: Measure() for setup in setups}
    seconds = cluster.seconds
    for _ in range(TURNS):
        for setup, nodes in setups.items():
            cluster.balancer.use(nodes)
            before = cluster.balancer.servers()
            start = cpu_sample(cluster)
            latencies, elapsed, _cpu, _clients = throughput(
                port, path, cluster.people, seconds / TURNS, CONNECTIONS, web_a, setup.split()[0]
            )
            results[setup].add(latencies, elapsed, start, cpu_sample(cluster))
            after = cluster.balancer.servers()
            for name in NODES:
                results[setup].served[name] += int(after[name]["stot"]) - int(before[name]["stot"])
            signed += len(latencies)
    cluster.balancer.use(NODES)
    rows = cluster.in_site("--signature-rows", urlsplit(path).path.strip("/").rsplit("/")[-1])
    one, two = results["one node"], results["two nodes"]
    ratio = two.rate / one.rate
    bound = two.busy >= CPU_BOUND
    lines = [
        f"signing through HAProxy, {CONNECTIONS} connections, {TURNS} turns of "
        f"{seconds / TURNS:g} s each: one node {one.rate:.1f}/s, two nodes {two.rate:.1f}/s: "
        f"{ratio:.2f}x (target {TARGET_RATIO}x)"
        + ("" if ratio >= TARGET_RATIO else "; CPU-bound" if bound else "; NOT CPU-bound"),
    ]
    for setup, measure in results.items():
        lines.append(f"{setup}: {measure.summary()}")
    if rows != signed:
        lines.append(f"signature rows {rows}, signatures answered {signed}: WRONG")
    status = "ok" if ratio >= TARGET_RATIO else "bound" if bound else "MISS"
    return ("MISS" if rows != signed else status), "\n      ".join(lines)


@dataclass
class Measure:
    """One setup's turns added up: signatures, seconds, latencies, CPU by role."""

    latencies: list = field(default_factory=list)
    seconds: float = 0.0
    cpu: Counter = field(default_factory=Counter)
    machine: list = field(default_factory=lambda: [0.0, 0.0])  # busy, all (CPU seconds)
    served: Counter = field(default_factory=Counter)

    def add(self, latencies, elapsed, start, end):
        self.latencies.extend(latencies)
        self.seconds += elapsed
        roles_start, machine_start = start
        roles_end, machine_end = end
        for role, used in roles_end.items():
            self.cpu[role] += used - roles_start.get(role, 0.0)
        self.machine[0] += machine_end[0] - machine_start[0]
        self.machine[1] += machine_end[1] - machine_start[1]

    @property
    def rate(self):
        return len(self.latencies) / self.seconds

    @property
    def busy(self):
        return self.machine[0] / self.machine[1]

    def summary(self):
        ordered = sorted(self.latencies)
        used = sorted(self.cpu.items(), key=lambda item: -item[1])
        cores = [
            f"{role} {seconds / self.seconds:.2f}"
            for role, seconds in used
            if seconds / self.seconds >= 0.005
        ]
        share = " / ".join(f"{self.served[name]:,}" for name in NODES)
        return (
            f"{len(ordered):,} signatures (A / B: {share} requests), p50 "
            f"{percentile(ordered, 0.5) * 1000:.0f} ms, p95 {percentile(ordered, 0.95) * 1000:.0f} "
            f"ms; {os.cpu_count()} cores {self.busy:.0%} busy; cores used: {', '.join(cores[:8])}"
        )


def cpu_sample(cluster):
    """CPU seconds used so far by each role ({role: seconds}), and the machine's (busy, all)."""
    roles = {
        cluster.processes.pid(name): label
        for name, label in (
            ("web-a", "gunicorn A"),
            ("web-b", "gunicorn B"),
            ("haproxy", "HAProxy"),
            ("worker-a", "workers"),
            ("worker-b", "workers"),
            ("scheduler-a", "schedulers"),
            ("scheduler-b", "schedulers"),
            ("redis", "Redis"),
            ("s3", "S3 (moto)"),
        )
    }
    roles[os.getpid()] = "load generator"
    table = processes()
    used = Counter()
    for pid, (_parent, command, seconds) in table.items():
        used[role_of(pid, command, roles, table)] += seconds
    with open("/proc/stat") as stat:
        # user, nice, system, idle, iowait, irq, softirq, steal (guest time is in user's).
        ticks = [int(value) for value in stat.readline().split()[1:9]]
    idle = ticks[3] + ticks[4]
    hertz = os.sysconf("SC_CLK_TCK")
    return used, ((sum(ticks) - idle) / hertz, sum(ticks) / hertz)


def role_of(pid, command, roles, table):
    if command == "postgres":
        return "PostgreSQL"
    if 2 in (pid, table[pid][0]):  # kthreadd and its children
        return "kernel threads"
    seen = pid
    while seen > 1:
        if seen in roles:
            return roles[seen]
        seen = table.get(seen, (0,))[0]
    return f"other: {command}"


def check_schedulers(cluster):
    """e. Two clocks started together ran each job once per interval between them."""
    if not cluster.site["lease_rows"]:
        return "not yet checked", "home.ScheduledJob (the scheduler's lease rows) is not there"
    ended = time.time()
    runs = defaultdict(list)
    started = {}
    for name in NODES:
        log = cluster.processes.log(f"scheduler-{name}")
        started[name] = "Clock started" in log
        for line in log.splitlines():
            if found := SCHEDULER_RUN.match(line):
                runs[found["job"]].append((float(found["at"]), name.upper()))
    leases = cluster.in_site("--leases")
    nodes = {
        f"{socket.gethostname()}:{cluster.processes.pid(f'scheduler-{name}')}": name.upper()
        for name in NODES
    }
    problems, figures = [], []
    for job, interval in cluster.site["jobs"].items():
        times = sorted(runs[job])
        gaps = [b[0] - a[0] for a, b in itertools.pairwise(times)]
        expected = 1 + int((ended - times[0][0]) // interval) if times else 1
        by_node = Counter(name for _at, name in times)
        if (
            not times
            or len(times) not in (expected, expected - 1)
            or any(gap < interval - 1 for gap in gaps)
        ):
            problems.append(
                f"{job}: {len(times)} runs (expected {expected}), gaps "
                f"{', '.join(f'{gap:.1f}' for gap in gaps) or 'none'} s (interval {interval:g} s)"
            )
        if len(times) > 1:
            figures.append(
                f"{job} {len(times)} runs (A {by_node['A']}, B {by_node['B']}), gaps "
                f"{min(gaps):.1f}-{max(gaps):.1f} s"
            )
    once = [job for job, interval in cluster.site["jobs"].items() if len(runs[job]) == 1]
    once_by = Counter(runs[job][0][1] for job in once)
    held = [row["command"] for row in leases if row["leased_until"] is not None]
    # A job that failed still ran once: its failure is its own (the log says why), not the
    # clocks'.
    failed = [row["command"] for row in leases if row["last_outcome"] != "ok"]
    last = Counter(nodes.get(row["last_node"], "?") for row in leases)
    if not all(started.values()) or "?" in last:
        problems.append(f"clocks started: {started}; last runs by {dict(last)}")
    minutes = (ended - cluster.schedulers_started) / 60
    summary = (
        f"two clocks for {minutes:.1f} min: {'; '.join(figures)}; {len(once)} jobs of longer "
        f"intervals once each (A {once_by['A']}, B {once_by['B']}); lease rows: {len(leases)}, "
        f"last runs A {last['A']} / B {last['B']}, held now: {held or 'none'}, last outcome "
        f"not ok: {failed or 'none'}"
    )
    if problems:
        return "MISS", summary + "\n      " + "\n      ".join(problems)
    return "ok", summary


# Helpers of the checks.


@dataclass
class Fetched:
    status: int
    headers: dict
    body: bytes

    @property
    def text(self):
        return self.body.decode(errors="replace")

    def getheader(self, name, default=None):
        return self.headers.get(name.lower(), default)


def get(port, path):
    """An anonymous GET with no cookies, as a new reader's first visit."""
    return fetch(f"http://127.0.0.1:{port}{path}")


def fetch(url):
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        headers = {name.lower(): value for name, value in response.getheaders()}
        return Fetched(response.status, headers, response.read())
    finally:
        connection.close()


def form_token(browser, path, address):
    """The CSRF token of the form on an admin page (the browser keeps the cookie)."""
    answer = browser.request("GET", path, address)
    expect(answer, 200, f"GET {path} as the editor")
    found = CSRF_FIELD.search(answer.body)
    if found is None:
        raise Failure(f"no form on {path}")
    return found[1]


def camera_photo():
    """A 1600 x 1200 JPEG, a phone photo's shape."""
    image = Image.new("RGB", (1600, 1200), (92, 110, 128))
    draw = ImageDraw.Draw(image)
    for x in range(0, 1600, 40):
        draw.line([(x, 0), (1600 - x, 1200)], fill=(210, 180 - x % 160, 60), width=7)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def read_mails(directory):
    """(to, body) of each mail the workers wrote: Django's file backend writes messages one
    after another, each followed by a line of 79 dashes."""
    mails = []
    for path in sorted(directory.glob("*.log")):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if not chunk.strip():
                continue
            message = email.message_from_bytes(chunk.lstrip(), policy=email.policy.default)
            body = message.get_body(("plain",))
            mails.append((str(message["To"]), body.get_content() if body else ""))
    return mails


def local_media(cluster):
    """Files in the nodes' local media directories (MEDIA_ROOT under each VAR_DIR)."""
    return [
        str(path.relative_to(cluster.directory))
        for name in NODES
        for path in (cluster.node_directory(name) / "media").rglob("*")
        if path.is_file()
    ]


# The run.


CHECKS = (
    ("a", "report on A, moderated and photo served on B", check_report),
    ("b", "private document", check_private_document),
    ("c", "page published on A, fresh on B", check_publish),
    ("d", "signature confirmed on A, counted on B", check_signature),
    ("f", "worker killed mid-job", check_killed_worker),
    ("g", "node A restarted under load", check_restart),
    ("h", "signing, one node vs two", figure_throughput),
    # Last: the longer the clocks have run, the more intervals it checks.
    ("e", "two schedulers", check_schedulers),
)


def run_check(letter, title, check, cluster):
    try:
        status, figures = check(cluster)
    except (Failure, OSError, KeyError, ValueError, subprocess.SubprocessError) as error:
        # A step in the site's environment says why on its stderr.
        said = getattr(error, "stderr", None) or ""
        status, figures = "MISS", f"{type(error).__name__}: {error}\n{said[-2000:]}".rstrip()
    print(f"{letter}. {status:<4} {title}: {figures}", flush=True)
    return status


def prepare_site(cluster):
    """`make serve`'s steps and the petitions (bench/sign_petition.py), the demo pages
    (bench/page_speed.py, with update_index and sync_site), the proofs of work, then this
    bench's own: the editor, the document and the draft."""
    pages = prepare_petitions(cluster.env, capacity=20)
    cluster.petitions = pages["petitions"]
    demo = in_site(cluster.env, "--seed-only", script=page_speed.__file__)
    cluster.pages = [demo[name] for name, _model in page_speed.PAGE_TYPES if name in demo]
    count = int(PROOFS_PER_SECOND * 2 * (cluster.seconds + WARMUP_SECONDS)) + QUEUED_SIGNATURES + 50
    PROOFS.proofs = in_site(cluster.env, "--proofs", str(count))
    cluster.site = cluster.in_site("--prepare")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=12.0, help="of signing, per setup (h)")
    parser.add_argument("--database-url", default=CI_DATABASE, help="PostgreSQL to sit next to")
    for hidden in ("--report", "--signed-url", "--catch-worker", "--signature-rows"):
        parser.add_argument(hidden, help=argparse.SUPPRESS)
    for hidden in ("--prepare", "--jobs", "--leases"):
        parser.add_argument(hidden, action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    in_site_steps = {
        "prepare": prepare,
        "report": report_state,
        "signed_url": signed_url,
        "catch_worker": lambda pid: catch_worker(int(pid)),
        "signature_rows": signature_rows,
        "jobs": job_counts,
        "leases": lease_rows,
    }
    for name, step in in_site_steps.items():
        value = getattr(args, name)
        if value is True:
            return step()
        if value:
            return step(value)
    http_load.client_name("wrk")  # g needs wrk: stop now if it is missing

    # Stopping the bench (Ctrl-C, or SIGTERM) stops what it started, as a failure does.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(130))
    statuses = []
    with (
        tempfile.TemporaryDirectory(prefix="kamere-two-nodes-") as directory,
        throwaway_database(args.database_url) as database_url,
    ):
        directory = Path(directory)
        processes = Processes(directory)
        try:
            statuses = run(args, directory, processes, database_url)
        except subprocess.CalledProcessError as error:
            print(f"{error}\n{(error.stderr or '')[-2000:]}")  # a preparing step's own words
            raise SystemExit(1) from error
        finally:
            processes.stop_all()
    counts = Counter(statuses)
    print(
        f"{len(statuses)} checks: {counts['ok']} ok, {counts['MISS']} MISS, "
        f"{counts['not yet checked']} not yet checked, {counts['bound']} bound by the machine"
    )
    sys.exit(1 if counts["MISS"] else 0)


def run(args, directory, processes, database_url):
    redis_url = start_redis(processes, directory)
    bucket = start_object_store(processes)
    ports = {name: free_port() for name in NODES}
    balancer = LoadBalancer(directory, free_port(), ports)
    env = site_environment(directory, balancer.port, database_url)
    env.update(
        REDIS_URL=redis_url,
        S3_BUCKET=bucket.name,
        S3_ENDPOINT_URL=bucket.endpoint,
        S3_REGION=S3_REGION,
        S3_ACCESS_KEY_ID=S3_KEYS["aws_access_key_id"],
        S3_SECRET_ACCESS_KEY=S3_KEYS["aws_secret_access_key"],
        S3_ADDRESSING_STYLE="path",
        TRUSTED_PROXY_COUNT="1",
        ALTCHA_MAX_COUNTER="1",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(directory / "mail"),
    )
    cluster = Cluster(directory, processes, bucket, env, ports, balancer, seconds=args.seconds)
    print(
        f"Two nodes in {directory}: PostgreSQL {database_url.rsplit('/', 1)[-1]}, {redis_url}, "
        f"S3 (moto) {bucket.endpoint}/{bucket.name}, node A :{ports['a']}, node B :{ports['b']}, "
        f"HAProxy :{balancer.port}",
        flush=True,
    )
    started = time.monotonic()
    prepare_site(cluster)
    print(
        f"Site prepared in {time.monotonic() - started:.0f} s; starting the nodes ...", flush=True
    )
    start_cluster(cluster)
    return [run_check(letter, title, check, cluster) for letter, title, check in CHECKS]


if __name__ == "__main__":
    main()
