// Project checks on the Rego sources (policies/, tests excluded) that opa check cannot make:
//
//   not-call-on-field  `not f(x.field)` (any call, builtin or function, on a reference with a path).
//     When the field is absent the reference is undefined, so the whole expression is undefined,
//     not true: `not is_array(configuration.attachedManagedPolicies)` does not fire on a resource
//     without the key — a false pass. Write `not is_array(object.get(x, "field", null))`, or test
//     presence explicitly. (`not x.field == "a"`, without a call, is true when absent: not flagged.)
//   js-builtin         a call to a builtin that OPA's wasm compiler does not compile in, so that
//     policy.wasm imports it from @open-policy-agent/opa-wasm's JavaScript: sprintf (sprintf-js:
//     throws on %q, on %v of null, on %d of a non-number; and one call out of wasm per message
//     was a third of evaluation time), regex.split (JS RegExp, not RE2), yaml.* (yaml 1.x).
//     Build messages with concat, lib.text and format_int (docs/writing-controls.md). No
//     exception comment silences it: test/engine/builtins-audit.test.ts fails on any import too.
//
// An audited exception (not-call-on-field only): a comment on the line or the line above,
//   # lint-rego: allow <rule> — <why this reference is always present>
// Every violation fails: there is no baseline of tolerated ones.
//
// `node scripts/lint-rego.mjs [--json]`: exit 1 on any violation.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './opa-cli.mjs';
import { regoSources } from './policy-catalog.mjs';

/** Builtins opa-wasm 1.10.0 implements in JavaScript that OPA 1.22's wasm compiler imports (json.is_valid it compiles natively). */
export const JS_BUILTINS = ['sprintf', 'regex.split', 'yaml.is_valid', 'yaml.marshal', 'yaml.unmarshal'];
const JS_BUILTIN_CALL = new RegExp(`(?<![\\w.])(${JS_BUILTINS.map((b) => b.replace('.', '\\.')).join('|')})\\s*\\(`, 'g');

const ALLOW = /#\s*lint-rego:\s*allow\s+([\w-]+)\s*(?:—|-|:)\s*(\S.{9,})/;

/** Source with string contents and comments blanked (same length, same lines), for scanning code. */
function codeOnly(source) {
  let out = '';
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    if (c === '"' || c === '`') {
      let j = i + 1;
      while (j < source.length && source[j] !== c && !(c === '"' && source[j] === '\n')) j += c === '"' && source[j] === '\\' ? 2 : 1;
      out += c + source.slice(i + 1, j).replace(/[^\n]/g, ' ') + (source[j] ?? '');
      i = j + 1;
    } else if (c === '#') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Text from `start` to the end of the expression: a `;`, an unbalanced closer or the line end. */
function expressionAt(code, start) {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      if (depth === 0) return code.slice(start, i);
      depth--;
    } else if ((c === ';' && depth === 0) || (c === '\n' && depth === 0)) return code.slice(start, i);
  }
  return code.slice(start);
}

/** Arguments of every call in an expression (nested calls included), as code text. */
function callArguments(expression) {
  const args = [];
  for (const call of expression.matchAll(/\b[A-Za-z_][\w.]*\(/g)) {
    let depth = 0;
    const begin = call.index + call[0].length;
    for (let i = begin; i < expression.length; i++) {
      const c = expression[i];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) {
          args.push(expression.slice(begin, i));
          break;
        }
        depth--;
      }
    }
  }
  return args;
}

// Fields every inventory resource has (src/model/inventory.ts), and input.resource itself: a
// reference that ends at one of them, on a resource, cannot be absent.
const ALWAYS_PRESENT = /^(?:input\.resource|input\.resource\.(?:type|id|arn|accountId|region|configuration|supplementaryConfiguration|relationships)|input\.scan(?:\.time|\.time_ns)?|[a-z_]\w*\.(?:type|arn|accountId|region|configuration|supplementaryConfiguration|relationships))$/;

/** A reference with a path (x.field, x["field"], x[i]) whose root is not an imported package. */
function fieldReference(args, importAliases) {
  // The path must not end inside a name (object.ge|t) nor be a function being called.
  for (const ref of args.matchAll(/(?<![\w.])([A-Za-z_]\w*)((?:\.[A-Za-z_]\w*|\[[^\]]*\])+)(?![\w(]|\s*\()/g)) {
    if (!importAliases.has(ref[1]) && !ALWAYS_PRESENT.test(ref[0])) return ref[0];
  }
  return null;
}

function lintFile(file) {
  return lintSource(relative(repoRoot, file).replaceAll('\\', '/'), readFileSync(file, 'utf8'));
}

/** Violations in one Rego source; `name` is how they name the file. */
export function lintSource(name, source) {
  const code = codeOnly(source);
  const lines = source.split('\n');
  // Imported packages are rules and functions, not resource fields (data.x.y lookups are checked).
  const importAliases = new Set();
  for (const m of source.matchAll(/^import\s+data\.([\w.]+?)(?:\s+as\s+(\w+))?\s*$/gm)) importAliases.add(m[2] ?? m[1].split('.').pop());
  const lineOf = (index) => code.slice(0, index).split('\n').length;
  const found = [];
  const report = (rule, index, detail) => {
    const line = lineOf(index);
    const allowed = rule !== 'js-builtin' && [lines[line - 1], lines[line - 2]].some((l) => {
      const m = l !== undefined ? ALLOW.exec(l) : null;
      return m !== null && m[1] === rule;
    });
    const duplicate = found.some((f) => f.line === line && f.rule === rule && f.detail === detail);
    if (!allowed && !duplicate) found.push({ file: name, line, rule, code: lines[line - 1].trim(), detail });
  };
  for (const negation of code.matchAll(/(?<![\w.])not\s+/g)) {
    const expression = expressionAt(code, negation.index + negation[0].length);
    const ref = fieldReference(callArguments(expression).join(' '), importAliases);
    if (ref) report('not-call-on-field', negation.index, `${ref} may be absent: then the expression is undefined, not true`);
  }
  for (const call of code.matchAll(JS_BUILTIN_CALL)) {
    report('js-builtin', call.index, `${call[1]} is implemented in JavaScript by opa-wasm: use native builtins (concat, lib.text, format_int for messages)`);
  }
  return found;
}

/** Every violation of the policy sources. */
export function lintRego() {
  return { violations: regoSources().flatMap(lintFile) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { violations } = lintRego();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(violations.map(({ file, rule, code }) => ({ file, rule, code })), null, 2));
    process.exit(0);
  }
  for (const v of violations) console.error(`${v.file}:${v.line}: ${v.rule}: ${v.detail}\n    ${v.code}`);
  console.log(`lint-rego: ${violations.length} violation(s)`);
  process.exit(violations.length ? 1 : 0);
}
