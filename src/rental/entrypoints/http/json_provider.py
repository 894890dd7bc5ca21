"""JSON for Flask through orjson: the same documents as Flask's default provider, made faster.

Every response body of the API goes through ``app.json`` (flask-smorest's ``jsonify``); orjson
encodes a page of listings several times faster than the standard library, straight to bytes.
What Flask's provider does beyond plain JSON is kept: dates as HTTP dates, ``Decimal`` and
``UUID`` as strings (Flask's own ``default``, which orjson calls for what it does not encode),
keys in their order (non-string keys as strings), compact output (indented in debug mode)
with a final newline; what orjson cannot encode (an integer past 64 bits) goes to the standard
library. Unlike the standard library, text outside ASCII is written as UTF-8
rather than as ``\\u`` escapes: the same JSON to any client.
"""

from __future__ import annotations

from typing import Any, cast

import orjson
from flask import Response
from flask.json.provider import DefaultJSONProvider

# Dates through Flask's default() (HTTP dates), not orjson's RFC 3339, so no body changes.
DUMPS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS


class OrjsonProvider(DefaultJSONProvider):
    """Flask's ``DefaultJSONProvider`` with orjson doing the encoding and decoding."""

    sort_keys = False

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        # Callers that ask for the standard library's options (indent, sort_keys) get them.
        if kwargs:
            return super().dumps(obj, **kwargs)
        try:
            return orjson.dumps(obj, default=self.default, option=DUMPS).decode()
        except orjson.JSONEncodeError:  # what orjson refuses (an integer past 64 bits, …)
            return super().dumps(obj)

    def loads(self, s: str | bytes, **kwargs: Any) -> Any:
        if kwargs:
            return super().loads(s, **kwargs)
        return orjson.loads(s)

    def response(self, *args: Any, **kwargs: Any) -> Response:
        obj = self._prepare_response_obj(args, kwargs)
        options = DUMPS | orjson.OPT_APPEND_NEWLINE
        if (self.compact is None and self._app.debug) or self.compact is False:
            options |= orjson.OPT_INDENT_2
        try:
            body = orjson.dumps(obj, default=self.default, option=options)
        except orjson.JSONEncodeError:
            return cast(Response, super().response(obj))
        # ``_app`` is typed as Flask's sans-IO app; on a Flask app it is Flask's Response class.
        response_class = cast(type[Response], self._app.response_class)
        return response_class(body, mimetype=self.mimetype)
