/** Government portfolios as roles in French and Spanish cabinet news: sentences written for the test. */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../../src/core/ingest/index.js';
import { analyse } from '../../../src/core/analyse/index.js';
import type { ArticleFacts } from '../../../src/core/facts/types.js';

function facts(text: string): ArticleFacts {
  const a = ingestText(text);
  if (!a.ok) throw new Error(a.error.message);
  return analyse(a.value);
}
const roleOf = (f: ArticleFacts, name: string) => f.people.find((p) => p.name === name)?.role;

describe('French cabinet news', () => {
  const f = facts(
    'Le nouveau gouvernement portugais\n\nLe ministère de l’Intérieur revient au socialiste Rui Tavares, Marta Lobo reçoit la Santé, Nuno Peixoto récupère le portefeuille de la Pêche maritime. Le portefeuille des Transports revient à Joana Reis et Vasco Pinto reçoit celui de la culture, deux indépendants.\n',
  );
  it('reads "X reçoit la Santé" and "X récupère le portefeuille de …" as roles, and the names as people', () => {
    expect(roleOf(f, 'Marta Lobo')).toBe('Santé');
    expect(roleOf(f, 'Nuno Peixoto')).toBe('portefeuille de la Pêche maritime');
  });
  it('reads "Le ministère de … revient au … X" as the role of X', () => {
    expect(roleOf(f, 'Rui Tavares')).toBe('ministère de l’Intérieur');
    expect(roleOf(f, 'Joana Reis')).toBe('portefeuille des Transports');
  });
  it('reads "celui de la culture" and gives no portfolio across "et" to the next name', () =>
    expect(roleOf(f, 'Vasco Pinto')).toBe('culture'));
  it('takes no guest received for a portfolio', () => {
    const g = facts(
      'Visite à Paris\n\nLe président Paul Girard reçoit Angela Schmitt à l’Élysée mardi pour parler de l’Europe et du commerce.\n',
    );
    expect(roleOf(g, 'Paul Girard')).toBe('président');
  });
});

describe('Spanish cabinet news', () => {
  it('reads "X asume la cartera de Defensa"', () => {
    const f = facts(
      'El nuevo Gobierno regional tomó posesión ayer. Marta Ruiz asume la cartera de Sanidad y Consumo, según el decreto publicado hoy en el boletín oficial.\n',
    );
    expect(roleOf(f, 'Marta Ruiz')).toBe('cartera de Sanidad y Consumo');
  });
});
