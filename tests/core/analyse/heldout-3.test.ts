/**
 * Third round on the held-out articles (see tests/fixtures/articles-heldout/SOURCES.md):
 * lists that are not enumerations, press-release mastheads taken for titles, roles joined
 * over "and", organisations that swallowed their seat, and ", or X" short names.
 */
import { describe, expect, it } from 'vitest';
import { findAcronyms } from '../../../src/core/analyse/acronyms.js';
import { allListItems, loadHeldout } from './heldout-load.js';
import { annotate } from '../../../src/core/nlp/annotate.js';

const load = loadHeldout;
const allItems = allListItems;

describe('held-out round 3', () => {
  it('no list from an attribution clause, a range, or a "City, State" place', () => {
    expect(allItems('wikinews_puerto_rico_governor.html')).not.toContain('others');
    expect(allItems('nasa_bolden_sts60.md')).not.toContain('1986 and 1994');
    expect(allItems('nasa_smaec_contract.md')).not.toContain('Reston');
    expect(allItems('nasa_curiosity_gediz_vallis.md').some((i) => i.endsWith(')'))).toBe(false);
  });

  it('ends the last item at its noun phrase and keeps every item of the Bolden list', () => {
    expect(allItems('nasa_artemis2_recovery.md')).toContain('CSA (Canadian Space Agency) astronaut Jeremy Hansen');
    const science = load('nasa_bolden_sts60.md').facts.lists.find((l) => l.items.some((i) => i.includes('Curiosity')));
    expect(science?.items).toHaveLength(4);
    expect(science?.items[3]).toBe('continued progress toward the launch of the James Webb Space Telescope');
  });

  it('takes the headline, not the release label, as the title; drops "@@"', () => {
    expect(load('commerce_locke_recovery_grants.txt').facts.title).toMatch(/^Commerce Secretary Gary Locke Announces/);
    expect(load('florida_awi_emergency_grant.txt').facts.title).toBe('State Receives Emergency Workforce Funds');
    const usda = load('usda_williamson_police_grant.txt').facts;
    expect(usda.title).toMatch(/^USDA RURAL DEVELOPMENT APPROVES/);
    expect(usda.sentences[0]!.text).toMatch(/^State Director/);
  });

  it('joins roles over "and"; keeps the seat out of an organisation; reads ", or Mastcam"', () => {
    expect(load('nasa_truly_statement.md').facts.people.find((p) => p.name === 'Richard Truly')?.role).toBe(
      'former NASA Administrator and astronaut',
    );
    expect(load('nasa_smaec_contract.md').facts.organizations.map((o) => o.name)).toContain(
      'Science Applications International Corporation',
    );
    const defs = findAcronyms(annotate(load('nasa_curiosity_gediz_vallis.md').article));
    expect(defs.get('Mastcam')?.expansion).toBe('Mast Camera');
  });
});
