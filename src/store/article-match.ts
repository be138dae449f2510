/** The one switch over `ArticleMatch`, shared by the SQLite and PostgreSQL stores. */
import type { ArticleMatch } from '../core/store/repositories.js';

/** The kind of match and the value it compares, for the prepared statement of that kind. */
export function matchOf(match: ArticleMatch): ['id' | 'idPrefix' | 'linkOrGuid', string] {
  if ('id' in match) return ['id', match.id];
  if ('idPrefix' in match) return ['idPrefix', match.idPrefix];
  return ['linkOrGuid', match.linkOrGuid];
}
