import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/core/analyse/entities.js';
import { annotate } from '../../../src/core/nlp/annotate.js';
import { articleFromParagraphs } from '../../helpers/article-from-text.js';

const run = (paragraphs: string[][] | string[]) => extractEntities(annotate(articleFromParagraphs(paragraphs)));

describe('people', () => {
  it('reads "said NAME, role of ORG" and expands the organisation', () => {
    const e = run([
      'Acme Corp. said it would open a plant.',
      '“We are ready,” said Maria Lopez, chief executive of Acme Corp.',
    ]);
    const p = e.people.find((x) => x.name === 'Maria Lopez');
    expect(p?.role).toBe('chief executive of Acme Corp');
    expect(p?.organization).toBe('Acme Corp.');
    expect(e.quotes[0]).toMatchObject({ speaker: 'Maria Lopez', text: 'We are ready.', sentence: 1 });
  });

  it('reads a role written before the name, in a clause or as a title', () => {
    const e = run([
      'The minister of health, John Smith, said hospitals were full.',
      'Party chief Li Wei visited the port on Tuesday.',
    ]);
    expect(e.people.map((p) => [p.name, p.role])).toEqual([
      ['John Smith', 'minister of health'],
      ['Li Wei', 'Party chief'],
    ]);
  });

  it('ties surnames and pronouns back to the person', () => {
    const e = run([
      'Jane Porter, director of the Ocean Research Institute (ORI), said the survey starts in May.',
      'Porter — who leads the survey team — said funding was secured.',
      'She added that the ship was ready.',
      'The agency said the report was due in June.',
    ]);
    const p = e.people[0]!;
    expect(p.name).toBe('Jane Porter');
    expect(p.aliases).toContain('Porter');
    expect(p.mentions).toEqual([0, 1, 2]);
    expect(p.roleExpanded).toBe('director of the Ocean Research Institute (ORI)');
    expect(e.organizations.find((o) => o.acronym === 'ORI')?.name).toBe('Ocean Research Institute');
  });

  it('sets a role from a dashed appositive after a surname when none is known', () => {
    const e = run(['Talks began, according to Tom Reyes.', 'Reyes — who leads the agency — said talks would go on.']);
    expect(e.people[0]).toMatchObject({ name: 'Tom Reyes', role: 'leads the agency', mentions: [0, 1] });
  });

  it('merges one person named two ways but keeps different people with one surname apart', () => {
    const e = run([
      'Regional Director Kate Mills opened the site.',
      '“It is a good day,” said Katherine Mills, regional director of the Water Board.',
      'Pat Mills, a spokesperson for the union, said workers were consulted.',
    ]);
    const names = e.people.map((p) => p.name);
    expect(names).toEqual(['Katherine Mills', 'Pat Mills']);
    expect(e.people[0]!.aliases).toContain('Kate Mills');
  });

  it('does not take missions, facilities, rovers, credit lines or weekdays for people', () => {
    const e = run([
      'The Mars Sample Return program was reviewed on Monday.',
      'Engineers at Johnson Space Center tested the Rosalind Franklin rover.',
      'The Edwin Hubble telescope took the image. Credits: ESA/Damien Dos Santos',
    ]);
    expect(e.people).toEqual([]);
    expect(e.organizations.map((o) => o.name)).toContain('Johnson Space Center');
  });
});

describe('people in other wire styles', () => {
  it('reads title chains, honorifics, ages and lists of appositives', () => {
    const e = run([
      [
        'WASHINGTON, March 3 (Reuters) - U.S. Secretary of State Antony Blinken told reporters that talks would resume.',
      ],
      [
        'Apple Inc. Chief Executive Tim Cook said the company would invest in Texas.',
        'John Smith, 45, said he had lived in Austin for a decade.',
      ],
      [
        'Prime Minister Narendra Modi met Dr. Jane Goodall in New Delhi.',
        'Goodall, a primatologist, praised the plan.',
      ],
      ['Karl Berg, director of the Alpine Institute, and Eva Lind, a geologist, visited the site.'],
    ]);
    expect(e.people.map((p) => [p.name, p.role])).toEqual([
      ['Antony Blinken', 'U.S. Secretary of State'],
      ['Tim Cook', 'Apple Inc. Chief Executive'],
      ['John Smith', null],
      ['Narendra Modi', 'Prime Minister'],
      ['Jane Goodall', 'primatologist'],
      ['Karl Berg', 'director of the Alpine Institute'],
      ['Eva Lind', 'geologist'],
    ]);
    expect(e.people.find((p) => p.name === 'Tim Cook')?.organization).toBe('Apple Inc.');
    expect(e.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Washington', 'Texas', 'Austin', 'New Delhi']));
  });

  it('accepts a name without a role when its surname is later a speaker', () => {
    const e = run(['Elon Musk bought the platform in 2022.', 'Musk said the deal closed on time.']);
    expect(e.people[0]).toMatchObject({ name: 'Elon Musk', role: null, aliases: ['Musk'], mentions: [0, 1] });
  });

  it('attributes “...,” he said and a quote continued with "adding that"', () => {
    const e = run([
      ['Antony Blinken, the secretary of state, spoke in Paris.'],
      ['“We are not there yet,” he said, adding that “there is still a lot of work to do.”'],
    ]);
    expect(e.quotes.map((q) => [q.speaker, q.text])).toEqual([
      ['Antony Blinken', 'We are not there yet.'],
      ['Antony Blinken', 'there is still a lot of work to do.'],
    ]);
  });

  it('does not tie a pronoun inside a quote to the speaker', () => {
    const e = run([
      'Mary Jones, a coach at the club, said the team was ready.',
      '“He will start on Sunday,” the coach said.',
    ]);
    expect(e.people[0]!.mentions).toEqual([0]);
  });
});

describe('organizations and places', () => {
  it('links acronyms defined either way round and counts their mentions', () => {
    const e = run([
      'NASA and ESA (European Space Agency) signed a deal.',
      'ESA will build the lander.',
      'The Northern Power Authority (NPA) objected.',
    ]);
    expect(e.organizations.find((o) => o.acronym === 'ESA')).toMatchObject({
      name: 'European Space Agency',
      mentions: [0, 1],
    });
    expect(e.organizations.find((o) => o.acronym === 'NPA')?.name).toBe('Northern Power Authority');
  });

  it('finds gazetteer and cued places', () => {
    const e = run(['The talks in Lagos ended.', 'Officials from Nigeria met in Abeokuta, capital of Ogun State.']);
    expect(e.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Lagos', 'Nigeria', 'Abeokuta', 'Ogun State']));
  });
});

describe('quotes', () => {
  it('joins a quote spanning sentences and its follow-on, and attributes "X said: “...”"', () => {
    const e = run([
      ['Ana Silva, head of the Port Authority, spoke on Friday.'],
      ['“The harbour is open.', 'Ships can dock again,” Silva said.', '“We expect a busy summer.”'],
      ['Silva said: “Nothing will stop us now, not even the storms.”'],
    ]);
    expect(e.quotes).toEqual([
      {
        speaker: 'Ana Silva',
        // The attribution between the parts is shown as an ellipsis, never glued (issue 9).
        text: 'The harbour is open. Ships can dock again. … We expect a busy summer.',
        sentence: 1,
        sentences: [1, 2, 3],
        attributionSentence: 2,
      },
      {
        speaker: 'Ana Silva',
        text: 'Nothing will stop us now, not even the storms.',
        sentence: 4,
        sentences: [4],
        attributionSentence: 4,
      },
    ]);
  });

  it('skips scare quotes and theme titles', () => {
    const e = run([
      'The forum focuses on the theme of “building of a new space exploration partnership”.',
      'Critics called it a “stunt”.',
    ]);
    expect(e.quotes).toEqual([]);
  });
});
