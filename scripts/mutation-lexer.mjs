// A small Rego lexer and line-structure analysis for the mutation tool (scripts/mutation.mjs).
// It only needs what mutants need: where code is (comments and METADATA are skipped because
// they are comments), which tokens are comparisons, constants and strings, and which source
// lines are whole statements of a rule body (so one can be dropped or negated without touching
// the rest). opa itself is the judge of whether a mutant still parses: every mutant is compiled
// before it counts, so this analysis may be approximate but never changes a verdict.

const OPERATORS = [':=', '==', '!=', '<=', '>=', '<', '>', '=', '|', '&', '+', '-', '*', '/', '%', '.', ',', ';', ':'];
const OPEN = new Set(['{', '[', '(']);
const CLOSE = new Set(['}', ']', ')']);

/**
 * @typedef {{ type: 'ident'|'number'|'string'|'op'|'open'|'close', text: string, start: number,
 *   end: number, line: number, endLine: number }} Token
 */

/** Tokenizes Rego source; comments are dropped. Throws on an unterminated string. */
export function tokenize(source) {
  /** @type {Token[]} */
  const tokens = [];
  let i = 0;
  let line = 1;
  const push = (type, start, end, startLine) => tokens.push({ type, text: source.slice(start, end), start, end, line: startLine, endLine: line });
  while (i < source.length) {
    const c = source[i];
    if (c === '\n') { line++; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '#') { while (i < source.length && source[i] !== '\n') i++; continue; }
    const start = i;
    const startLine = line;
    if (c === '"') {
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\\') i++;
        else if (source[i] === '\n') throw new Error(`line ${startLine}: unterminated string`);
        i++;
      }
      if (i >= source.length) throw new Error(`line ${startLine}: unterminated string`);
      i++;
      push('string', start, i, startLine);
      continue;
    }
    if (c === '`') {
      i++;
      while (i < source.length && source[i] !== '`') { if (source[i] === '\n') line++; i++; }
      if (i >= source.length) throw new Error(`line ${startLine}: unterminated raw string`);
      i++;
      push('string', start, i, startLine);
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(source.slice(i));
      i += m[0].length;
      push('number', start, i, startLine);
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      while (i < source.length && /[A-Za-z0-9_]/.test(source[i])) i++;
      push('ident', start, i, startLine);
      continue;
    }
    if (OPEN.has(c)) { i++; push('open', start, i, startLine); continue; }
    if (CLOSE.has(c)) { i++; push('close', start, i, startLine); continue; }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (!op) throw new Error(`line ${line}: unexpected character ${JSON.stringify(c)}`);
    i += op.length;
    push('op', start, i, startLine);
  }
  return tokens;
}

/**
 * @typedef {{ open: number, kind: 'body'|'comp'|'literal', close: number }} Frame
 * @typedef {{ line: number, first: number, last: number, stack: Frame[], balanced: boolean,
 *   topLevel: boolean, rule: string|null }} Line
 * A Line is one source line's tokens [first, last] (indices into tokens), the brackets open
 * when it starts, and whether its own brackets balance (a whole statement on one line).
 */

/** Groups tokens by line and records the bracket context of each line. */
export function analyze(source) {
  const tokens = tokenize(source);
  /** @type {Frame[]} */
  const stack = [];
  /** @type {Line[]} */
  const lines = [];
  let current = null;
  let rule = null;
  let everyPending = false;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t];
    if (!current || tok.line !== current.line) {
      if (current) finishLine(current, tokens, stack);
      current = { line: tok.line, first: t, last: t, stack: stack.map((f) => ({ ...f })), frames: stack.slice(), balanced: true, topLevel: stack.length === 0, rule: null };
      if (current.topLevel) rule = ruleNameOf(tokens, t) ?? rule;
      current.rule = rule;
      lines.push(current);
    }
    current.last = t;
    if (tok.type === 'ident' && tok.text === 'every') everyPending = true;
    if (tok.type === 'open') {
      const prev = tokens[t - 1];
      // A `{` right after `if`, or closing an `every … in xs` header, opens a rule body; any
      // other bracket is a literal until a `|` turns it into a comprehension.
      const body = tok.text === '{' && ((prev?.type === 'ident' && prev.text === 'if') || everyPending);
      if (tok.text === '{') everyPending = false;
      stack.push({ open: t, kind: body ? 'body' : 'literal', close: -1 });
    } else if (tok.type === 'close') {
      const frame = stack.pop();
      if (frame) frame.close = t;
    } else if (tok.type === 'op' && tok.text === '|' && stack.length) {
      stack[stack.length - 1].kind = stack[stack.length - 1].kind === 'literal' ? 'comp' : stack[stack.length - 1].kind;
    }
  }
  if (current) finishLine(current, tokens, stack);
  // Frames were copied at line start; point them at the final frames so `close` is known.
  for (const l of lines) {
    l.stack = l.frames.map((f, k) => ({ open: f.open, kind: l.stack[k].kind, close: f.close }));
    delete l.frames;
  }
  return { tokens, lines };
}

function finishLine(line, tokens, stackAfter) {
  let depth = 0;
  let ok = true;
  for (let t = line.first; t <= line.last; t++) {
    if (tokens[t].type === 'open') depth++;
    else if (tokens[t].type === 'close') { depth--; if (depth < 0) ok = false; }
    if (tokens[t].endLine !== tokens[t].line) ok = false;
  }
  line.balanced = ok && depth === 0 && stackAfter.length === line.frames.length;
}

const NOT_RULES = new Set(['package', 'import', 'else']);

/** The rule a top-level line starts (`violations contains …`, `f(x) := …`, `default p := …`). */
function ruleNameOf(tokens, t) {
  const tok = tokens[t];
  if (tok.type !== 'ident' || NOT_RULES.has(tok.text)) return null;
  if (tok.text === 'default') return tokens[t + 1]?.type === 'ident' ? tokens[t + 1].text : null;
  return tok.text;
}
