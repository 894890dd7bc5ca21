"""Runs localstripe on 127.0.0.1 and the port given, keeping its store in memory only.

localstripe's own ``start()`` listens on every interface and pickles its whole store to one
fixed file in /tmp after every write, which the servers of parallel test runs would share;
this serves its app on the loopback address only, with the dump turned off.
"""

import sys

import localstripe.resources
from aiohttp import web
from localstripe.server import app

localstripe.resources.Store.dump_to_disk = lambda self: None  # type: ignore[method-assign]
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None)
