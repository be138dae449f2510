/**
 * A small gazetteer: countries, continents, US states and large cities. Data, not rules:
 * it lets a bare "China" or "Paris" count as a place without a cue such as "in".
 */
const COUNTRIES = `Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nauru|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Tunisia|Turkey|Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|United Kingdom|United States|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Britain|Great Britain|England|Scotland|Wales|Hong Kong|Macau|Greenland|Puerto Rico`;

const REGIONS = `Africa|Antarctica|Asia|Europe|North America|South America|Latin America|Oceania|Middle East|Arctic|Caribbean|Scandinavia|Balkans|Siberia|Pacific|Atlantic`;

const US_STATES = `Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming`;

const CITIES = `Abu Dhabi|Addis Ababa|Amsterdam|Ankara|Athens|Atlanta|Baghdad|Bangkok|Barcelona|Beijing|Beirut|Berlin|Bogota|Boston|Brasilia|Brussels|Bucharest|Budapest|Buenos Aires|Cairo|Cape Canaveral|Cape Town|Caracas|Chicago|Copenhagen|Dallas|Damascus|Delhi|Denver|Dhaka|Doha|Dubai|Dublin|Edinburgh|Frankfurt|Geneva|Guangzhou|Hanoi|Havana|Helsinki|Houston|Istanbul|Jakarta|Jerusalem|Johannesburg|Kabul|Karachi|Kyiv|Kiev|Kinshasa|Lagos|Lahore|Lima|Lisbon|London|Los Angeles|Madrid|Manila|Melbourne|Mexico City|Miami|Milan|Montreal|Moscow|Mumbai|Munich|Nairobi|New Delhi|Oslo|Ottawa|Paris|Philadelphia|Prague|Pyongyang|Rio de Janeiro|Riyadh|Rome|San Francisco|Santiago|Sao Paulo|Seattle|Seoul|Shanghai|Shenzhen|Stockholm|Sydney|Taipei|Tehran|Tel Aviv|Tokyo|Toronto|Vancouver|Vienna|Warsaw|Washington|Wellington|Wuhan|Zurich`;

const ALL = [COUNTRIES, REGIONS, US_STATES, CITIES].join('|').split('|');

/** Lower-cased gazetteer names mapped to their written form. */
export const GAZETTEER: ReadonlyMap<string, string> = new Map(ALL.map((n) => [n.toLowerCase(), n]));

/** Longest gazetteer entry in words, so run matching can bound its window. */
export const GAZETTEER_MAX_WORDS = Math.max(...ALL.map((n) => n.split(' ').length));

/** Words that, inside a capitalised run, make it a place name: "Ogun State". Lower case. */
export const PLACE_CUE_WORDS: ReadonlySet<string> = new Set([
  'province',
  'state',
  'county',
  'city',
  'island',
  'islands',
  'river',
  'mountain',
  'mountains',
  'lake',
  'bay',
  'region',
  'district',
  'republic',
  'kingdom',
  'valley',
  'peninsula',
  'prefecture',
  'municipality',
  'territory',
  'coast',
  'sea',
  'ocean',
  'gulf',
  'strait',
  'desert',
  'village',
  'town',
]);

/** Lower-case words before "of X" that make X a place: "capital of Ogun". */
export const PLACE_OF_WORDS: ReadonlySet<string> = new Set([
  'capital',
  'province',
  'city',
  'state',
  'county',
  'region',
  'island',
  'town',
  'village',
  'outskirts',
  'north',
  'south',
  'east',
  'west',
]);

/**
 * States and countries, lower-cased: the second half of a "City, State" place. Cities and
 * continents are left out so a list of states or cities ("Ohio, Indiana") is not read as one.
 */
export const STATE_OR_COUNTRY: ReadonlySet<string> = new Set([COUNTRIES, US_STATES].join('|').toLowerCase().split('|'));
