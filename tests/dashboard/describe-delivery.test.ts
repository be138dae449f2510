/** The deliveries page says what each key is, for the key forms Herald writes now and wrote before. */
import { describe, expect, it } from 'vitest';
import { describeDelivery } from '../../src/dashboard/pages/logs.js';
import type { Delivery } from '../../src/core/store/records.js';

const row = (key: string): Delivery => ({
  key,
  status: 'sent',
  messageId: null,
  attempts: 1,
  lastError: null,
  createdAt: '2025-03-04T10:00:00.000Z',
  updatedAt: '2025-03-04T10:00:00.000Z',
  claimedBy: null,
});

describe('describeDelivery', () => {
  it('reads a "more items" key with its count, and an older one without', () => {
    expect(describeDelivery(row('live-more:5:15:12:2025-03-04T10:00:00.000Z'), 'UTC')).toMatch(
      /^"12 more items" message of feed #15 \(/,
    );
    expect(describeDelivery(row('live-more:5:15:2025-03-04T10:00:00.000Z'), 'UTC')).toMatch(
      /^"more items" message of feed #15 \(/,
    );
  });
});
