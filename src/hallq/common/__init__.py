"""Pure helpers that any layer may import (the TOML table reader); they import nothing of hallq
outside this package."""
