// The proctor's messages to the candidate: shown until the candidate acknowledges each one, never
// shown again once acknowledged (even when the attempt is fetched again), and the acknowledgement
// reaches the server even if the socket was down when the candidate gave it.
import type { ProctorMessageView } from '../../server/contract/kiosk-protocol.js';

export class ProctorMessages {
  private readonly acknowledged = new Set<number>();
  private readonly unsentAcks = new Set<number>();

  /** `send` returns false when the acknowledgement could not go now (it is sent after the next reconnect). */
  constructor(private readonly send: (messageId: number) => boolean) {}

  /** The messages the server already knows as acknowledged (from the attempt). */
  noteAcknowledged(messages: readonly ProctorMessageView[]): void {
    for (const message of messages) if (message.acknowledgedAt !== null) this.acknowledged.add(message.id);
  }

  /** The messages to show with `incoming` added, oldest first; null when nothing new is to be shown. */
  withIncoming(shown: readonly ProctorMessageView[], incoming: readonly ProctorMessageView[]): ProctorMessageView[] | null {
    const known = new Set(shown.map((message) => message.id));
    const fresh = incoming.filter((message) => !known.has(message.id) && !this.acknowledged.has(message.id) && message.acknowledgedAt === null);
    return fresh.length > 0 ? [...shown, ...fresh].sort((a, b) => a.sentAt - b.sentAt) : null;
  }

  /** The candidate acknowledged a message: the messages still to show. */
  acknowledge(shown: readonly ProctorMessageView[], messageId: number): ProctorMessageView[] {
    this.acknowledged.add(messageId);
    if (!this.send(messageId)) this.unsentAcks.add(messageId);
    return shown.filter((message) => message.id !== messageId);
  }

  /** The socket is back: the acknowledgements that could not go before go now. */
  resendAcks(): void {
    for (const messageId of [...this.unsentAcks]) if (this.send(messageId)) this.unsentAcks.delete(messageId);
  }
}
