/** People, roles, quotes and lists in French, German and Spanish, on sentences written for the test. */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../../src/core/ingest/index.js';
import { analyse } from '../../../src/core/analyse/index.js';
import type { ArticleFacts } from '../../../src/core/facts/types.js';

function facts(text: string): ArticleFacts {
  const a = ingestText(text);
  if (!a.ok) throw new Error(a.error.message);
  return analyse(a.value);
}
const person = (f: ArticleFacts, name: string) => f.people.find((p) => p.name === name);

describe('German', () => {
  const f = facts(
    'Regierung stellt Klimaplan vor\n\nDie Umweltministerin Steffi Lemke hat am Montag (7. September) den Klimaplan vorgestellt. „Wir handeln jetzt“, sagte Lemke. Der frühere Botschafter in Washington, Peter Wittig, lobte den Plan. Auch der CHP-Kandidat Ekrem İmamoğlu äußerte sich. Eingeladen waren Berlin, Hamburg, München und Köln.\n\nMax Mustermann, der ehemalige Bürgermeister von Bonn, schrieb: „Das ist zu wenig.“\n',
  );
  it('is read as German', () => expect(f.language).toBe('de'));
  it('reads a compound role before a name', () => {
    expect(person(f, 'Steffi Lemke')?.role).toBe('Umweltministerin');
    expect(person(f, 'Ekrem İmamoğlu')?.role).toBe('CHP-Kandidat');
  });
  it('reads a role with its complement before a name and a comma', () => {
    expect(person(f, 'Peter Wittig')?.role).toBe('frühere Botschafter in Washington');
  });
  it('reads a role in apposition after a name', () => {
    expect(person(f, 'Max Mustermann')?.role).toBe('ehemalige Bürgermeister von Bonn');
  });
  it('takes no capitalised noun for a person', () => {
    expect(f.people.map((p) => p.name)).not.toContain('Klimaplan');
    expect(f.people.every((p) => p.name.includes(' '))).toBe(true);
  });
  it('attributes „ “ quotes by the speech verb after and before them', () => {
    expect(f.quotes.find((q) => q.text === 'Wir handeln jetzt')?.speaker).toBe('Steffi Lemke');
    expect(f.quotes.find((q) => q.text === 'Das ist zu wenig.')?.speaker).toBe('Max Mustermann');
  });
  it('reads a list closed by "und"', () => {
    expect(f.lists[0]?.items).toEqual(['Berlin', 'Hamburg', 'München', 'Köln']);
  });
});

describe('French', () => {
  const f = facts(
    'Le gouvernement présente son plan\n\nLa ministre de la Transition écologique, Agnès Pannier-Runacher, a présenté le plan lundi. « Nous agirons vite », a déclaré Pannier-Runacher. Selon le président Emmanuel Macron, « la France sera prête ». Jean Dupont, maire de Lyon, a salué le plan. Le plan couvre les transports, le logement, l’agriculture et l’industrie.\n',
  );
  it('is read as French', () => expect(f.language).toBe('fr'));
  it('reads a role with its article and complement before a name', () => {
    expect(person(f, 'Agnès Pannier-Runacher')?.role).toBe('ministre de la Transition écologique');
    expect(person(f, 'Emmanuel Macron')?.role).toBe('président');
  });
  it('reads a role in apposition', () => expect(person(f, 'Jean Dupont')?.role).toBe('maire de Lyon'));
  it('attributes « » quotes, with "a déclaré" after and "selon" before', () => {
    expect(f.quotes.find((q) => q.text === 'Nous agirons vite')?.speaker).toBe('Agnès Pannier-Runacher');
    expect(f.quotes.find((q) => q.text === 'la France sera prête')?.speaker).toBe('Emmanuel Macron');
  });
  it('reads a list closed by "et"', () => {
    expect(f.lists[0]?.items.slice(1)).toEqual(['le logement', 'l’agriculture', 'l’industrie']);
  });
});

describe('French quotes of two people who share a surname', () => {
  const f = facts(
    'Querelle de famille\n\nL’ancien dirigeant Jean-Paul Martin décrit sa fille, Claire Martin, comme « trop sage ». Le maire de Lyon, Paul Durand, avait appelé Claire Martin « la reine du château ».\n',
  );
  it('gives a quote to the full name that holds the surname, not to the other bearer', () => {
    expect(f.quotes.find((q) => q.text.includes('« trop sage »'))?.speaker).toBe('Jean-Paul Martin');
  });
  it('gives a partial quote with no speech verb to the subject named first', () => {
    expect(f.quotes.find((q) => q.text === 'la reine du château')?.speaker).toBe('Paul Durand');
  });
});

describe('Spanish', () => {
  const f = facts(
    'El presidente del Gobierno, Pedro Sánchez, dijo hoy que el plan se aprobará en marzo. «Es un día histórico», afirmó Sánchez ante los periodistas. Lucía Gómez, alcaldesa de Toledo, aseguró que "habrá más empleo". El plan incluye a Madrid, Sevilla, Valencia y Bilbao.\n',
  );
  it('reads a headline-less paragraph as Spanish', () => {
    expect(f.language).toBe('es');
    expect(f.title).toBeNull();
  });
  it('reads roles before and after names', () => {
    expect(person(f, 'Pedro Sánchez')?.role).toBe('presidente del Gobierno');
    expect(person(f, 'Lucía Gómez')?.role).toBe('alcaldesa de Toledo');
  });
  it('attributes quotes in « » and " "', () => {
    expect(f.quotes.find((q) => q.text === 'Es un día histórico')?.speaker).toBe('Pedro Sánchez');
    expect(f.quotes.find((q) => q.text === 'habrá más empleo')?.speaker).toBe('Lucía Gómez');
  });
  it('reads a list closed by "y"', () => {
    expect(f.lists[0]?.items.slice(-3)).toEqual(['Sevilla', 'Valencia', 'Bilbao']);
  });
});
