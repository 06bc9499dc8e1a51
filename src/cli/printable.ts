/**
 * Text from input files and file names ends up in stderr messages. Control characters would
 * break the one-line promise (a newline), move the cursor or recolour the terminal (escape
 * sequences), and invisible format characters (a byte-order mark, zero-width or bidi controls)
 * make a message lie about what it shows. Each is written as a visible \u{…} escape instead.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`);
}
