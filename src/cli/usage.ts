/** What `herald --help` prints, and each subcommand's one-line usage (also shown in errors). */

export const USAGE = `Usage: herald <command> [options]

Commands:
  start [--as member|moderator|admin] [--article FILE|URL]
      [--workspace W] [--channel C] [--user U]
        Chat platforms when tokens are configured; otherwise the interactive shell on the
        sample article (one command a line when stdin is not a terminal).
  run "<command line>" [--article FILE|URL] [--json] [--as LEVEL]
      [--workspace W] [--channel C] [--user U]
        Answer one command and exit, e.g. herald run "/who-is hedman". State (feeds,
        schedules, settings) persists in HERALD_DATA_DIR between runs.
  poll --once [--all]
        Fetch every due feed once (--all: every feed, due or not), post new items to the
        channels whose feeds post live (shell channels print here), and print a summary.
  register discord [--guild ID] [--dry-run] [--clear]
        Register the slash commands with Discord (needs DISCORD_TOKEN, DISCORD_APPLICATION_ID);
        --clear removes them from that server (--guild) or globally.
  manifest discord [--guild ID]
        Print the Discord registration payload, offline (no token needed).
  manifest slack [--socket-mode] [--url https://your.host] [--name Herald]
        Print a Slack app manifest generated from the command declarations.
  migrate [--check] [--from sqlite:FILE]
        Bring the database to this version's schema (PostgreSQL: run before starting a new
        version). --check only reports; --from copies a SQLite install into DATABASE_URL.
  dashboard [--workspace W] [--platform shell|discord|slack] [--as moderator|admin] [--serve]
        Print a single-use sign-in link to the web dashboard (as /dashboard does); --serve
        also runs Herald with its HTTP server until Ctrl-C.
  feeds check <file-or-url>... [--json]
        Read each feed the way the poller does (a folder: every file in it; an OPML export:
        the feeds it lists) and say whether Herald can follow it.
  doctor [--url https://your.host] [--json]
        Check the set-up against Discord and Slack (tokens, mode, scopes, public URL and
        its certificate, Herald's access to each channel with a schedule) and say what to fix.
  analyze <file-or-url> [--json]
        Print what the analysis finds (people, organisations, lists, quotes, numbers).
  digest [--article FILE|URL] [--format text|json] [--workspace W] [--channel C]
        Print the article as a digest.
  help, --help     This text.
  --version        Herald's version.`;

/** One-line usages, shown when a subcommand is given the wrong arguments. */
export const USAGES: Record<string, string> = {
  start: 'herald start [--as member|moderator|admin] [--article FILE|URL] [--workspace W] [--channel C] [--user U]',
  run: 'herald run "<command line>" [--article FILE|URL] [--json] [--as LEVEL] [--workspace W] [--channel C] [--user U]',
  poll: 'herald poll --once [--all]',
  analyze: 'herald analyze <file-or-url> [--json]',
  digest: 'herald digest [--article FILE|URL] [--format text|json] [--workspace W] [--channel C]',
};
