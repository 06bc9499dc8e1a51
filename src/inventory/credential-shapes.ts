// A copy of the credential tests of policies/lib/lib.rego (secret_name_words,
// secret_value_patterns, aws_secret_key), for two jobs done before any Rego runs:
// - the lifecycle-script collector decides which parts of a script may be written to the
//   inventory at all: a script word that is not a credential shape is dropped, so no
//   unclassified script text reaches inventory.json;
// - the engine picks, in any field of a resource, the string values shaped like a credential,
//   which the redaction check (policies/redaction.rego, lib.looks_secret) then confirms.
// test/collect/credential-shapes.test.ts fails when this copy and lib.rego drift apart.

/** lib.secret_name_words. */
export const SECRET_NAME_WORDS: readonly string[] = [
  'secret', 'password', 'passwd', 'api_key', 'api-key', 'apikey', 'access_key', 'access-key',
  'accesskey', 'private_key', 'private-key', 'privatekey', 'credential',
];

/** lib.secret_value_patterns' patterns, in order (RE2 and JavaScript read them the same way). */
export const SECRET_VALUE_PATTERNS: readonly string[] = [
  '(A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}',
  '-----BEGIN ([A-Z]+ )?PRIVATE KEY-----',
  'gh[pousr]_[A-Za-z0-9]{36}',
  'github_pat_[A-Za-z0-9_]{22,}',
  'xox[baprs]-[A-Za-z0-9-]{10,}',
  [
    '(^|[^A-Za-z0-9_-])sk-(proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}',
    '(^|[^A-Za-z0-9_-])sk-ant-(api|admin)[0-9]{2}-[A-Za-z0-9_-]{20,}',
    '(^|[^A-Za-z0-9_-])sk-[A-Za-z0-9]{32,}',
  ].join('|'),
  '(^|[^A-Za-z0-9])[sr]k_live_[A-Za-z0-9]{20,}',
  '(^|[^A-Za-z0-9])hf_[A-Za-z0-9]{30,}',
  '(^|[^A-Za-z0-9])AIza[A-Za-z0-9_-]{35}',
  '(^|[^A-Za-z0-9])(gsk|r8|npm)_[A-Za-z0-9]{30,}',
  '(^|[^A-Za-z0-9_-])(xai|pplx)-[A-Za-z0-9]{40,}',
  '(^|[^A-Za-z0-9_-])nvapi-[A-Za-z0-9_-]{60,}',
  '(^|[^A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}',
  '(^|[^A-Za-z0-9])GOCSPX-[A-Za-z0-9_-]{24,}',
  '(^|[^A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}',
  '[A-Za-z][A-Za-z0-9+.-]*://[^ \\t\\r\\n/@:]*:[^ \\t\\r\\n/@$<{%][^ \\t\\r\\n/@]*@[^ \\t\\r\\n/@]',
];

const VALUE_SHAPES = SECRET_VALUE_PATTERNS.map((pattern) => new RegExp(pattern));

/** lib.secret_name: a name that says it holds a credential (HF_TOKEN, but not MAX_NEW_TOKENS). */
export function secretName(name: string): boolean {
  const lowered = name.toLowerCase();
  if (SECRET_NAME_WORDS.some((word) => lowered.includes(word))) return true;
  return lowered.includes('token') && !lowered.includes('tokens') && !lowered.includes('tokeniz');
}

/** lib.aws_secret_key: a whole value of 40 base64 characters (mixed case and a digit), or one after aws_secret_access_key=. */
function awsSecretKey(value: string): boolean {
  const bare = value.replace(/^["' ]+|["' ]+$/g, '');
  if (/^[A-Za-z0-9/+]{40}$/.test(bare) && /[A-Z]/.test(bare) && /[a-z]/.test(bare) && /[0-9]/.test(bare)) return true;
  return value.toLowerCase().includes('secret') && /aws_?secret_?access_?key["']?\s*[:=]\s*["']?[A-Za-z0-9/+]{40}([^A-Za-z0-9/+]|$)/i.test(value);
}

/** A value shaped like a credential whatever its name (lib.looks_secret("", value)). */
export function credentialShaped(value: string): boolean {
  return VALUE_SHAPES.some((shape) => shape.test(value)) || awsSecretKey(value);
}

/** lib.secret_value_patterns' fixed parts, one of which every match of a pattern contains, and the "secret access" of an aws_secret_access_key assignment. */
// A URL's password: its "://user:" and "@" (JSON escaping only adds characters none of the
// classes exclude), so an ordinary URL (s3://bucket/key) is not walked.
const URL_PASSWORD = /:\/\/[^ \t\r\n/@:]*:[^ \t\r\n/@]*@/;
const SHAPE_MARKERS = new RegExp(`AKIA|ASIA|ABIA|ACCA|A3T|PRIVATE KEY-----|gh[pousr]_|github_pat_|xox[baprs]-|sk-|[sr]k_live_|hf_|AIza|gsk_|r8_|npm_|xai-|pplx-|nvapi-|glpat-|GOCSPX-|eyJ|[Ss][Ee][Cc][Rr][Ee][Tt]_?[Aa][Cc][Cc][Ee][Ss][Ss]|${URL_PASSWORD.source}`);
/** A string token's escaped text that is a whole AWS secret key: 40 key characters, quotes (\") and spaces around them. */
const WHOLE_SECRET_KEY = /^(?:\\"|[' ])*[A-Za-z0-9/+]{40}(?:\\"|[' ])*$/;
const COLON = 58;
/** The shortest text any shape but a URL's password matches ("xoxb-" and 10 characters). */
const SHORTEST_SHAPE = 15;
/** The shortest URL with a password ("a://:p@h"). */
const SHORTEST_URL_PASSWORD = 8;

/**
 * A cheap test of a resource's compact JSON text (JSON.stringify's) that every resource holding a
 * credential-shaped string value passes: one of its string values holds a shape's fixed part,
 * or is a whole AWS secret key. Keys are skipped: redaction replaces values only. A resource
 * that fails it holds no such value and is never walked; one that passes is walked value by
 * value (credentialShaped).
 *
 * Why this is exact enough: JSON's escaping changes no character a shape is made of (ASCII
 * letters, digits, "_-/+" and space) and only lengthens a token, so a token shorter than the
 * shortest shape holds none, and a shape's text appears in its token as it is. Token by token
 * rather than one regex over the text: the regex, a 40-character run anywhere included, took
 * ~11 µs a resource on the benchmark, this ~4.5 µs (docs/engine.md). Property-tested against
 * credentialShaped in test/inventory/credential-shape-hint.test.ts.
 */
export function mayHoldCredentialShape(json: string): boolean {
  let open = json.indexOf('"');
  while (open !== -1) {
    let close = json.indexOf('"', open + 1);
    // A quote preceded by an odd number of backslashes is part of the string.
    while (close !== -1 && escapedAt(json, close, open)) close = json.indexOf('"', close + 1);
    if (close === -1) return false;
    // A key (its closing quote is followed by a colon in compact JSON) is never redacted, so never looked at.
    const length = close - open - 1;
    if (length >= SHORTEST_URL_PASSWORD && json.charCodeAt(close + 1) !== COLON) {
      const token = json.slice(open + 1, close);
      if (length < SHORTEST_SHAPE ? URL_PASSWORD.test(token) : SHAPE_MARKERS.test(token) || (length >= 40 && WHOLE_SECRET_KEY.test(token))) return true;
    }
    open = json.indexOf('"', close + 1);
  }
  return false;
}

function escapedAt(json: string, quote: number, open: number): boolean {
  let backslashes = 0;
  for (let i = quote - 1; i > open && json.charCodeAt(i) === 92; i--) backslashes++;
  return backslashes % 2 === 1;
}
