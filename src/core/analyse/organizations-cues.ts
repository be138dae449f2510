/**
 * Words that mark a capitalised run as an organisation's name. Lower case. Generic to
 * institutional prose; they do not name any particular organisation.
 */
export const ORG_CUE_WORDS: ReadonlySet<string> = new Set([
  'agency', 'administration', 'office', 'center', 'centre', 'department', 'government', 'university',
  'ministry', 'inc', 'inc.', 'corp', 'corp.', 'corporation', 'council', 'committee', 'commission',
  'institute', 'institution', 'bank', 'association', 'foundation', 'company', 'co.', 'ltd', 'ltd.',
  'llc', 'plc', 'group', 'directorate', 'bureau', 'board', 'authority', 'service', 'services',
  'organization', 'organisation', 'union', 'federation', 'laboratory', 'laboratories', 'lab', 'labs',
  'society', 'academy', 'court', 'parliament', 'congress', 'senate', 'assembly', 'party', 'army',
  'navy', 'force', 'police', 'school', 'college', 'hospital', 'museum', 'fund', 'trust', 'network',
  'systems', 'technologies', 'industries', 'holdings', 'partners', 'airlines', 'motors', 'media',
  'press', 'news', 'times', 'post', 'journal', 'nations', 'alliance', 'coalition', 'consortium',
  'house', 'gmbh', 'ag', 'sa', 's.a.', 'nv', 'observatory', 'secretariat', 'cabinet',
]);

/** Lower-case words before an acronym that say it names an organisation: "the French space agency CNES". */
export const ORG_HINT_WORDS: ReadonlySet<string> = new Set([
  'agency', 'company', 'firm', 'organization', 'organisation', 'group', 'institute', 'startup',
  'regulator', 'ministry', 'operator', 'maker', 'manufacturer', 'network', 'broadcaster', 'union',
]);

/** All-caps tokens that are common abbreviations, not organisations. */
export const NON_ORG_ACRONYMS: ReadonlySet<string> = new Set([
  'CEO', 'CFO', 'CTO', 'COO', 'GDP', 'USD', 'EUR', 'GMT', 'UTC', 'EST', 'EDT', 'PST', 'PDT', 'AM', 'PM',
  'TV', 'PC', 'AI', 'IT', 'OK', 'PDF', 'FAQ', 'URL', 'HTML', 'USB', 'DNA', 'RNA', 'COVID', 'HIV',
  'AIDS', 'NOTE', 'UPDATE', 'CORRECTION', 'PHOTO', 'VIDEO', 'MORE', 'END', 'FILE',
]);
