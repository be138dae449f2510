import { describe, expect, it } from 'vitest';
import { occursIn } from '../../../src/core/lang/mentions.js';
import { quotedSpans } from '../../../src/core/lang/quote-marks.js';

describe('occursIn', () => {
  it.each([
    ['Umweltministerin Steffi Lemke sagte', 'lemke'],
    ['die Pläne des Kanzlers Scholz’', 'SCHOLZ'],
    ['la ministre Agnès Pannier-Runacher', 'pannier runacher'],
    ['la ministre Agnès Pannier-Runacher', 'agnes'],
    ['外交部发言人毛宁表示', '毛宁'],
    ['ＮＡＳＡ公布月球基地计划', 'nasa'],
    ['a new space exploration partnership', 'Partnership'],
    ['bilateral partnerships', 'partnership'],
  ])('finds a form of the query in %s', (text, q) => {
    expect(occursIn(text, q)).toBe(true);
  });

  it.each([
    ['Umweltministerin Steffi Lemke', 'merz'],
    ['the partnership', 'ship'],
    ['外交部发言人毛宁表示', '王毅'],
  ])('finds no %s in it', (text, q) => {
    expect(occursIn(text, q)).toBe(false);
  });
});

describe('quotedSpans', () => {
  it.each([
    ['Er sagte: „Wir handeln.“', 'Wir handeln.'],
    ['Il a dit : « Nous agirons. »', 'Nous agirons.'],
    ['他说：“我们必须行动。”', '我们必须行动。'],
    ['他说「好」', '好'],
    ['She said "yes" twice', 'yes'],
    ['Er sagte ‚nein‘', 'nein'],
    ['Il dit ‹ non ›', 'non'],
  ])('finds the quotation in %s', (text, quoted) => {
    expect(quotedSpans(text).map((s) => s.text)).toEqual([quoted]);
  });

  it('finds none in a text with only apostrophes', () => {
    expect(quotedSpans("It's the company's plan")).toEqual([]);
  });
});
