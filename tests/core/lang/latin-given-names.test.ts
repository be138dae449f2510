/** Given names as evidence of a person in French, German and Spanish: sentences written for the test. */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../../src/core/ingest/index.js';
import { analyse } from '../../../src/core/analyse/index.js';
import type { ArticleFacts } from '../../../src/core/facts/types.js';
import { isGivenName } from '../../../src/core/lang/latin/given-names.js';

function facts(text: string): ArticleFacts {
  const a = ingestText(text);
  if (!a.ok) throw new Error(a.error.message);
  return analyse(a.value);
}
const names = (f: ArticleFacts) => f.people.map((p) => p.name);

describe('the given-name list', () => {
  it('knows given names of many countries, and hyphenated ones part by part', () => {
    for (const n of ['Theresa', 'Agnès', 'Wolfgang', 'Pilar', 'Jean-Luc']) expect(isGivenName(n)).toBe(true);
  });
  it('leaves out places, titles and months that name lists carry', () => {
    for (const n of ['Paris', 'King', 'May', 'Ministerium', 'Gobierno']) expect(isGivenName(n)).toBe(false);
  });
});

describe('German: a given name is evidence where capitals are not', () => {
  const f = facts(
    'Neue Regierung in Wien vereidigt\n\nKarin Albrecht hatte am Vormittag mit den Parteien verhandelt. Die Grüne Partei stimmte dem Vertrag am Abend zu, und Albrecht reiste danach ab. Der Vertrag über die Zusammenarbeit soll im Herbst gelten. Karin Albrechts Kabinett tritt am Montag zusammen.\n',
  );
  it('reads a person named with no role or speech verb beside her', () => expect(names(f)).toContain('Karin Albrecht'));
  it('takes no capitalised noun phrase for a person, nor a known name followed by a noun', () => {
    expect(names(f)).not.toContain('Grüne Partei');
    expect(names(f).filter((n) => n.startsWith('Karin'))).toEqual(['Karin Albrecht']);
  });
});

describe('French and Spanish: a given name without a role', () => {
  it('reads "Hélène Marchal" in French', () => {
    const f = facts(
      'Le budget adopté\n\nHélène Marchal a présenté mardi le budget de la ville devant le conseil municipal. Le texte prévoit une baisse des dépenses de fonctionnement et une hausse des investissements.\n',
    );
    expect(names(f)).toContain('Hélène Marchal');
  });
  it('reads "Rosario Vega" in Spanish, and no place written with a particle', () => {
    const f = facts(
      'Rosario Vega presentó ayer en Toledo el nuevo plan de carreteras de la comunidad. El proyecto incluye la mejora de la Vía de la Plata y de varios caminos rurales de la provincia.\n',
    );
    expect(names(f)).toContain('Rosario Vega');
    expect(names(f).some((n) => n.includes('Plata'))).toBe(false);
  });
});

describe('names written short and roles after a fronted phrase', () => {
  const f = facts(
    'Cambios en la radio pública\n\nDurante la reunión del consejo, la directora Lucía Ferrer Soto anunció su marcha. Lucía Ferrer dejará el cargo en junio, según fuentes de la empresa.\n',
  );
  it('takes "Lucía Ferrer" after "Lucía Ferrer Soto" for the same person', () =>
    expect(names(f).filter((n) => n.startsWith('Lucía'))).toEqual(['Lucía Ferrer Soto']));
  it('reads a role after a fronted phrase closed by a comma ("…, la directora Lucía Ferrer Soto")', () =>
    expect(f.people.find((p) => p.name === 'Lucía Ferrer Soto')?.role).toBe('directora'));
});
