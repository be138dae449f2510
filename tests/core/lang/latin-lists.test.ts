/** Lists in French, German and Spanish beyond "A, B und C": sentences written for the test. */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../../src/core/ingest/index.js';
import { analyse } from '../../../src/core/analyse/index.js';
import type { ArticleFacts } from '../../../src/core/facts/types.js';

function facts(text: string): ArticleFacts {
  const a = ingestText(text);
  if (!a.ok) throw new Error(a.error.message);
  return analyse(a.value);
}
const items = (f: ArticleFacts) => f.lists.map((l) => l.items);
/** The first item keeps only as many last words as the longest other item: the rest is the lead. */
const tails = (f: ArticleFacts) => f.lists.map((l) => l.items.slice(1));
const firstEndsWith = (f: ArticleFacts, second: string, end: string) =>
  f.lists.find((l) => l.items[1] === second)?.items[0]?.endsWith(end);

describe('German', () => {
  const f = facts(
    'Die Stadt plant neu\n\nDer Rat will sich für bessere Schulen und mehr Radwege sowie günstige Wohnungen und saubere Parks einsetzen. Die Bürger sollen im Herbst darüber abstimmen.\n',
  );
  it('splits "A und B sowie C und D" at every conjunction', () =>
    expect(tails(f)).toContainEqual(['mehr Radwege', 'günstige Wohnungen', 'saubere Parks einsetzen']));
  it('reads items separated by semicolons', () => {
    const g = facts(
      'Ein schwieriges Jahr\n\nDie Prüfer fanden die Verwaltung langsam; schlecht organisiert; zu teuer; kaum digital. Der Bericht geht nun an den Landtag.\n',
    );
    expect(items(g)[0]?.slice(1)).toEqual(['schlecht organisiert', 'zu teuer', 'kaum digital']);
  });
});

describe('Spanish', () => {
  it('reads "A, B, C, y D" with a comma before the conjunction, and "así como"', () => {
    const f = facts(
      'La aerolínea abrirá nuevas rutas con Roma, Berlín, Atenas, y Praga el próximo año. También visitará Oporto, Sevilla así como Bilbao en verano.\n',
    );
    expect(tails(f)).toContainEqual(['Berlín', 'Atenas', 'Praga el próximo año']);
    expect(firstEndsWith(f, 'Berlín', 'Roma')).toBe(true);
    expect(tails(f)).toContainEqual(['Sevilla', 'Bilbao en verano']);
  });
  it('reads items with their own commas between semicolons, the last after ", y"', () => {
    const f = facts(
      'El acuerdo para el nuevo campus fue firmado ayer por el alcalde de Soria, Tomás Herrero; la consejera de Hacienda, Rosa Villar, y el rector de la universidad, Luis Sanz. Las obras empezarán en primavera.\n',
    );
    expect(items(f)[0]?.slice(1)).toEqual([
      'la consejera de Hacienda, Rosa Villar',
      'el rector de la universidad, Luis Sanz',
    ]);
  });
  it('reads two long items after a colon and a quote, and a number with separators as one word', () => {
    const f = facts(
      'El partido defiende dos ideas: "la defensa de la educación pública y gratuita, y el apoyo decidido a las pequeñas empresas del país". El plan reparte el dinero así: 1.250,5 millones para escuelas y 3.400,2 millones en ayudas directas a familias.\n',
    );
    expect(items(f)).toContainEqual([
      'la defensa de la educación pública y gratuita',
      'el apoyo decidido a las pequeñas empresas del país',
    ]);
    expect(items(f)).toContainEqual([
      '1.250,5 millones para escuelas',
      '3.400,2 millones en ayudas directas a familias',
    ]);
  });
});

describe('French', () => {
  it('reads a list closed by "ainsi que"', () => {
    const f = facts(
      'Le débat\n\nLe candidat a parlé de la dette, du chômage, ainsi que de la sécurité routière pendant une heure.\n',
    );
    expect(tails(f)).toContainEqual(['du chômage', 'de la sécurité routière pendant une heure']);
  });
});
