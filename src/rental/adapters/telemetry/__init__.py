"""What operators watch: structured log lines with their context (``logs``) and Prometheus
metrics (``metrics``). Both are used by the entrypoints and wired in the composition root."""

# Set (by ``rental serve``) before prometheus-client is first imported: it then keeps each
# process's values in files there, which ``/metrics`` adds up across gunicorn's workers.
MULTIPROCESS_DIR = "PROMETHEUS_MULTIPROC_DIR"
