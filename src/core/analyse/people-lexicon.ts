/**
 * Small closed word lists that decide whether a capitalised run is a person. They describe
 * how news prose introduces people (titles, speech verbs), never any particular article.
 */

/** Words that head a job title: "acting director of ...", "Acme Chief Executive ...". Lower case. */
export const TITLE_WORDS: ReadonlySet<string> = new Set([
  'director', 'head', 'chief', 'administrator', 'minister', 'president', 'vice', 'secretary',
  'spokesperson', 'spokesman', 'spokeswoman', 'ceo', 'cfo', 'cto', 'coo', 'founder', 'co-founder',
  'chairman', 'chairwoman', 'chair', 'chairperson', 'manager', 'scientist', 'engineer', 'professor',
  'researcher', 'analyst', 'economist', 'officer', 'executive', 'leader', 'governor', 'mayor',
  'senator', 'sen.', 'rep.', 'representative', 'ambassador', 'commissioner', 'general', 'commander',
  'deputy', 'lead', 'investigator', 'astronaut', 'editor', 'adviser', 'advisor', 'coordinator',
  'lawyer', 'attorney', 'judge', 'premier', 'king', 'queen', 'prince', 'princess', 'pope', 'envoy',
  'official', 'strategist', 'dean', 'chancellor', 'inspector', 'captain', 'colonel', 'lieutenant',
  'sergeant', 'coach', 'treasurer', 'councillor', 'councilor', 'lawmaker', 'legislator', 'diplomat',
  'expert', 'specialist', 'physicist', 'chemist', 'biologist', 'geologist', 'astronomer',
  'dr.', 'prof.', 'mr.', 'mrs.', 'ms.', 'superintendent', 'principal', 'partner', 'curator',
  'historian', 'author', 'founder', 'owner', 'member', 'chemist', 'correspondent', 'reporter',
  'prosecutor', 'sheriff', 'marshal', 'admiral', 'presidente', 'mp', 'mep', 'emir', 'sheikh',
  'cardinal', 'bishop', 'rabbi', 'imam', 'pastor', 'chef', 'architect', 'designer', 'producer',
  'speaker', 'blogger', 'journalist', 'activist', 'writer', 'novelist', 'poet', 'widow', 'widower',
  'student', 'teacher', 'doctor', 'nurse', 'farmer', 'resident', 'witness', 'victim', 'cosmonaut', 'taikonaut', 'participant', 'pilot', 'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'gov.', 'lt.', 'gen.', 'col.', 'sgt.', 'capt.', 'del.', 'atty.',
]);

/** Verbs (and the preposition of "according to") that attribute speech. Lower case. */
export const SPEECH_WORDS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'added', 'adds', 'noted', 'notes', 'told', 'tells', 'explained', 'explains',
  'stated', 'states', 'asked', 'asks', 'continued', 'remarked', 'wrote', 'writes', 'commented',
  'emphasized', 'emphasised', 'stressed', 'insisted', 'argued', 'argues', 'warned', 'warns',
  'announced', 'shared', 'declared', 'replied', 'acknowledged', 'observed', 'according', 'recalled',
  'pointed', 'urged', 'adding', 'saying', 'telling', 'noting', 'explaining', 'predicted', 'cautioned', 'concluded', 'agreed', 'believes', 'thinks',
]);

/** Pronouns that point back to a person, with the gender they imply. */
export const PERSON_PRONOUNS: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ['he', 'm'], ['him', 'm'], ['his', 'm'], ['himself', 'm'],
  ['she', 'f'], ['her', 'f'], ['hers', 'f'], ['herself', 'f'],
]);

/** Calendar words are capitalised but never names. */
export const CALENDAR_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.',
  'sep.', 'sept.', 'oct.', 'nov.', 'dec.', 'today', 'yesterday', 'tomorrow',
]);

/**
 * Nouns that, right after a capitalised run, show it names a thing named after someone:
 * "the Marie Curie probe", "the Edwin Hubble telescope".
 */
export const THING_NOUNS: ReadonlySet<string> = new Set([
  'rover', 'mission', 'missions', 'probe', 'spacecraft', 'program', 'programme', 'telescope',
  'campaign', 'station', 'vehicle', 'rocket', 'satellite', 'lander', 'orbiter', 'ship', 'award',
  'prize', 'building', 'airport', 'street', 'road', 'avenue', 'hospital', 'school',
  'college', 'stadium', 'lecture', 'medal', 'fellowship', 'scholarship', 'foundation',
  'memorial', 'museum', 'trust', 'act', 'project', 'module', 'capsule', 'instrument',
  'crater', 'island', 'glacier', 'report', 'doctrine', 'effect', 'syndrome', 'disease', 'theorem',
]);

/** Words never part of a personal name even when capitalised (credit lines, headings). */
export const NON_NAME_WORDS: ReadonlySet<string> = new Set([
  'credit', 'credits', 'photo', 'image', 'images', 'video', 'file', 'source', 'handout', 'courtesy',
  'the', 'a', 'an', 'and', 'or', 'of', 'for', 'in', 'on', 'at', 'to', 'by', 'with', 'from',
  'mars', 'moon', 'earth', 'sun', 'venus', 'jupiter', 'saturn', 'mercury', 'neptune', 'uranus', 'pluto',
  'god', 'internet', 'web', 'north', 'south', 'east', 'west', 'new', 'old', 'great', 'national',
  'international', 'global', 'united', 'federal', 'royal', 'central', 'space', 'science',
]);

/** Particles allowed inside a name: "Ludwig van Beethoven", "Ursula von der Leyen". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'der', 'de', 'da', 'del', 'di', 'bin', 'al', 'la', 'le', 'du', 'dos', 'das']);
