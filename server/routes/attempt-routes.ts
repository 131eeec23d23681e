import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { createReadStream } from 'node:fs';
import { resolvePackAssetWithType } from '../content/pack-assets.js';
import { userError } from '../errors.js';
import { PaperCache } from '../exam/attempt-paper.js';
import { DocumentResponses, alreadyHeld, chooseEncoding, hasDocument } from '../exam/document-responses.js';
import { whyNotNow } from '../exam/may-act.js';
import { Empty } from '../contract/common.js';
import { errors } from '../contract/errors.js';
import { AssetParams, AttemptView, DocumentView, NoticeAcknowledged, SectionParams } from '../contract/attempt.js';
import { SealedPaperView } from '../contract/sealed-paper.js';
import { Receipt } from '../contract/kiosk-protocol.js';
import { candidateOf } from './principal.js';

/** The candidate's own attempt, and nothing else: every query is keyed by the logged-in candidate. */
export default async function attemptRoutes(app: FastifyInstance) {
  attemptViewRoutes(app);
  documentRoute(app);
  sealedPaperRoute(app);
  submitRoute(app);
  packAssetRoute(app);
}

/** The logged-in candidate, their session and its pack. */
function attemptOf(app: FastifyInstance, request: FastifyRequest) {
  const p = candidateOf(request);
  const candidate = app.exam.candidate(p.candidateId)!;
  const session = app.exam.session(p.sessionId)!;
  const pack = app.packs.get(session.packId);
  if (!pack) throw userError(503, 'pack-unavailable', 'The exam content of this session cannot be loaded: call the proctor.');
  return { candidate, session, pack };
}

/** The attempt as the kiosk loads it, and the acknowledgement of the monitoring notice. */
function attemptViewRoutes(app: FastifyInstance) {
  // The paper is the same for a whole room and fetched by all of it at the start: built once.
  const papers = new PaperCache();

  app.get('/api/attempt', { preHandler: app.requireCandidate, schema: { summary: "The candidate's attempt: exam, answers, clock", response: { 200: AttemptView, ...errors(401, 403, 503) } } }, async (request): Promise<AttemptView> => {
    const { candidate, session, pack } = attemptOf(app, request);
    const started = session.state !== 'waiting';
    return {
      session: { code: session.code, title: session.title, state: session.state },
      candidate: { code: candidate.code, workstation: candidate.workstation, noticeAcknowledgedAt: candidate.noticeAcknowledgedAt, locked: candidate.lockedAt !== null, receipt: app.exam.receipt(candidate) },
      pack: papers.paper(pack, started),
      answers: started ? app.exam.answers(candidate.id).map(({ questionId, text, revision, savedAt }) => ({ questionId, text, revision, savedAt })) : [],
      messages: app.supervision.messagesFor(session.id, candidate.id),
      clock: app.exam.clockView(session, candidate.id),
      fallback: await app.fallback.keys.forKiosk(candidate.id, session.id),
    };
  });

  app.post(
    '/api/attempt/notice',
    { preHandler: app.requireCandidate, schema: { summary: 'The candidate acknowledges the monitoring notice', body: Empty, response: { 200: NoticeAcknowledged, ...errors(401, 403) } } },
    async (request) => ({ noticeAcknowledgedAt: app.exam.acknowledgeNotice(attemptOf(app, request).candidate.id) }),
  );
}

/**
 * A section's document, shown once the exam has started and the notice is acknowledged. Built
 * and compressed once per pack version (exam/document-responses.ts); a kiosk that already holds
 * it (a reload, a reconnect) is answered 304 by its tag, and nothing is sent again.
 */
function documentRoute(app: FastifyInstance) {
  const responses = new DocumentResponses();
  app.get<{ Params: Static<typeof SectionParams> }>(
    '/api/attempt/sections/:sectionId/document',
    { preHandler: app.requireCandidate, schema: { summary: "A section's document, once the session has started", params: SectionParams, response: { 200: DocumentView, 304: Type.Null({ description: 'The kiosk already holds this version of the document (If-None-Match).' }), ...errors(401, 403, 404) } } },
    async (request, reply) => {
      const { session, pack, candidate } = attemptOf(app, request);
      if (session.state === 'waiting') throw userError(403, 'not-started', 'The document is shown when the proctor starts the exam.');
      if (candidate.noticeAcknowledgedAt === null) throw userError(403, 'notice-not-acknowledged', 'Read and acknowledge the monitoring notice first.');
      const section = pack.sections.find((s) => s.id === request.params.sectionId);
      if (!section) throw userError(404, 'unknown-section', `This exam has no section "${request.params.sectionId}".`);
      if (!hasDocument(section)) throw userError(404, 'no-document', 'This section has no document.');
      const response = responses.get(pack, section);
      // Private: it is one candidate's exam; no-cache: asked again at each use, answered 304 while unchanged.
      reply.header('cache-control', 'private, no-cache').header('etag', response.etag).header('vary', 'accept-encoding');
      if (alreadyHeld(request.headers['if-none-match'], response.etag)) return reply.code(304).send();
      const encoding = chooseEncoding(request.headers['accept-encoding']);
      if (encoding !== 'identity') reply.header('content-encoding', encoding);
      return reply.type('application/json; charset=utf-8').send(response.bodies[encoding]);
    },
  );
}

/**
 * The paper sealed for the waiting room (exam/sealed-paper.ts): the same bytes for the whole
 * room, answered 304 to a kiosk that already holds them; refused once the session has started,
 * when the kiosk fetches the paper itself.
 */
function sealedPaperRoute(app: FastifyInstance) {
  app.get(
    '/api/attempt/sealed-paper',
    { preHandler: app.requireCandidate, schema: { summary: 'The paper, encrypted, for a kiosk in the waiting room; the start sends the key', response: { 200: SealedPaperView, 304: Type.Null({ description: 'The kiosk already holds this sealed paper (If-None-Match).' }), ...errors(401, 403, 409, 503) } } },
    async (request, reply) => {
      const { session, pack, candidate } = attemptOf(app, request);
      if (candidate.noticeAcknowledgedAt === null) throw userError(403, 'notice-not-acknowledged', 'Read and acknowledge the monitoring notice first.');
      if (session.state !== 'waiting') throw userError(409, 'already-started', 'The session has already started: the paper is fetched as it is.');
      const view = app.sealedPapers.forSession(session.id, pack);
      const etag = `"${view.keyId}"`;
      reply.header('cache-control', 'private, no-cache').header('etag', etag);
      if (alreadyHeld(request.headers['if-none-match'], etag)) return reply.code(304).send();
      return view;
    },
  );
}

/** Submitting, once: the kiosk and the dashboards are told after the submission commits. */
function submitRoute(app: FastifyInstance) {
  app.post(
    '/api/attempt/submit',
    { preHandler: app.requireCandidate, schema: { summary: 'The candidate submits their answers (once)', body: Empty, response: { 200: Receipt, ...errors(401, 403, 409) } } },
    async (request) => {
      const { candidate, session } = attemptOf(app, request);
      const notNow = whyNotNow('submit', { state: session.state, lockedAt: candidate.lockedAt, submittedAt: candidate.submittedAt }, Date.now());
      if (notNow === 'not-started') throw userError(409, 'not-started', 'The exam has not started: there is nothing to submit yet.');
      if (notNow === 'locked') throw userError(409, 'locked', 'Your workstation is locked by the proctor: call the proctor.');
      const { receipt, already } = app.exam.submit(candidate.id, 'candidate');
      if (already) throw userError(409, 'already-submitted', 'You have already submitted your answers.', { receipt });
      app.examEvents.submitted(session.id, candidate.id, receipt);
      return receipt;
    },
  );
}

/** An image of a pack's document: staff see any, a candidate only their own exam's once it has started. */
function packAssetRoute(app: FastifyInstance) {
  app.get<{ Params: Static<typeof AssetParams> }>(
    '/api/packs/:packId/assets/*',
    {
      schema: {
        summary: "An image of a pack's document",
        params: AssetParams,
        produces: ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/svg+xml'],
        response: { 200: Type.String({ format: 'binary', description: 'The image file.' }), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const p = request.principal;
      if (!p) throw userError(401, 'not-logged-in', 'You are not logged in.');
      if (p.kind === 'candidate') {
        const session = app.exam.session(p.sessionId)!;
        if (session.packId !== request.params.packId) throw userError(403, 'forbidden', 'This image belongs to another exam.');
        if (session.state === 'waiting') throw userError(403, 'not-started', 'The document is shown when the proctor starts the exam.');
      }
      const pack = app.packs.get(request.params.packId);
      const asset = pack && resolvePackAssetWithType(pack, request.params['*']);
      if (!asset) throw userError(404, 'unknown-asset', 'There is no such image in this pack.');
      reply.header('cache-control', 'private, max-age=3600');
      return reply.type(asset.contentType).send(createReadStream(asset.path));
    },
  );
}
