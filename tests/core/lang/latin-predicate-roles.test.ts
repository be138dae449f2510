/** Roles as the predicate of a name, after a naming participle or "comme/als/como": sentences written for the test. */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/core/analyse/index.js';
import type { ArticleFacts } from '../../../src/core/facts/types.js';
import { ingestText } from '../../../src/core/ingest/index.js';

function facts(text: string): ArticleFacts {
  const a = ingestText(text);
  if (!a.ok) throw new Error(a.error.message);
  return analyse(a.value);
}
const person = (f: ArticleFacts, name: string) => f.people.find((p) => p.name === name);

describe('German predicate roles', () => {
  const f = facts(
    'Neue Regierung in Oslo\n\nNach der Wahl wurde das Kabinett am Montag vorgestellt. Anna Berger ist neue Verteidigungsministerin. Der Parteitag bestätigte Lukas Brandt als Vorsitzenden der Sozialdemokraten. Über den Haushalt wird im Herbst beraten.\n',
  );
  it('reads "NAME ist neue ROLE"', () => expect(person(f, 'Anna Berger')?.role).toBe('neue Verteidigungsministerin'));
  it('reads "NAME als ROLE"', () => expect(person(f, 'Lukas Brandt')?.role).toBe('Vorsitzenden der Sozialdemokraten'));
});

describe('French predicate roles', () => {
  const f = facts(
    'Remaniement à Lyon\n\nLe conseil a désigné ses adjoints. Il sera épaulé par Sophie Garnier, nommée vice-présidente, et le conseil a choisi Marc Dupuis comme directeur du budget. Tout comme Hélène Roux, ex-députée, les élus ont voté pour.\n',
  );
  it('reads a naming participle after the comma ("NAME, nommée vice-présidente")', () =>
    expect(person(f, 'Sophie Garnier')?.role).toBe('vice-présidente'));
  it('reads "NAME comme ROLE"', () => expect(person(f, 'Marc Dupuis')?.role).toBe('directeur du budget'));
  it('reads a role with "ex-"', () => expect(person(f, 'Hélène Roux')?.role).toBe('ex-députée'));
});

describe('Spanish predicate roles', () => {
  const f = facts(
    'El Gobierno de Murcia cambia de equipo. Julia Navas fue nombrada consejera de Sanidad tras la dimisión de su antecesor. La oposición criticó el cambio.\n',
  );
  it('reads "NAME fue nombrada ROLE"', () => expect(person(f, 'Julia Navas')?.role).toBe('consejera de Sanidad'));
});
