import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** The path without its query: a query may carry what a log should not keep. */
const pathOf = (request: FastifyRequest): string => request.url.split('?')[0] ?? request.url;

/** Requests whose failure the error handler has logged already, with the error and its stack. */
const loggedFailures = new WeakSet<FastifyRequest>();

/**
 * The error handler's line for a failure: the error with its stack, under the request's reference
 * (the one the person was told to give the administrator). The request's own summary line is then
 * left out, so that a failure reads as one line, not two.
 */
export function logFailure(request: FastifyRequest, err: unknown, message: string): void {
  loggedFailures.add(request);
  request.log.error({ err, reqId: request.id, method: request.method, url: pathOf(request) }, message);
}

/** A request slower than this is logged even when it succeeded: the operator should see it. */
export const SLOW_REQUEST_MS = 1000;

/**
 * One log line per request that went wrong or was slow, instead of Fastify's two lines for every
 * request. When a proctor starts a room, a thousand kiosks fetch their paper within a second:
 * logging each request twice took an eighth of the server's busy time in the exam-start profile
 * (issue 15, item 3), and the journal filled with lines nobody reads. Failed requests (4xx:
 * refused logins, expired sessions, throttling; a failure the error handler caught is its one
 * line, with the error: logFailure) and slow ones remain, with what an operator needs to follow
 * them up.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {
    // Nothing: the line at the end says everything worth saying.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const ms = Math.round(reply.elapsedTime);
    if (!error && reply.statusCode < 400 && ms < SLOW_REQUEST_MS) return;
    if (loggedFailures.has(request)) return;
    const line = { reqId: request.id, method: request.method, url: pathOf(request), statusCode: reply.statusCode, ms };
    if (error || reply.statusCode >= 500) reply.log.error({ ...line, err: error }, 'request failed');
    else if (reply.statusCode >= 400) reply.log.info(line, 'request refused');
    else reply.log.warn(line, 'slow request');
  }
}
