"""PostgreSQL with deadlines for a server that stops answering (ENGINE "portal.database").

A stopped server refuses connections at once; a frozen one (a hung host, a stalled disk, a
network that drops packets) accepts them and then never answers, and a request waited for as
long as the operating system kept the socket: over a minute, gunicorn's threads all stuck.
PostgreSQL's statement_timeout cannot help (the server is what hangs), psycopg has no
deadline for a query, and TCP keepalives are answered by the server's kernel. So this backend
watches the calls itself:

- connecting gives up after DATABASE_CONNECT_TIMEOUT seconds (libpq's connect_timeout);
- Django's health check of a reused connection (SELECT 1 before a request's first query) gets
  HEALTH_CHECK_SECONDS; inside a request (`statement_deadline`, set by the middleware below)
  every statement, commit and rollback gets DATABASE_STATEMENT_DEADLINE seconds. A call past
  its deadline has its socket shut down by one watchdog thread per process, so psycopg raises
  OperationalError at once and the page is a 503 (home.views.server_error);
- after a failure to connect, or a health check cut at its deadline (the server does not
  answer at all), the process does not try to connect again for RETRY_SECONDS: requests in
  between get their 503 at once instead of each waiting out the connect timeout. A statement
  cut at its deadline fails its own request only: one slow query is no outage.

Management commands (migrations, imports, the worker's jobs) have no statement deadline: their
long statements are legitimate. When the server answers again, the next connection works; no
process needs a restart.
"""

import contextlib
import contextvars
import heapq
import itertools
import os
import socket
import threading
import time

from django.conf import settings
from django.db.backends.postgresql import base

HEALTH_CHECK_SECONDS = 0.5
RETRY_SECONDS = 5

# Seconds each statement of the current request may take; None outside requests.
_statement_deadline = contextvars.ContextVar("statement_deadline", default=None)


@contextlib.contextmanager
def statement_deadline(seconds):
    token = _statement_deadline.set(seconds)
    try:
        yield
    finally:
        _statement_deadline.reset(token)


class StatementDeadlineMiddleware:
    """Every database call of a request gets DATABASE_STATEMENT_DEADLINE seconds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with statement_deadline(settings.DATABASE_STATEMENT_DEADLINE):
            return self.get_response(request)


class Watchdog:
    """One thread that shuts down the socket of any watched call past its deadline."""

    def __init__(self):
        self.condition = threading.Condition()
        self.deadlines = []  # heap of (deadline, number)
        self.watched = {}  # number -> WatchedCall, while the call runs
        self.numbers = itertools.count()
        self.thread = None

    @contextlib.contextmanager
    def watch(self, fileno, seconds):
        """Watch the call in the block; the block's value says whether it was cut."""
        call = WatchedCall(fileno)
        self.add(call, seconds)
        try:
            yield call
        finally:
            self.remove(call)

    def add(self, call, seconds):
        with self.condition:
            number = next(self.numbers)
            call.number = number
            self.watched[number] = call
            heapq.heappush(self.deadlines, (time.monotonic() + seconds, number))
            if self.thread is None:
                self.thread = threading.Thread(target=self.run, name="db-watchdog", daemon=True)
                self.thread.start()
            self.condition.notify()

    def remove(self, call):
        # Under the lock: never cut once the call is over.
        with self.condition:
            self.watched.pop(call.number, None)  # gone already if it was cut
        call.close()

    def run(self):
        with self.condition:
            while True:
                while self.deadlines and self.deadlines[0][1] not in self.watched:
                    heapq.heappop(self.deadlines)  # finished in time
                if not self.deadlines:
                    self.condition.wait()
                    continue
                deadline, number = self.deadlines[0]
                left = deadline - time.monotonic()
                if left > 0:
                    self.condition.wait(left)
                    continue
                heapq.heappop(self.deadlines)
                self.watched.pop(number).cut()


class WatchedCall:
    def __init__(self, fileno):
        # A descriptor of our own for the socket: should libpq close its one meanwhile, and
        # another connection get that number, this one still names the socket watched.
        self.fileno = os.dup(fileno)
        self.number = None
        self.was_cut = False

    def cut(self):
        """Shut the socket down: the call blocked on it returns with an error."""
        self.was_cut = True
        with contextlib.suppress(OSError):
            sock = socket.socket(fileno=os.dup(self.fileno))
            with sock:
                sock.shutdown(socket.SHUT_RDWR)

    def close(self):
        os.close(self.fileno)


watchdog = Watchdog()
# Until when (time.monotonic()) this process does not try to connect.
unavailable_until = 0.0


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        global unavailable_until  # one value for all threads of the process
        if time.monotonic() < unavailable_until:
            raise base.Database.OperationalError(
                "The database did not answer a moment ago; not trying again yet."
            )
        try:
            return super().get_new_connection(conn_params)
        except base.Database.OperationalError:
            unavailable_until = time.monotonic() + RETRY_SECONDS
            raise

    def watched(self, seconds):
        if seconds is None or self.connection is None or self.connection.closed:
            return contextlib.nullcontext()
        return watchdog.watch(self.connection.fileno(), seconds)

    def is_usable(self):
        global unavailable_until  # one value for all threads of the process
        with self.watched(HEALTH_CHECK_SECONDS) as call:
            usable = super().is_usable()
        if call is not None and call.was_cut:
            # Not even SELECT 1 answered: connecting again would only wait out its timeout.
            unavailable_until = time.monotonic() + RETRY_SECONDS
        return usable

    def _commit(self):
        with self.watched(_statement_deadline.get()):
            return super()._commit()

    def _rollback(self):
        with self.watched(_statement_deadline.get()):
            return super()._rollback()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Once for the wrapper's life: it outlives each connection it opens.
        self.execute_wrappers.insert(0, self.watch_statement)

    def watch_statement(self, execute, sql, params, many, context):
        with self.watched(_statement_deadline.get()):
            return execute(sql, params, many, context)
