import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { UserError } from '../errors.js';
import { constraintError } from './constraint-errors.js';
import { logFailure } from './request-log.js';

/**
 * A write refused by the disk (SQLITE_FULL) or by the file system (SQLITE_READONLY): nothing was
 * written (every write is a transaction), and the person is told why rather than given a 500.
 */
function storageFailure(err: { code?: string }): { status: number; code: string; message: string } | null {
  const code = typeof err.code === 'string' ? err.code : '';
  if (code.startsWith('SQLITE_FULL')) return { status: 507, code: 'disk-full', message: 'The server’s disk is full: nothing was saved. Tell the administrator.' };
  if (code.startsWith('SQLITE_READONLY')) return { status: 503, code: 'database-read-only', message: 'The server cannot write to its database: nothing was saved. Tell the administrator.' };
  return null;
}

/**
 * Fastify refuses these bodies before any route runs. The code goes out as `ctp_…`, which the pages
 * word from the catalogue (error.ctp_…); the message is for logs and API users.
 */
const bodyRefusals: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request is too large.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the request as JSON (Content-Type: application/json).',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty: send it as JSON, or send no Content-Type.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
};

/** One error handler: 4xx say what was wrong in words a person can act on; 5xx hide internals. */
export default fp(
  async (app) => {
    app.setErrorHandler((thrown: FastifyError | UserError, request, reply) => {
      const err = constraintError(thrown) ?? thrown;
      if (err instanceof UserError) {
        return reply.code(err.statusCode).send({ error: { code: err.code, message: err.message, ...err.extra } });
      }
      if (err.validation) {
        const context = err.validationContext ?? 'request';
        return reply.code(400).send({ error: { code: 'invalid-request', message: `The ${context} is not valid: ${err.message.replace(/^(body|querystring|params|headers)\/?\s*/, '')}.` } });
      }
      const storage = storageFailure(err);
      if (storage) {
        logFailure(request, err, 'the database cannot take a write');
        return reply.code(storage.status).send({ error: { code: storage.code, message: storage.message } });
      }
      const status = err.statusCode ?? 500;
      if (status < 500) {
        const message = (err.code ? bodyRefusals[err.code] : undefined) ?? err.message;
        return reply.code(status).send({ error: { code: err.code?.toLowerCase().replace(/^fst_err_/, '') ?? 'bad-request', message } });
      }
      logFailure(request, err, 'request failed');
      return reply.code(500).send({
        error: { code: 'internal', message: `Something went wrong on the server. Give the administrator this reference: ${request.id}.` },
      });
    });
    app.setNotFoundHandler((request, reply) => {
      reply.code(404).send({ error: { code: 'not-found', message: `There is nothing at ${request.method} ${request.url.split('?')[0]}.` } });
    });
  },
  { name: 'lectern-error-handler' },
);
