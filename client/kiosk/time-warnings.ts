// When the candidate is warned that time is running out.

/** Minutes left at which the candidate is warned. */
export const WARNING_MINUTES = [10, 5, 1] as const;

/** The smallest warning threshold (in minutes) the time left is under, or null above all of them. */
export function warningBracket(timeLeftMs: number): number | null {
  let bracket: number | null = null;
  for (const minutes of WARNING_MINUTES) if (timeLeftMs <= minutes * 60_000) bracket = minutes;
  return bracket;
}
