"""The typed answers of the server, shared by the server and the apps (filled by the types work)."""
