import type { Clock } from '../../src/bot/clock.js';

/** A clock tests move by hand (the 35- and 45-minute notices). */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-11-28T08:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(minutes: number): void {
    this.current += minutes * 60_000;
  }

  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
}
