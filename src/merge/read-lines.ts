/** Why a file could not be read, in a few words (the errno code spelled out for the common ones). */
export function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'a directory, not a file';
  return code ?? (error instanceof Error ? error.message : String(error));
}
