// The HTTP side of the server, for every page: JSON in and out, the CSRF header on every request
// that changes something, and failures as one typed error the interface can explain by its code.

import type { ErrorBody } from '../../server/contract/errors.js';
import { takeEarlyRequest } from './early-request.js';

/** The server's error body, as the contract defines it. */
export type ApiErrorBody = ErrorBody;

export class ApiError extends Error {
  /** The rest of the server's `error` object (e.g. `retryAfterSeconds`, `receipt`). */
  readonly details: Record<string, unknown>;

  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    /** The server's error code, or `network` / `server-error` / `bad-response` when it gave none. */
    readonly code: string,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.details = details;
  }

  /** True when the request may well have succeeded if tried again later. */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500;
  }
}

export interface ApiClientOptions {
  /** Defaults to the page's origin. */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** Abort a request that takes longer than this (the LAN answers in milliseconds when it works). */
  timeoutMs?: number;
  /**
   * Take over the GETs the page sent before its script ran (early-request.ts), each once, instead
   * of sending them again. Only the kiosk's page sends any.
   */
  earlyRequests?: boolean;
}

export class ApiClient {
  private csrfToken: string | null = null;
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;
  private readonly earlyRequests: boolean;

  constructor(options: ApiClientOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.earlyRequests = options.earlyRequests ?? false;
  }

  setCsrfToken(token: string | null): void {
    this.csrfToken = token;
  }

  get hasCsrfToken(): boolean {
    return this.csrfToken !== null;
  }

  /**
   * `revalidate`: the browser may keep the answer and ask the server whether it changed (ETag),
   * for what is the same at every use, like a section's document; everything else is never
   * cached (a clock, answers, a login's state).
   */
  get<T>(path: string, options: { revalidate?: boolean } = {}): Promise<T> {
    return this.request<T>('GET', path, undefined, options.revalidate ? 'no-cache' : 'no-store');
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  async request<T>(method: string, path: string, body?: unknown, cache: RequestCache = 'no-store'): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (method !== 'GET' && method !== 'HEAD') {
      headers['content-type'] = 'application/json';
      if (this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    }
    const early = this.earlyRequests && method === 'GET' && !this.baseUrl ? takeEarlyRequest(path) : null;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    let response: Response;
    try {
      response = await (early ?? this.fetchImpl(this.baseUrl + path, {
        method,
        headers,
        body: body === undefined || method === 'GET' ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache,
        signal: controller.signal,
      }));
    } catch (cause) {
      throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'The server could not be reached.');
    } finally {
      clearTimeout(timer);
    }

    const text = await response.text().catch(() => '');
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }

    if (!response.ok) {
      const error = isErrorBody(parsed) ? parsed.error : null;
      const details: Record<string, unknown> = error ? { ...error } : {};
      const retryAfter = Number(response.headers.get('retry-after'));
      if (details['retryAfterSeconds'] === undefined && Number.isFinite(retryAfter) && retryAfter > 0) {
        details['retryAfterSeconds'] = retryAfter;
      }
      const code = error?.code ?? (response.status >= 500 ? 'server-error' : `http-${response.status}`);
      throw new ApiError(response.status, code, error?.message ?? response.statusText, details);
    }
    if (!text) return undefined as T;
    if (parsed === undefined) throw new ApiError(response.status, 'bad-response', 'The server answered with something that is not JSON.');
    return parsed as T;
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}
