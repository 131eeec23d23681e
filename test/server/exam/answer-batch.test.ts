import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BatchPacker, unpackBatch, type IncomingSave } from '../../../server/exam/answer-batch.js';

// The batch a save travels in from the event loop to the answer writer: every text comes out as
// it went in, whatever its characters and size, with the save's other fields beside it.

const save = (text: string, i = 0, late = false): IncomingSave => ({ candidateId: 7 + i, questionId: `q${i}`, revision: 3 + i, text, receivedAt: 1_700_000_000_000 + i, late });

/** What the writer receives: the request after a structured clone, as postMessage delivers it. */
const delivered = (packer: BatchPacker) => {
  const request = packer.take();
  return unpackBatch(structuredClone(request, { transfer: [request.texts] }));
};

describe('BatchPacker', () => {
  it('gives back French, emoji, empty and 50,000-character texts unchanged, past the first buffer', () => {
    const texts = ['Réponse : « la tâche échoue » à 3 h', 'émoji 🚀 et 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '', 'é'.repeat(50_000), '🙂'.repeat(25_000), 'ascii only'];
    const packer = new BatchPacker();
    texts.forEach((t, i) => packer.add(save(t, i, i === 2)));
    expect(delivered(packer)).toEqual(texts.map((t, i) => save(t, i, i === 2)));
  });

  it('starts anew after each batch is taken, and an empty batch carries nothing', () => {
    const packer = new BatchPacker();
    packer.add(save('first batch'));
    expect(delivered(packer)).toEqual([save('first batch')]);
    expect(delivered(packer)).toEqual([]);
    packer.add(save('second batch', 1));
    expect(delivered(packer)).toEqual([save('second batch', 1)]);
  });

  it('round-trips any batch of any well-formed strings', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.boolean()), { maxLength: 40 }), (items) => {
        const packer = new BatchPacker();
        items.forEach(([t, late], i) => packer.add(save(t, i, late)));
        expect(delivered(packer)).toEqual(items.map(([t, late], i) => save(t, i, late)));
      }),
    );
  });

  it('writes a lone surrogate as U+FFFD, as SQLite stores it from any string', () => {
    const packer = new BatchPacker();
    packer.add(save('a\uD800b'));
    expect(delivered(packer)[0]!.text).toBe('a\uFFFDb');
  });
});
