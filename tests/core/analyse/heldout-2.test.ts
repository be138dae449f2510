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
  it('France 24 wire story (HTML): headline without the section, people by appositive, no page furniture', () => {
    const a = load('france24_bangladesh_blogger.html');
    expect(a.facts.title).toBe('Third blogger hacked to death in Bangladesh');
    expect(a.role('Ananta Bijoy Das')).toMatch(/blogger/);
    expect(a.role('Avijit Roy')).toMatch(/blogger/);
    expect(a.role('Rafida Bonya Ahmed')).toMatch(/widow/i);
    expect(a.role('Washiqur Rahman')).toMatch(/^another secular blogger/);
    expect(a.facts.quotes.map((q) => [q.speaker, q.text])).toContainEqual([
      'Rafida Bonya Ahmed',
      'a global act of terrorism',
    ]);
    expect(a.text).not.toMatch(
      /Munir uz Zaman|Text by|NEWS WIRES|Latest update|FRANCE 24 with AFP|Read more|Top stories|COMMENT/,
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
