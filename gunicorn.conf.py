"""Gunicorn settings for the Procfile's `web:` process (gunicorn reads this file from the cwd).

Anything here can be overridden with GUNICORN_CMD_ARGS, as `make serve` does for --bind.
"""

import gc
import os

from gunicorn.glogging import Logger

from portal.redaction import RedactTokens

# The platform says which port to listen on. Only this machine's proxy reaches gunicorn by
# default: a client that reached it directly would have its real address in the error log,
# and could pass any X-Forwarded-For it liked. Where the proxy runs elsewhere (a container
# behind a load balancer), WEB_BIND_HOST=0.0.0.0 listens on every interface.
bind = f"{os.environ.get('WEB_BIND_HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"

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


class RedactingLogger(Logger):
    """Gunicorn's logger, with the tokens of mailed links taken out of every line (paths
    appear in the access log and in the error log's "Error handling request")."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.access_log, self.error_log):
            for handler in log.handlers:
                handler.addFilter(RedactTokens())


logger_class = RedactingLogger

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
