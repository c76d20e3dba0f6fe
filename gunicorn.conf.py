"""Gunicorn settings for the Procfile's `web:` process (gunicorn reads this file from the cwd).

Anything here can be overridden with GUNICORN_CMD_ARGS, as `make serve` does for --bind.
"""

import gc
import os

# The platform says which port to listen on; all interfaces, as in a container.
bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"

# Worker processes: WEB_CONCURRENCY if set, else 2 x cores + 1, capped at 4 so a
# large machine does not open more database connections than PostgreSQL allows.
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * (os.cpu_count() or 1) + 1, 4))
threads = 2
timeout = 30
graceful_timeout = 30
keepalive = 5

# Privacy: no client IP addresses in the logs. Gunicorn's default access log starts
# with %(h)s (the remote address) and also records the referrer and user agent; this
# format keeps only the time, method, path (without the query string), status, size
# and duration.
accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'

# Front-end proxies whose X-Forwarded-Proto gunicorn believes when it sets the WSGI URL
# scheme. (Django reads X-Forwarded-Proto itself too, see SECURE_PROXY_SSL_HEADER in
# portal/settings/production.py, so the proxy in front must always set that header.)
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# No runtime control socket (gunicornc): it is not used, and two servers on one
# machine would share its default path in the home directory.
control_socket_disable = True


def post_worker_init(worker):
    """Exempt what the loaded application holds from garbage collection.

    Django, Wagtail and their apps leave some 200,000 objects that live as long as the worker;
    every full collection walked them all (90 ms on a 2-core machine, every few hundred
    requests). Frozen, they are never scanned again; what requests create is collected as
    before.
    """
    gc.freeze()
