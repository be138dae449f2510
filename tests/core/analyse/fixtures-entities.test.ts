import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/core/analyse/entities.js';
import { ingestDocument } from '../../../src/core/ingest/index.js';
import { annotate } from '../../../src/core/nlp/annotate.js';
import { articleFromParagraphs } from '../../helpers/article-from-text.js';

const DIR = join(import.meta.dirname, '../../fixtures/articles');

function load(file: string) {
  const path = join(DIR, file);
  const result = ingestDocument({ content: readFileSync(path, 'utf8'), path });
  if (!result.ok) throw new Error(result.error.message);
  const doc = annotate(result.value);
  const idOf = (start: string): number => {
    const s = result.value.sentences.find((x) => x.text.startsWith(start));
    if (!s) throw new Error(`no sentence starting "${start}"`);
    return s.id;
  };
  return { ...extractEntities(doc), idOf };
}

describe('xinhua space partnership', () => {
  const e = load('xinhua-space-partnership.txt');
  const person = (name: string) => e.people.find((p) => p.name === name);

  it('finds the three officials with roles, expansions and later mentions', () => {
    expect(e.people.map((p) => p.name)).toEqual(['Zhang Kejian', 'Niklas Hedman', 'Shen Xiaoming']);
    expect(person('Niklas Hedman')).toMatchObject({
      role: 'acting director of UNOOSA',
      roleExpanded: 'acting director of United Nations Office for Outer Space Affairs (UNOOSA)',
      organization: 'United Nations Office for Outer Space Affairs',
      aliases: ['Hedman'],
    });
    expect(person('Niklas Hedman')!.mentions).toContain(e.idOf('“In the complex field'));
    expect(person('Zhang Kejian')).toMatchObject({
      role: 'head of CNSA',
      organization: 'China National Space Administration',
      aliases: ['Zhang'],
    });
    expect(person('Zhang Kejian')!.mentions).toEqual([e.idOf('Zhang Kejian'), e.idOf('Zhang said')]);
    expect(person('Shen Xiaoming')).toMatchObject({ role: 'Party chief of Hainan', aliases: ['Shen'] });
    expect(person('Shen Xiaoming')!.mentions).toEqual([
      e.idOf('Shen Xiaoming'),
      e.idOf('Shen noted'),
      e.idOf('According to Shen'),
    ]);
  });

  it('links the defined acronyms and finds the places', () => {
    expect(e.organizations.find((o) => o.acronym === 'CNSA')?.name).toBe('China National Space Administration');
    expect(e.organizations.find((o) => o.acronym === 'UNOOSA')?.mentions).toContain(e.idOf('Niklas Hedman'));
    expect(e.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Haikou', 'Hainan', 'China']));
  });

  it('attributes the two-sentence quote to Hedman and skips the theme title', () => {
    expect(e.quotes).toHaveLength(1);
    expect(e.quotes[0]).toMatchObject({
      speaker: 'Niklas Hedman',
      sentences: [e.idOf('“In the complex'), e.idOf('“Working together')],
    });
  });
});

describe('NASA releases', () => {
  it('Rosalind Franklin: Nicola Fox and her quote; no credit-line people', () => {
    const e = load('nasa_esa_rosalind_franklin.md');
    expect(e.people.map((p) => p.name)).toEqual(['Nicola Fox']);
    expect(e.people[0]!.role).toBe(
      'associate administrator, Science Mission Directorate at NASA Headquarters in Washington',
    );
    expect(e.organizations.find((o) => o.acronym === 'ESA')?.name).toBe('European Space Agency');
    expect(e.organizations.find((o) => o.acronym === 'CNES')?.name).toBe('Centre National d’Etudes Spatiales');
    expect(e.quotes.map((q) => q.speaker)).toEqual(['Nicola Fox']);
    expect(e.quotes[0]!.sentences).toHaveLength(2);
  });

  it('merges "Nicky Fox" from a caption that slipped through with "Nicola Fox"', () => {
    const caption =
      'NASA’s Associate Administrator for the Science Mission Directorate Nicky Fox and ESA’s Director of Human and Robotic Exploration Daniel Neuenschwander sign an agreement at ESA’s headquarters in Paris, France on May 16, 2024. Credits: ESA/Damien Dos Santos';
    const body =
      '“NASA supports the mission,” said Nicola Fox, associate administrator, Science Mission Directorate at NASA Headquarters in Washington.';
    const e = extractEntities(annotate(articleFromParagraphs([caption, body])));
    expect(e.people.map((p) => p.name)).toEqual(['Nicola Fox', 'Daniel Neuenschwander']);
    expect(e.people[0]!.aliases).toEqual(['Nicky Fox']);
    expect(e.people[1]!.role).toBe('ESA’s Director of Human and Robotic Exploration');
  });

  it('lunar terrain vehicle: Wyche and Bleacher with their quotes', () => {
    const e = load('nasa_lunar_terrain_vehicle.md');
    expect(e.people.map((p) => [p.name, p.role])).toEqual([
      ['Vanessa Wyche', 'director of NASA’s Johnson Space Center in Houston'],
      [
        'Jacob Bleacher',
        'chief exploration scientist in the Exploration Systems Development Mission Directorate at NASA Headquarters in Washington',
      ],
    ]);
    expect(e.quotes.map((q) => q.speaker)).toEqual(['Vanessa Wyche', 'Jacob Bleacher']);
    expect(e.places.map((p) => p.name)).toEqual(expect.arrayContaining(['Houston', 'Washington']));
  });

  it('Mars Sample Return: Nelson by title, his split quote, and Nicky Fox', () => {
    const e = load('nasa_mars_sample_return.md');
    expect(e.people.map((p) => [p.name, p.role])).toEqual([
      ['Bill Nelson', 'NASA Administrator'],
      ['Nicky Fox', 'associate administrator, Science Mission Directorate, at NASA Headquarters in Washington'],
    ]);
    expect(e.people.some((p) => /Mars|Sample/.test(p.name))).toBe(false);
    const nelson = e.quotes.find((q) => q.speaker === 'Bill Nelson')!;
    expect(nelson.sentences).toEqual([
      e.idOf('“Mars Sample Return'),
      e.idOf('The bottom line'),
      e.idOf('“Safely landing'),
      e.idOf('We need to look'),
    ]);
    expect(nelson.attributionSentence).toBe(e.idOf('The bottom line'));
    expect(e.quotes.map((q) => q.speaker)).toEqual(['Bill Nelson', 'Nicky Fox']);
  });
});
