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

/**
 * The reports could not be written. Exit 3 ("the scan could not run"): nothing in the output
 * directory changed. Exit 4: replacing the previous reports failed *and* putting them back failed
 * too, so the directory holds a mix; the message names where the previous files are.
 */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  constructor(
    message: string,
    readonly exitCode: 3 | 4 = 3,
  ) {
    super(message);
  }
}
