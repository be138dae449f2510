/**
 * Numbered schema migrations. `PRAGMA user_version` holds the number of the last one applied;
 * each runs in its own transaction. Never edit a released migration: append a new one.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'workspaces, channels, feeds, articles, schedules, deliveries, audit, roles, leases',
    sql: `
CREATE TABLE workspaces (
  id          INTEGER PRIMARY KEY,
  platform    TEXT NOT NULL CHECK (platform IN ('shell', 'discord', 'slack')),
  external_id TEXT NOT NULL,
  name        TEXT,
  created_at  TEXT NOT NULL,
  UNIQUE (platform, external_id)
);

CREATE TABLE channels (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  external_id  TEXT NOT NULL,
  name         TEXT,
  settings     TEXT NOT NULL CHECK (json_valid(settings)),
  created_at   TEXT NOT NULL,
  UNIQUE (workspace_id, external_id)
);

CREATE TABLE feeds (
  id                   INTEGER PRIMARY KEY,
  url                  TEXT NOT NULL UNIQUE,
  title                TEXT,
  etag                 TEXT,
  last_modified        TEXT,
  last_fetch_at        TEXT,
  last_error           TEXT,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  next_attempt_at      TEXT,
  disabled_reason      TEXT,
  items_seen           INTEGER NOT NULL DEFAULT 0,
  created_at           TEXT NOT NULL
);

CREATE TABLE subscriptions (
  id         INTEGER PRIMARY KEY,
  channel_id INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  feed_id    INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
  filters    TEXT NOT NULL CHECK (json_valid(filters)),
  created_by TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (channel_id, feed_id)
);
CREATE INDEX subscriptions_feed ON subscriptions(feed_id);

-- Three unique keys make an insert of the same story (same guid, link or text) a no-op,
-- whichever feed it arrives from. NULLs are distinct in SQLite and PostgreSQL alike.
CREATE TABLE articles (
  id           TEXT PRIMARY KEY,
  guid         TEXT UNIQUE,
  link         TEXT UNIQUE,
  title        TEXT,
  published_at TEXT,
  feed_id      INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
  article      TEXT NOT NULL CHECK (json_valid(article)),
  facts        TEXT CHECK (facts IS NULL OR json_valid(facts)),
  created_at   TEXT NOT NULL
);

CREATE TABLE channel_articles (
  channel_id  INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  received_at TEXT NOT NULL,
  PRIMARY KEY (channel_id, article_id)
);
CREATE INDEX channel_articles_recent ON channel_articles(channel_id, received_at);

CREATE TABLE schedules (
  id            INTEGER PRIMARY KEY,
  channel_id    INTEGER NOT NULL REFERENCES channels(id) ON DELETE CASCADE,
  cron          TEXT NOT NULL,
  timezone      TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('new-articles', 'current-article')),
  paused        INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  last_run_slot TEXT,
  created_by    TEXT,
  created_at    TEXT NOT NULL
);
CREATE INDEX schedules_channel ON schedules(channel_id);

-- No foreign keys: a delivery is history and outlives its schedule.
CREATE TABLE deliveries (
  key        TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  message_id TEXT,
  attempts   INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE audit_log (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  actor_id     TEXT NOT NULL,
  actor_name   TEXT,
  action       TEXT NOT NULL,
  target       TEXT,
  before_json  TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json   TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
  at           TEXT NOT NULL
);
CREATE INDEX audit_log_workspace ON audit_log(workspace_id, id);

CREATE TABLE role_mappings (
  id           INTEGER PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  level        TEXT NOT NULL CHECK (level IN ('moderator', 'admin')),
  kind         TEXT NOT NULL CHECK (kind IN ('role', 'user', 'usergroup')),
  external_id  TEXT NOT NULL,
  created_by   TEXT,
  created_at   TEXT NOT NULL,
  UNIQUE (workspace_id, level, kind, external_id)
);

-- Lease times are epoch milliseconds so the "expired" comparison is numeric.
CREATE TABLE leases (
  key      TEXT PRIMARY KEY,
  holder   TEXT NOT NULL,
  until_ms INTEGER NOT NULL
);
`,
  },
  {
    version: 2,
    description: 'feeds.read_notes: how the last read went (malformed XML recovered, full articles not fetched)',
    sql: `ALTER TABLE feeds ADD COLUMN read_notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(read_notes));`,
  },
  {
    version: 3,
    description: 'deliveries.claimed_by: which process claimed a pending delivery, for crash recovery',
    sql: `
ALTER TABLE deliveries ADD COLUMN claimed_by TEXT;
CREATE INDEX deliveries_pending ON deliveries(created_at) WHERE status = 'pending';
`,
  },
  {
    version: 4,
    description: 'dashboard sign-in: single-use links and browser sessions, stored by the hash of their secret',
    sql: `
CREATE TABLE dashboard_links (
  token_hash     TEXT PRIMARY KEY,
  workspace_id   INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id        TEXT NOT NULL,
  user_name      TEXT,
  platform_level TEXT NOT NULL CHECK (platform_level IN ('member', 'moderator', 'admin')),
  role_ids       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(role_ids)),
  expires_ms     INTEGER NOT NULL,
  used_ms        INTEGER
);
CREATE TABLE dashboard_sessions (
  id_hash      TEXT PRIMARY KEY,
  workspace_id INTEGER NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
  user_id      TEXT NOT NULL,
  user_name    TEXT,
  level        TEXT NOT NULL CHECK (level IN ('moderator', 'admin')),
  csrf         TEXT NOT NULL,
  created_ms   INTEGER NOT NULL,
  last_seen_ms INTEGER NOT NULL
);
CREATE INDEX articles_feed ON articles(feed_id, created_at);
`,
  },
  {
    version: 5,
    // Kept in step with PostgreSQL's version 5. SQLite means one process, whose in-memory
    // replay guard suffices; the table stays empty unless a later build uses it.
    description: 'seen_requests: signed request ids (used by the PostgreSQL store; SQLite guards in memory)',
    sql: `
CREATE TABLE seen_requests (
  id         TEXT PRIMARY KEY,
  expires_ms INTEGER NOT NULL
);
`,
  },
];

/** The newest schema version this build knows. */
export const LATEST_SCHEMA_VERSION: number = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
