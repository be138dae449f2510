/** Who speaks a quote, and roles in longer appositions, in French, German and Spanish: sentences written for the test. */
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
/** A quote of one or two words is shown in its clause ("se dit « très confiant »"): found by its words. */
const speakerOf = (f: ArticleFacts, text: string) =>
  (f.quotes.find((q) => q.text === text) ?? f.quotes.find((q) => q.text.includes(text)))?.speaker;

describe('Spanish speakers', () => {
  const f = facts(
    'El alcalde de Soria, Tomás Herrero, afirmó hoy que si el consejero de Hacienda, Julián Prado, "mantiene los recortes", la ciudad "perderá su hospital". La portavoz vecinal, Marta Olmedo, pidió calma. El alcalde aseguró que "no habrá cierres este año". "Lo defenderemos - añadió -, pase lo que pase".\n',
  );
  it('gives a quote after "afirmó que" to the sentence subject, not the name nearest the quote', () => {
    expect(speakerOf(f, 'mantiene los recortes')).toBe('Tomás Herrero');
    expect(speakerOf(f, 'perderá su hospital')).toBe('Tomás Herrero');
  });
  it('gives a quote to the person whose role opens the sentence ("El alcalde aseguró")', () => {
    expect(speakerOf(f, 'no habrá cierres este año')).toBe('Tomás Herrero');
  });
  it('carries the speaker over to a quote with "– añadió –" and no name', () => {
    expect(f.quotes.find((q) => q.text.startsWith('Lo defenderemos'))?.speaker).toBe('Tomás Herrero');
  });
});

describe('Spanish roles in longer appositions', () => {
  const f = facts(
    'El primer ministro portugués, el liberal Marc Dubois, visitó la feria. La consejera andaluza de Obras Públicas y Transportes, Rosa Villar, habló después. Según la responsable de la Agencia de Turismo (AAT), Inés Cortés, la temporada fue buena. También acudió el ex primer ministro conservador Luis Ferrer.\n',
  );
  it('reads a role before a second apposition with its article ("…, el liberal Marc Dubois")', () => {
    expect(person(f, 'Marc Dubois')?.role).toBe('primer ministro portugués');
  });
  it('keeps "y" between capitalised words and an acronym in brackets inside the role', () => {
    expect(person(f, 'Rosa Villar')?.role).toBe('consejera andaluza de Obras Públicas y Transportes');
    expect(person(f, 'Inés Cortés')?.role).toBe('responsable de la Agencia de Turismo (AAT)');
  });
  it('reads an adjective in -or after the role noun', () => {
    expect(person(f, 'Luis Ferrer')?.role).toBe('ex primer ministro conservador');
  });
});

describe('French speakers and single names', () => {
  const f = facts(
    'Bruxelles rassurée\n\nDurand, le président de la Commission européenne, se dit « très confiant ». Le quotidien « Le Matin » le cite. Le ministre des Finances, Paul Leroy, a répondu. « Nous verrons bien », a déclaré le ministre.\n',
  );
  it('reads a single name with its role in apposition after it, with an article', () => {
    expect(person(f, 'Durand')?.role).toBe('président de la Commission européenne');
  });
  it('gives a partial quote to the subject named first', () => expect(speakerOf(f, 'très confiant')).toBe('Durand'));
  it('takes a quoted title ("Le Matin") for no quote', () =>
    expect(f.quotes.map((q) => q.text)).not.toContain('Le Matin'));
  it('gives a quote to the person whose role follows the speech verb ("a déclaré le ministre")', () => {
    expect(speakerOf(f, 'Nous verrons bien')).toBe('Paul Leroy');
  });
});

describe('German names and speakers', () => {
  const f = facts(
    'Rücktritt in Berlin\n\nÜber Twitter hat Parteichef Karl Winter den Rücktritt der Sprecherin Anna Brandt bekanntgegeben. Winter schrieb: „Wir danken ihr für alles.“ „Es war eine gute Zeit“, schrieb die Sprecherin an ihre Kollegen.\n',
  );
  it('ends a name before an article: "Karl Winter den Rücktritt" is a name and an object', () => {
    expect(person(f, 'Karl Winter')?.role).toBe('Parteichef');
    expect(f.people.map((p) => p.name)).not.toContain('Karl Winter den Rücktritt');
  });
  it('gives a quote to the name before "schrieb:"', () =>
    expect(speakerOf(f, 'Wir danken ihr für alles.')).toBe('Karl Winter'));
  it('gives a quote to the role after the speech verb ("schrieb die Sprecherin")', () => {
    expect(speakerOf(f, 'Es war eine gute Zeit')).toBe('Anna Brandt');
  });
});
