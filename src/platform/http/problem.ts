import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldProblem } from '../errors.ts';
import { fieldProblems } from './validation.ts';

/** RFC 9457 problem details, plus a stable `code`, the request id and field pointers. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: FieldProblem[];
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemType(code: string): string {
  return `urn:guildhall:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  errors?: FieldProblem[],
) {
  const body: Problem = {
    type: problemType(code),
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    instance: request.url,
    code,
    requestId: request.id,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
  return reply.code(status).type('application/problem+json; charset=utf-8').send(body);
}

/** Known Fastify errors, mapped to stable codes and sentences a client developer can act on. */
const FASTIFY_ERRORS: Record<string, { code: string; detail: string; pointer?: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: 'MALFORMED_JSON',
    detail: 'The request body is not valid JSON.',
    pointer: '/body',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'MALFORMED_JSON',
    detail: 'The request body is empty but declared as JSON.',
    pointer: '/body',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'BODY_TOO_LARGE',
    detail: 'The request body is larger than this server accepts.',
    pointer: '/body',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    detail: 'Send the body as application/json.',
    pointer: '/headers/content-type',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'BAD_CONTENT_LENGTH',
    detail: 'Content-Length does not match the body.',
    pointer: '/headers/content-length',
  },
  FST_ERR_BAD_URL: { code: 'BAD_URL', detail: 'The URL could not be decoded.' },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'BAD_REQUEST', detail: 'The request could not be routed.' },
};

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.validation) {
    const part = error.validationContext ?? 'body';
    const errors = fieldProblems(error.validation as never, part);
    const list = errors.map((e) => `${e.pointer} ${e.detail}`).join('; ');
    return sendProblem(request, reply, 400, 'VALIDATION_FAILED', `The request is invalid: ${list}.`, errors);
  }
  if (error instanceof AppError) {
    if (error.status >= 500) request.log.error({ err: error }, 'request failed');
    for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
    const detail =
      error.status >= 500
        ? 'Something went wrong on our side. Quote the request id when you report it.'
        : error.message;
    return sendProblem(
      request,
      reply,
      error.status,
      error.code,
      detail,
      error.status >= 500 ? [] : [...error.fields],
    );
  }
  const known = error.code ? FASTIFY_ERRORS[error.code] : undefined;
  if (known && error.statusCode && error.statusCode < 500) {
    return sendProblem(
      request,
      reply,
      error.statusCode,
      known.code,
      known.detail,
      known.pointer ? [{ pointer: known.pointer, detail: known.detail }] : [],
    );
  }
  if (error.statusCode === 429) {
    return sendProblem(request, reply, 429, 'RATE_LIMITED', 'Too many requests; slow down and retry later.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return sendProblem(
      request,
      reply,
      error.statusCode,
      'BAD_REQUEST',
      'The request could not be processed.',
    );
  }
  // Anything else is a bug. The log has everything; the client gets nothing it could misuse.
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(
    request,
    reply,
    500,
    'INTERNAL',
    'Something went wrong on our side. Quote the request id when you report it.',
  );
}
