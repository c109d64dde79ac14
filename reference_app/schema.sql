CREATE TABLE IF NOT EXISTS account (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    nir13 TEXT UNIQUE NOT NULL,           -- the 13 digits, without the key
    birth_date TEXT NOT NULL,             -- ISO YYYY-MM-DD
    email TEXT,                           -- NULL: no address (case 3bis-1)
    email_validated INTEGER NOT NULL DEFAULT 0,
    password_hash TEXT NOT NULL,
    login_failures INTEGER NOT NULL DEFAULT 0,
    login_blocked_until REAL,             -- epoch seconds
    session_version INTEGER NOT NULL DEFAULT 0  -- raised at each new password: older sessions end
);
CREATE TABLE IF NOT EXISTS reset_request (  -- every accepted request, for the limit (3bis-2)
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES account (id),
    requested_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS reset_token (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    account_id INTEGER NOT NULL REFERENCES account (id),
    token_hash TEXT UNIQUE NOT NULL,      -- SHA-256 of the token: the token itself is never stored
    created_at REAL NOT NULL,
    used_at REAL,
    superseded INTEGER NOT NULL DEFAULT 0 -- a newer mail was sent: only the latest link works
);
CREATE TABLE IF NOT EXISTS captcha (
    id TEXT PRIMARY KEY,                  -- random, kept in the browser's session
    answer TEXT NOT NULL,
    issued_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS reset_request_account ON reset_request (account_id, requested_at);
CREATE INDEX IF NOT EXISTS reset_token_account ON reset_token (account_id);
