"""What the HTTP API and GraphQL share: request schemas, body parsing, problem mapping."""
