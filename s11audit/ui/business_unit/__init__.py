"""The business unit's window: audit cycles, the register, imported returns, moderation, findings."""
