/**
 * Who a sentence is about, for its quotes, in German (verb second, pronouns, object cases) and
 * French (pronouns): sentences written for the test.
 */
import { describe, expect, it } from 'vitest';
import { ingestText } from '../../../src/core/ingest/index.js';
import { analyse } from '../../../src/core/analyse/index.js';
import type { ArticleFacts } from '../../../src/core/facts/types.js';

function facts(text: string): ArticleFacts {
  const a = ingestText(text);
  if (!a.ok) throw new Error(a.error.message);
  return analyse(a.value);
}
const speakerOf = (f: ArticleFacts, words: string) => f.quotes.find((q) => q.text.includes(words))?.speaker;

describe('German: a pronoun subject is the person spoken of before ("sagte er", "Er nannte …")', () => {
  const f = facts(
    'Streit um den Haushalt in Kiel\n\nDie Finanzministerin Petra Lorenz hat den Entwurf am Dienstag vorgestellt. Sie warf dabei Jonas Keller einen „unseriösen Kurs“ vor. Keller nannte auf Twitter Lorenz eine „Schönfärberin“. Die Opposition werde „jeden Posten prüfen“.\n',
  );
  it('gives a quote in a sentence opened by "Sie" to the subject before, not the name nearest the quote', () =>
    expect(speakerOf(f, 'unseriösen Kurs')).toBe('Petra Lorenz'));
  it('takes the name after "nannte auf Twitter" for the object, not the speaker', () =>
    expect(speakerOf(f, 'Schönfärberin')).not.toBe('Petra Lorenz'));
});

describe('German: verb second', () => {
  const f = facts(
    'Neue Pläne für den Hafen\n\nDer Bürgermeister Anton Weber und die Ministerin Clara Vogt besuchten am Montag den Hafen. Am Abend lobte Weber die Pläne als „großen Schritt für die Stadt“. Seinen Kollegen Max Brandt kritisierte Vogt als „zu zögerlich“. „Wir brauchen mehr Tempo“, hatte Vogt zuvor an die Presse geschrieben.\n',
  );
  it('reads the name right after the verb as the subject ("Am Abend lobte Weber …")', () =>
    expect(speakerOf(f, 'großen Schritt')).toBe('Anton Weber'));
  it('reads a role with an object determiner ("Seinen Kollegen Max Brandt") as no subject', () =>
    expect(speakerOf(f, 'zu zögerlich')).toBe('Clara Vogt'));
  it('reads the name after the verb that follows a fronted quote ("„…“, hatte Vogt …")', () =>
    expect(speakerOf(f, 'mehr Tempo')).toBe('Clara Vogt'));
});

describe('German: two known surnames side by side are two people', () => {
  it('makes no person of "Weber Vogt"', () => {
    const f = facts(
      'Treffen in Kiel\n\nDer Bürgermeister Anton Weber traf die Ministerin Clara Vogt am Montag. In seiner Rede bezeichnete Weber Vogt als „verlässliche Partnerin“ der Stadt.\n',
    );
    expect(f.people.map((p) => p.name)).not.toContain('Weber Vogt');
    expect(speakerOf(f, 'verlässliche Partnerin')).toBe('Anton Weber');
  });
});

describe('French: a pronoun subject', () => {
  it('gives « … » after "Il" to the subject of the sentence before', () => {
    const f = facts(
      'Le maire répond\n\nDans un entretien au journal local, le maire Paul Girard critique la préfète Sophie Morel. Il juge que Morel « ne connaît pas le terrain ».\n',
    );
    expect(speakerOf(f, 'ne connaît pas le terrain')).toBe('Paul Girard');
  });
});
