import { integer } from 'drizzle-orm/sqlite-core';

// Every time is the server's clock in milliseconds since the epoch: the timing rules
// add and subtract durations, and integers keep that exact.
export const epochMs = (name: string) => integer(name, { mode: 'number' });
