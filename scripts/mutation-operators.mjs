// Generates the mutants of one Rego file, deterministically (same source → same mutants in the
// same order). Each mutant is one small edit that a test should notice:
//   comparison   == ↔ !=, < ↔ >=, > ↔ <=          (negated comparison)
//   boundary     < ↔ <=, > ↔ >=                   (off-by-one)
//   drop         one body statement (or a one-line rule body) replaced by `true`
//   negate       `not` added to / removed from a body statement or one-line rule body
//   constant     number n → n+1, true ↔ false, string "s" → "mutant:s"
//   quantifier   `some x in xs` ↔ `every x in xs { … }` over the rest of the body
// Comments (and so METADATA) are never touched; package and import lines neither.
import { analyze } from './mutation-lexer.mjs';

const NEGATED = { '==': '!=', '!=': '==', '<': '>=', '>=': '<', '>': '<=', '<=': '>' };
const BOUNDARY = { '<': '<=', '<=': '<', '>': '>=', '>=': '>' };
const MESSAGE_RULES = new Set(['missing', 'violations']);

/**
 * @typedef {{ start: number, end: number, text: string }} Edit
 * @typedef {{ line: number, rule: string, operator: string, category: 'logic'|'message',
 *   description: string, edits: Edit[] }} Mutant
 */

/** @returns {Mutant[]} */
export function mutantsOf(source) {
  const { tokens, lines } = analyze(source);
  /** @type {Mutant[]} */
  const out = [];
  const snippet = (l) => source.slice(tokens[l.first].start, tokens[l.last].end).replace(/\s+/g, ' ');
  const messageTokens = findMessageTokens(tokens, lines);

  for (const l of lines) {
    const first = tokens[l.first];
    if (l.topLevel && first.type === 'ident' && (first.text === 'package' || first.text === 'import')) continue;
    const rule = l.rule ?? '(file)';
    const add = (operator, category, description, edits) => out.push({ line: l.line, rule, operator, category, description, edits });
    const text = snippet(l);

    // Statement-level mutants first (they describe the whole line), then token-level ones.
    if (isBodyStatement(l, tokens)) {
      statementMutants(source, tokens, l.first, l.last, text, (op, d, e) => add(op, 'logic', d, e));
      quantifierMutants(source, tokens, lines, l, text, (op, d, e) => add(op, 'logic', d, e));
    }
    const inline = inlineBody(l, tokens);
    if (inline) {
      const [from, to] = inline;
      const body = source.slice(tokens[from].start, tokens[to].end).replace(/\s+/g, ' ');
      statementMutants(source, tokens, from, to, body, (op, d, e) => add(op, 'logic', `${d} in "${text}"`, e));
    }
    for (let t = l.first; t <= l.last; t++) {
      const tok = tokens[t];
      const at = (replacement) => [{ start: tok.start, end: tok.end, text: replacement }];
      if (tok.type === 'op' && NEGATED[tok.text]) {
        add('comparison', 'logic', `${tok.text} -> ${NEGATED[tok.text]} in "${text}"`, at(NEGATED[tok.text]));
        if (BOUNDARY[tok.text]) add('boundary', 'logic', `${tok.text} -> ${BOUNDARY[tok.text]} in "${text}"`, at(BOUNDARY[tok.text]));
      } else if (tok.type === 'number') {
        const n = Number(tok.text);
        const next = Number.isInteger(n) ? String(n + 1) : String(n * 2);
        add('constant', 'logic', `${tok.text} -> ${next} in "${text}"`, at(next));
      } else if (tok.type === 'ident' && (tok.text === 'true' || tok.text === 'false')) {
        const flipped = tok.text === 'true' ? 'false' : 'true';
        add('constant', 'logic', `${tok.text} -> ${flipped} in "${text}"`, at(flipped));
      } else if (tok.type === 'string') {
        const quote = tok.text[0];
        const mutated = `${quote}mutant:${tok.text.slice(1)}`;
        add('constant', messageTokens.has(t) ? 'message' : 'logic', `${tok.text} -> ${mutated} in "${text}"`, at(mutated));
      }
    }
  }
  return dedupe(source, out);
}

/** Drop (→ `true`) and negate (add/remove `not`) the statement spanning tokens [from, to]. */
function statementMutants(source, tokens, from, to, text, add) {
  const first = tokens[from];
  const whole = { start: first.start, end: tokens[to].end };
  if (!(from === to && first.text === 'true')) add('drop', `drop "${text}"`, [{ ...whole, text: 'true' }]);
  if (first.type === 'ident' && first.text === 'not' && from < to) {
    add('negate', `remove not in "${text}"`, [{ start: first.start, end: tokens[from + 1].start, text: '' }]);
    return;
  }
  if (first.type === 'ident' && (first.text === 'some' || first.text === 'every')) return;
  // `not x := y` never compiles; skip assignments and unifications instead of paying opa to say so.
  let depth = 0;
  for (let t = from; t <= to; t++) {
    const tok = tokens[t];
    if (tok.type === 'open') depth++;
    else if (tok.type === 'close') depth--;
    else if (depth === 0 && tok.type === 'op' && (tok.text === ':=' || tok.text === '=' || tok.text === ';')) return;
  }
  add('negate', `add not to "${text}"`, [{ start: first.start, end: first.start, text: 'not ' }]);
}

/** `some x in xs` → `every x in xs { rest of the body }`, and `every … {…}` → `some …`. */
function quantifierMutants(source, tokens, lines, l, text, add) {
  const first = tokens[l.first];
  const frame = l.stack[l.stack.length - 1];
  if (first.text === 'some' && tokens.slice(l.first, l.last + 1).some((t) => t.type === 'ident' && t.text === 'in')) {
    const closer = tokens[frame.close];
    if (!closer || !startsLine(lines, frame.close)) return;
    const lineStart = source.lastIndexOf('\n', closer.start) + 1;
    add('quantifier', `some -> every in "${text}"`, [
      { start: first.start, end: first.end, text: 'every' },
      { start: tokens[l.last].end, end: tokens[l.last].end, text: ' {' },
      { start: lineStart, end: lineStart, text: '}\n' },
    ]);
  }
}

/** `every x in xs {` header lines are not balanced, so they are handled here. */
function everyToSome(source, tokens, lines, out) {
  for (const l of lines) {
    const first = tokens[l.first];
    const last = tokens[l.last];
    if (first.text !== 'every' || last.text !== '{' || !l.stack.length) continue;
    const kind = l.stack[l.stack.length - 1].kind;
    if (kind !== 'body' && kind !== 'comp') continue;
    const closeIdx = matchingClose(tokens, l.last);
    if (closeIdx < 0 || !startsLine(lines, closeIdx)) continue;
    const closeLine = lines.find((x) => x.first === closeIdx);
    if (!closeLine || closeLine.last !== closeIdx) continue;
    const text = source.slice(first.start, last.end).replace(/\s+/g, ' ');
    out.push({ line: l.line, rule: l.rule ?? '(file)', operator: 'quantifier', category: 'logic', description: `every -> some in "${text}"`, edits: [
      { start: first.start, end: first.end, text: 'some' },
      { start: tokens[l.last - 1].end, end: last.end, text: '' },
      { start: tokens[closeIdx].start, end: tokens[closeIdx].end, text: '' },
    ] });
  }
}

function matchingClose(tokens, openIdx) {
  let depth = 0;
  for (let t = openIdx; t < tokens.length; t++) {
    if (tokens[t].type === 'open') depth++;
    else if (tokens[t].type === 'close' && --depth === 0) return t;
  }
  return -1;
}

function startsLine(lines, tokenIdx) {
  return lines.some((l) => l.first === tokenIdx);
}

/** A whole statement of a rule or comprehension body, alone on its line. */
function isBodyStatement(l, tokens) {
  if (!l.balanced || !l.stack.length) return false;
  const kind = l.stack[l.stack.length - 1].kind;
  if (kind !== 'body' && kind !== 'comp') return false;
  const first = tokens[l.first];
  const last = tokens[l.last];
  if (first.type === 'close' || first.type === 'op') return false;
  // A trailing operator or comma means the statement continues on the next line.
  if (last.type === 'op') return false;
  const next = tokens[l.last + 1];
  return !(next && next.type === 'op' && next.text !== '|');
}

/** Tokens [from, to] of a one-line rule body: `p if <expr>` with nothing after on the line. */
function inlineBody(l, tokens) {
  if (!l.balanced || l.stack.length) return null;
  let depth = 0;
  for (let t = l.first; t < l.last; t++) {
    const tok = tokens[t];
    if (tok.type === 'open') depth++;
    else if (tok.type === 'close') depth--;
    else if (depth === 0 && tok.type === 'ident' && tok.text === 'if') {
      if (tokens[t + 1].text === '{') return null;
      const next = tokens[l.last + 1];
      if (next && next.type === 'op') return null;
      return [t + 1, l.last];
    }
  }
  return null;
}

/**
 * Strings that only shape what the user is told: anything in the head of a `missing` /
 * `violations` rule, the value a body assigns to that head's variable, and sprintf formats.
 */
function findMessageTokens(tokens, lines) {
  const message = new Set();
  let headVar = null;
  for (const l of lines) {
    const first = tokens[l.first];
    if (l.topLevel && MESSAGE_RULES.has(l.rule ?? '') && first.text === l.rule) {
      headVar = null;
      const contains = tokens[l.first + 1]?.text === 'contains' ? l.first + 2 : -1;
      if (contains > 0 && tokens[contains].type === 'ident' && tokens[contains + 1]?.text === 'if') headVar = tokens[contains].text;
      for (let t = l.first; t <= l.last && tokens[t].text !== 'if'; t++) if (tokens[t].type === 'string') message.add(t);
    } else if (l.topLevel) {
      headVar = null;
    }
    if (headVar && first.text === headVar && tokens[l.first + 1]?.text === ':=') {
      for (let t = l.first; t <= l.last; t++) if (tokens[t].type === 'string') message.add(t);
    }
  }
  for (let t = 0; t + 2 < tokens.length; t++) {
    if (tokens[t].text === 'sprintf' && tokens[t + 1].text === '(' && tokens[t + 2].type === 'string') message.add(t + 2);
  }
  return message;
}

/** Apply a mutant's edits (non-overlapping) to the source. */
export function applyMutant(source, mutant) {
  let result = source;
  for (const e of [...mutant.edits].sort((a, b) => b.start - a.start)) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

/** Add the every→some mutants, then drop mutants identical to the source or to an earlier one. */
function dedupe(source, mutants) {
  const { tokens, lines } = analyze(source);
  const extra = [];
  everyToSome(source, tokens, lines, extra);
  const all = [...mutants, ...extra].sort((a, b) => a.line - b.line);
  const seen = new Set([source]);
  return all.filter((m) => {
    const text = applyMutant(source, m);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}
