/** The time, passed in so every rule can be tested on a fixed date. */
export interface Clock {
  /** Now, as a UTC instant. */
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at one instant (tests, benchmarks, and seeding "as of" a date). */
export const fixedClock = (at: Date | string): Clock => {
  const t = new Date(at);
  return { now: () => new Date(t) };
};
