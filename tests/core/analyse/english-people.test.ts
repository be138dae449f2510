/**
 * English patterns for people and roles (issue 9). Every sentence here is written for the
 * test; none is copied from the evaluation set.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/core/analyse/entities.js';
import { isPersonNounEn, isRoleHeadEn, singularEn } from '../../../src/core/analyse/person-nouns-en.js';
import { TITLE_WORDS } from '../../../src/core/analyse/people-title-words-en.js';
import { annotate, annotateSentence } from '../../../src/core/nlp/annotate.js';
import { articleFromParagraphs } from '../../helpers/article-from-text.js';

const run = (paragraphs: string[][] | string[]) => extractEntities(annotate(articleFromParagraphs(paragraphs)));
const roles = (paragraphs: string[][] | string[]) => run(paragraphs).people.map((p) => [p.name, p.role]);

describe('person nouns from WordNet', () => {
  it('knows lower-case nouns for kinds of people, their plurals, and hyphenated compounds', () => {
    for (const w of ['goalkeeper', 'campaigner', 'barrister', 'tourists', 'deputies', 'team-mate', 'glaciologist'])
      expect(isPersonNounEn(w), w).toBe(true);
    for (const w of ['pipeline', 'company', 'party', 'rainfall']) expect(isPersonNounEn(w), w).toBe(false);
    expect(singularEn('policemen')).toBe('policeman');
  });

  it('lets a capitalised word head a role only when it is a title or a role acronym', () => {
    expect(isRoleHeadEn('MP', TITLE_WORDS)).toBe(true);
    expect(isRoleHeadEn('Director-General', TITLE_WORDS)).toBe(true);
    // "Baker" and "Hunter" are surnames when capitalised.
    expect(isRoleHeadEn('Baker', TITLE_WORDS)).toBe(false);
    expect(isRoleHeadEn('baker', TITLE_WORDS)).toBe(true);
  });
});

describe('role noun phrase before the name', () => {
  it('keeps lower-case modifiers and the owner of a role: nationality, organisation, field', () => {
    expect(
      roles([
        'Norwegian fisheries minister Ola Brekke opened the harbour.',
        'City council budget analyst Priya Raman disagreed.',
        'The report cites Hanford College marine biology lecturer Tom Ashby.',
      ]),
    ).toEqual([
      ['Ola Brekke', 'Norwegian fisheries minister'],
      ['Priya Raman', 'City council budget analyst'],
      ['Tom Ashby', 'Hanford College marine biology lecturer'],
    ]);
  });

  it('joins two modifiers with "and" inside one role', () => {
    expect(roles(['EU energy and climate commissioner Lena Vos arrived late.'])).toEqual([
      ['Lena Vos', 'EU energy and climate commissioner'],
    ]);
  });

  it('stops at a verb: what a person did is not part of the role', () => {
    expect(roles(['The league fined Rovers for insulting veteran referee Gary Holt.'])).toEqual([
      ['Gary Holt', 'veteran referee'],
    ]);
  });

  it('gives each name after a plural role the singular role', () => {
    expect(roles(['Coastguard divers Sam Pike and Ruth Dale found the wreck.'])).toEqual([
      ['Sam Pike', 'Coastguard diver'],
      ['Ruth Dale', 'Coastguard diver'],
    ]);
  });
});

describe('organisation evidence beats weak person evidence', () => {
  it('does not make a person of a phrase that is the object of a role ("director of the X Forum")', () => {
    const e = run(['Karin Olsen, deputy head of the Baltic Shipping Forum, said costs had doubled.']);
    expect(e.people.map((p) => p.name)).toEqual(['Karin Olsen']);
  });

  it('does not make a person of a name ending in an organisation head', () => {
    const e = run(['“Prices will rise,” said Munich Re.', 'Hartley Associates said the same.']);
    expect(e.people).toEqual([]);
  });

  it('does not describe a thing as a person: an appositive needs a person noun', () => {
    const e = run(['Kestrel Link, a planned cable between two islands, said nothing.']);
    expect(e.people).toEqual([]);
  });
});

describe('names wink splits', () => {
  it('joins hyphenated names and letters the tagger does not know into one token', () => {
    const toks = annotateSentence(0, 0, 'Hakan Yağcıoğlu met Anne Lise-Berg and Omar al-Rashid.').tokens.map(
      (t) => t.text,
    );
    expect(toks).toContain('Yağcıoğlu');
    expect(toks).toContain('Lise-Berg');
    expect(toks).toContain('al-Rashid');
    // a lower-case compound keeps its parts and their tags
    expect(annotateSentence(0, 0, 'A well-known case.').tokens.map((t) => t.text)).toContain('well');
  });

  it('reads a person whose surname is hyphenated', () => {
    expect(roles(['Senior nurse Carla Diaz-Moreno said the shift was long.'])).toEqual([
      ['Carla Diaz-Moreno', 'Senior nurse'],
    ]);
  });
});

describe('roles around the name', () => {
  it('reads "NAME of [the] Organisation (ACR)" as the organisation the person speaks for', () => {
    expect(
      roles([
        'Tara Quinn of the Northern Rivers Trust (NRT) said the weir would go.',
        'Felix Adeyemi of Nigeria said nothing.',
      ]),
    ).toEqual([
      ['Tara Quinn', 'of the Northern Rivers Trust (NRT)'],
      ['Felix Adeyemi', null],
    ]);
  });

  it('reads the role noun phrase right before a comma even after a longer clause', () => {
    expect(
      roles([
        'In the words of the county coroner, Alan Pike, the death was avoidable.',
        'According to the club’s trainer, Dana Kerr, the injury is minor.',
      ]),
    ).toEqual([
      ['Alan Pike', 'county coroner'],
      ['Dana Kerr', 'club’s trainer'],
    ]);
  });

  it('skips an acronym definition between a title and the name', () => {
    expect(roles(['Green Party MP (Member of Parliament) Rosa Hale spoke first.'])).toEqual([
      ['Rosa Hale', 'Green Party MP'],
    ]);
  });

  it('takes a single name after a capitalised title as the person named before', () => {
    const e = run(['Ada Okafor won the vote.', 'President Okafor said the budget would pass.']);
    expect(e.people.map((p) => [p.name, p.role])).toEqual([['Ada Okafor', 'President']]);
  });

  it('reads a month that ends a name, but not a date', () => {
    expect(roles(['Home Secretary Ellen August’s plan failed on May 16.'])).toEqual([
      ['Ellen August', 'Home Secretary'],
    ]);
  });
});

describe('named things are not people', () => {
  it('does not take a storm or an operation named like a person for one', () => {
    const e = run([
      'Relief for victims of Hurricane Doris and officials of Operation Blue Shield, Ana Ruiz said, was late.',
    ]);
    expect(e.people.map((p) => p.name)).toEqual(['Ana Ruiz']);
  });
});

describe('more role shapes', () => {
  it('shares a plural title with names that each carry "of Place"', () => {
    expect(roles(['Governors Ama Mensah of Volta and Kofi Boateng of Ashanti opened the bridge.'])).toEqual([
      ['Ama Mensah', 'governor'],
      ['Kofi Boateng', 'governor'],
    ]);
  });

  it('reads the appositive after an age: "NAME, 42, a retired plumber"', () => {
    expect(roles(['The owner was Gerald Finch, 61, a retired plumber living nearby.'])).toEqual([
      // "living nearby" says where he lives; the role ends at its head noun.
      ['Gerald Finch', 'retired plumber'],
    ]);
  });
});

describe('roles around the name (issue 9, round 6)', () => {
  it('keeps a hyphenated title whole: "agency director-general"', () => {
    expect(roles(['UNHCR director-general Mara Collins said the camps were full.'])).toEqual([
      ['Mara Collins', 'UNHCR director-general'],
    ]);
  });

  it('reads a person noun that opens the sentence as the role of the name after it', () => {
    expect(roles(['Historian Tomas Varga said the letters were genuine.'])).toEqual([['Tomas Varga', 'Historian']]);
  });

  it('keeps "to" and a place inside a role: "Ambassador to the United Kingdom"', () => {
    expect(roles(['Yesterday Kenyan Ambassador to the United Kingdom Ruth Oduya opened the fair.'])).toEqual([
      ['Ruth Oduya', 'Kenyan Ambassador to the United Kingdom'],
    ]);
  });

  it('closes an appositive at the verb after it, even after a speech verb', () => {
    expect(roles(['The ministry said Paul Brandt, the Secretary of Labour, met the unions on Friday.'])).toEqual([
      ['Paul Brandt', 'Secretary of Labour'],
    ]);
  });

  it('reads an appositive ending in a place or organisation name as a role', () => {
    expect(roles(['Rita Moss, deputy head of the Irish Water Board, said the pipes were old.'])).toEqual([
      ['Rita Moss', 'deputy head of the Irish Water Board'],
    ]);
  });

  it('keeps a role whose owner is another person: "fiancée of journalist X"', () => {
    const found = roles(['On Monday, Lena Ortiz, widow of painter Carl Ortiz, opened the show in Madrid.']);
    expect(found).toContainEqual(['Lena Ortiz', 'widow of painter Carl Ortiz']);
  });

  it('never takes a clause about what the person did for a role', () => {
    const found = roles([
      'Nadia Kern, wife of architect Omar Kern, addressed students in Leeds, Yorkshire, asking for calm.',
    ]);
    expect(found).toContainEqual(['Omar Kern', 'architect']);
  });

  it('reads "of" a body named after its kind as the organisation a speaker is of', () => {
    const found = run(['Dan Ruiz of campaign group Clean Rivers Now said, "The water is poison."']).people;
    expect(found.map((p) => [p.name, p.role])).toEqual([['Dan Ruiz', 'of campaign group Clean Rivers Now']]);
  });
});
