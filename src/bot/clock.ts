/** Time and randomness are injected so tests can move the clock and seed codes. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
