"""Steps several command handlers share (expiring holds, keeping the books); no handler here."""
