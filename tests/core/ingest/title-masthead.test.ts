import { describe, expect, it } from 'vitest';
import { splitTitle } from '../../../src/core/ingest/text.js';
import { repairPunctuation } from '../../../src/core/ingest/normalise.js';

describe('titles under a press-release masthead', () => {
  it('skips the release label, date, contact and phone lines', () => {
    const text =
      'PRESS RELEASE\nMonday, March 2, 2020\nContact: Jo Smith\n555-123-4567\nCity Opens New Library Branch Downtown\nThe city opened a library.';
    expect(splitTitle(text).title).toBe('City Opens New Library Branch Downtown');
  });

  it('finds the label below an agency name and keeps a plain first line otherwise', () => {
    expect(splitTitle('Harbor Authority\nMedia Advisory\nPort Reopens After Storm\nBody.').title).toBe(
      'Port Reopens After Storm',
    );
    expect(splitTitle('Port Reopens After Storm\nBody.').title).toBe('Port Reopens After Storm');
  });

  it('drops template markers at the start of a paragraph', () => {
    expect(repairPunctuation('@@ The mayor spoke.')).toBe('The mayor spoke.');
  });
});
