// A save queue as it stands while a candidate types at the end of a long answer: shared by the
// tests of what an acknowledgement writes to the workstation's storage.
import type { AnswerScope } from '../../../client/kiosk/local-copies.js';
import { SaveQueue, type SaveTransport } from '../../../client/kiosk/save-queue.js';
import type { MeteredStorage } from '../memory-storage.js';

/**
 * A queue over `storage` for `scope`, its answer to q1 `answer` (revision 1, from the server),
 * after two keys at its end: " a" sent and acknowledged (revision 2), then " b" sent and not yet
 * acknowledged (revision 3). Returns the queue and the text typed so far.
 */
export function queueAwaitingRevision3(storage: MeteredStorage, scope: AnswerScope, answer: string): { queue: SaveQueue; text: string } {
  const transport: SaveTransport = { online: true, send: () => true };
  const queue = new SaveQueue(null, { storage, transport, monotonicNow: () => 0 });
  queue.connectionChanged(true);
  queue.open(scope, [{ questionId: 'q1', text: answer, revision: 1, savedAt: 100 }]);
  queue.edit('q1', `${answer} a`);
  queue.sendNow();
  queue.acknowledge({ questionId: 'q1', revision: 2, savedAt: 200 });
  queue.edit('q1', `${answer} a b`);
  queue.sendNow();
  return { queue, text: `${answer} a b` };
}
