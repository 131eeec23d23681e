// How long each kind of candidate data stays in Lectern, in days after the session ended. The
// defaults and their reasons are written out in docs/privacy.md; a centre whose certifier asks
// for other periods sets them in the environment (LECTERN_RETAIN_<KIND>_DAYS).

export const retentionKinds = ['answers', 'names', 'monitoring', 'audit', 'backups'] as const;
export type RetentionKind = (typeof retentionKinds)[number];

export type RetentionPolicy = Record<RetentionKind, number>;

export const DAY_MS = 24 * 60 * 60 * 1000;

export const defaultRetention: RetentionPolicy = {
  // Answers and grades: the jury may re-examine a script on appeal, and the certifier must be able
  // to show the evidence behind each decision; a year covers the two-month appeal period, the
  // jury's re-examination and the next audit of the centre.
  answers: 365,
  // Names are what links a script to a person: kept exactly as long as the answers and grades.
  names: 365,
  // Monitoring (supervision events, proctor messages, incidents): only to settle a dispute about
  // the sitting's regularity, so the appeal period after the results plus a margin (CNIL,
  // deliberation 2023-058: no longer than the purpose requires).
  monitoring: 90,
  // The audit log holds no names (account ids, candidate codes, digests): it is the proof of each
  // evaluation's regularity for as long as a certification stays registered (at most 5 years).
  audit: 5 * 365,
  // Backups hold everything: kept briefly, so that a purge is not undone for long by an old copy.
  backups: 30,
};

const envName = (kind: RetentionKind) => `LECTERN_RETAIN_${kind.toUpperCase()}_DAYS`;

/** The policy from the environment, each kind falling back to its default. Throws with a sentence on a bad value. */
export function readRetentionPolicy(env: NodeJS.ProcessEnv): RetentionPolicy {
  const policy = { ...defaultRetention };
  for (const kind of retentionKinds) {
    const raw = env[envName(kind)];
    if (raw === undefined || raw === '') continue;
    const days = Number(raw);
    if (!Number.isInteger(days) || days < 1) throw new Error(`${envName(kind)} must be a whole number of days, 1 or more; found "${raw}".`);
    policy[kind] = days;
  }
  // Names without answers, or answers without names, would be kept for nothing: names never outlive answers.
  if (policy.names > policy.answers) throw new Error(`${envName('names')} (${policy.names}) must not be longer than ${envName('answers')} (${policy.answers}).`);
  return policy;
}

/** The instant before which a session's data of this kind is due for deletion. */
export function cutoff(policy: RetentionPolicy, kind: RetentionKind, now: number): number {
  return now - policy[kind] * DAY_MS;
}
