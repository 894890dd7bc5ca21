"""The application layer: commands, their handlers, the message bus, ports and the read side."""
