/**
 * The most UTF-8 bytes `text` can take: 3 per UTF-16 code unit (a surrogate pair is 4 bytes for
 * 2 units). Room in a byte buffer is checked with it before writing, without measuring the text
 * first, which would be a second pass over it.
 */
export function utf8BytesAtMost(text: string): number {
  return text.length * 3;
}
