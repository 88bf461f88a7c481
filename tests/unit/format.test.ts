import { describe, expect, it } from 'vitest';
import { formatDate, formatDay, formatTime, today } from '../../src/bot/format.js';
import { formatPercent } from '../../src/domain/percentage.js';

describe('French formats', () => {
  it.each([
    ['2026-11-28T13:05:00Z', '28/11/2026', '14\u00a0h\u00a005'],
    ['2026-07-01T22:30:00Z', '02/07/2026', '00\u00a0h\u00a030'],
    ['2026-03-29T00:59:00Z', '29/03/2026', '01\u00a0h\u00a059'],
    ['2026-03-29T01:00:00Z', '29/03/2026', '03\u00a0h\u00a000'],
  ])('%s is %s at %s in Paris', (instant, date, time) => {
    expect(formatDate(instant, 'Europe/Paris')).toBe(date);
    expect(formatTime(instant, 'Europe/Paris')).toBe(time);
  });

  it('gives today in the configured zone, not the server one', () => {
    expect(today(new Date('2026-11-28T23:30:00Z'), 'Europe/Paris')).toBe('2026-11-29');
    expect(today(new Date('2026-11-28T23:30:00Z'), 'UTC')).toBe('2026-11-28');
  });

  it('writes percentages with a no-break space and days in French order', () => {
    expect(formatPercent(57)).toBe('57\u00a0%');
    expect(formatDay('2026-11-28')).toBe('28/11/2026');
  });
});
