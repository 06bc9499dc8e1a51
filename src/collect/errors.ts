/** How a failed call is reported: what kind of gap it leaves, and why in one line. */
export interface CallFailure {
  kind: 'access-denied' | 'unsupported' | 'throttled' | 'unreachable' | 'error';
  code: string;
  reason: string;
}

const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'AuthorizationError', 'AuthorizationErrorException', 'Forbidden', 'UnauthorizedException', 'AuthFailure', 'InvalidClientTokenId', 'UnrecognizedClientException', 'ExpiredToken', 'ExpiredTokenException']);
const UNSUPPORTED = new Set(['UnsupportedOperation', 'UnsupportedOperationException', 'InvalidAction', 'UnknownOperationException', 'NotImplemented', 'OptInRequired', 'SubscriptionRequiredException', 'UnknownEndpoint', 'ValidationException.UnsupportedRegion']);
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown', 'ProvisionedThroughputExceededException']);
const UNREACHABLE = new Set(['ENOTFOUND', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);

export function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'Error';
  const e = error as { name?: string; code?: string; Code?: string; $metadata?: { httpStatusCode?: number } };
  const code = e.code ?? e.Code ?? e.name ?? 'Error';
  // Some services answer 403 with a generic name; the status says what it is.
  if ((code === 'Error' || code === 'UnknownError') && e.$metadata?.httpStatusCode === 403) return 'AccessDenied';
  return code;
}

export function classifyFailure(error: unknown, action: string): CallFailure {
  const code = errorCode(error);
  const message = firstLine(error instanceof Error ? error.message : String(error));
  if (ACCESS_DENIED.has(code)) return { kind: 'access-denied', code, reason: `${action} was denied (${code})` };
  if (UNSUPPORTED.has(code)) return { kind: 'unsupported', code, reason: `${action} is not supported here (${code})` };
  if (THROTTLED.has(code)) return { kind: 'throttled', code, reason: `${action} stayed throttled after retries (${code})` };
  if (UNREACHABLE.has(code)) return { kind: 'unreachable', code, reason: `${action} could not be reached (${code})` };
  return { kind: 'error', code, reason: `${action} failed (${code}: ${message})` };
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 197)}…` : line;
}
