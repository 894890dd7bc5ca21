"""Generate the Python client in ``clients/python/`` from the server's OpenAPI document.

``make client`` runs it (the client's README is ``python-README.md``, copied in);
``tests/unit/test_generated_client.py`` runs it into a temporary directory and compares.
The document is the one of a server with the default settings (``rental openapi``), so every machine
generates the same client.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG = HERE / "openapi-python-client.yaml"
OUTPUT = HERE / "python"
# Our own README for the client, in place of the generator's boilerplate.
README = HERE / "python-README.md"


def generate(output: Path = OUTPUT) -> None:
    """Write the client to ``output`` (replacing what is there)."""
    from rental.entrypoints.http.app import openapi_document

    with tempfile.TemporaryDirectory() as scratch:
        document = Path(scratch) / "openapi.json"
        document.write_text(json.dumps(openapi_document(), indent=2))
        subprocess.run(
            [
                sys.executable, "-m", "openapi_python_client", "generate",
                "--path", str(document), "--config", str(CONFIG), "--meta", "setup",
                "--output-path", str(output), "--overwrite", "--fail-on-warning",
            ],
            check=True, stdout=subprocess.DEVNULL,
        )  # fmt: skip
    (output / "README.md").write_text(README.read_text(encoding="utf-8"), encoding="utf-8")


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
