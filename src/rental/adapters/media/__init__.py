"""Media stores: the local file system (``files``) and S3-compatible object stores (``s3``)."""
