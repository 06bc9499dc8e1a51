/**
 * cafscan only reads. Every API action a collector declares, and every command actually sent,
 * must be a read: this list is what the read-only test and docs/iam-policy.json check against.
 */
const READ_PREFIXES = ['Get', 'List', 'Describe', 'Select', 'BatchGet', 'Head'];

/** Writes that only produce a report and change nothing else. */
const READ_EXCEPTIONS = new Set(['iam:GenerateCredentialReport', 'iam:GenerateServiceLastAccessedDetails']);

export function isReadAction(action: string): boolean {
  if (READ_EXCEPTIONS.has(action)) return true;
  const operation = action.split(':')[1] ?? '';
  return READ_PREFIXES.some((prefix) => operation.startsWith(prefix) && /^[A-Z]/.test(operation.slice(prefix.length) || 'X'));
}
