/**
 * Second round of held-out articles (see tests/fixtures/articles-heldout/SOURCES.md): a wire
 * story on a real news page (HTML), a contract release with a contacts block, a photo feature
 * with a crew list, and a short profile. Expectations are what a careful reader would extract.
 */
import { describe, expect, it } from 'vitest';
import { findAcronyms } from '../../../src/core/analyse/acronyms.js';
import { loadHeldout } from './heldout-load.js';
import { annotate } from '../../../src/core/nlp/annotate.js';

function load(file: string) {
  const { article, facts } = loadHeldout(file);
  const acronyms = findAcronyms(annotate(article));
  const role = (name: string) => facts.people.find((p) => p.name === name)?.role ?? '';
  const text = facts.sentences.map((s) => s.text).join('\n');
  return { facts, acronyms, role, text };
}

describe('held-out round 2', () => {
  it('Wikinews story (HTML): headline without the site name, people by appositive, no page furniture', () => {
    const a = load('wikinews_puerto_rico_governor.html');
    expect(a.facts.title).toBe('Puerto Rico governor announces resignation following protests');
    expect(a.role('Ricardo Rosselló Nevares')).toMatch(/governor/);
    expect(a.role('Wanda Vázquez Garced')).toMatch(/^Secretary of Justice/);
    expect(a.role('Ricardo Llerandi')).toMatch(/chief of staff/);
    // A first surname alone ("Vázquez said") names the person introduced with both.
    expect(a.facts.quotes.map((q) => q.speaker)).toEqual(['Ricardo Rosselló Nevares', 'Wanda Vázquez Garced']);
    expect(a.facts.people.map((p) => p.name)).not.toContain('Hurricane Maria');
    expect(a.text).not.toMatch(
      /Navigation|Jump to|From Wikinews|Related news|Example Wire|Creative Commons|Share this|Categories|Privacy policy/,
    );
  });

  it('NASA contract award: a numbered name’s acronym, no contacts in the text', () => {
    const a = load('nasa_smaec_contract.md');
    expect(a.acronyms.get('SMAEC')?.expansion).toMatch(/^Safety and Mission Assurance Engineering Contract/);
    expect(a.facts.people).toEqual([]);
    expect(
      a.facts.lists.some((l) =>
        ['Commercial Crew', 'International Space Station', 'Human Research Programs'].every((n) => l.items.includes(n)),
      ),
    ).toBe(true);
    expect(a.text).not.toMatch(/Abbey Donaldson|Kelly Humphries|202-358|nasa\.gov|-end-/);
  });

  it('Artemis II recovery test: a crew of four, the Canadian agency expanded once', () => {
    const a = load('nasa_artemis2_recovery.md');
    for (const n of ['Reid Wiseman', 'Victor Glover', 'Christina Koch']) expect(a.role(n), n).toBe('NASA astronaut');
    const hansen = a.facts.people.find((p) => p.name === 'Jeremy Hansen')!;
    expect(hansen.role).toMatch(/astronaut/);
    expect(hansen.roleExpanded).not.toMatch(/Canadian Space Agency.*Canadian Space Agency/);
    expect(a.acronyms.get('CSA')?.expansion).toBe('Canadian Space Agency');
    expect(a.text).not.toMatch(/Isaac Watson|Image Credit/);
  });

  it('Bolden profile: a role before the name, later mentions by surname, caption and credit dropped', () => {
    const a = load('nasa_bolden_sts60.md');
    const bolden = a.facts.people.find((p) => p.name === 'Charles F. Bolden')!;
    expect(bolden.role).toMatch(/STS-60 commander/);
    expect(bolden.mentions).toEqual(expect.arrayContaining([3, 5, 7]));
    expect(a.text).not.toMatch(/is seen at the commander|Credit: NASA/);
  });
});
