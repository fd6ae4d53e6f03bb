// Strings that keep nothing else alive.

/**
 * A copy of a string that keeps nothing else alive. V8 makes a slice of a long string a view into
 * it, so a rule id or name taken from a 1 MB segment would keep the whole segment in memory; the
 * slice of a fresh concatenation points at that (short) concatenation instead.
 */
export const detach = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));
