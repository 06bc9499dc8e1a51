/**
 * Errors the CLI turns into exit codes with a one-line message (never a stack trace).
 * Anything else that escapes is a bug and is reported as such.
 */
export class InputError extends Error {
  readonly exitCode = 2;
  override readonly name = 'InputError';
}

export class ScanError extends Error {
  readonly exitCode = 3;
  override readonly name = 'ScanError';
}
