"""Administration: admins' commands and handlers, the audit log's port, and admins' reads."""
