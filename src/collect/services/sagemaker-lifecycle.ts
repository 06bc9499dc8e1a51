import {
  DescribeNotebookInstanceLifecycleConfigCommand,
  type DescribeNotebookInstanceLifecycleConfigCommandOutput,
  type NotebookInstanceLifecycleHook,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { JsonObject } from '../../json.js';
import type { CollectorContext } from '../collector.js';
import { credentialShaped, secretName } from '../../inventory/credential-shapes.js';

// Part of the SageMaker collector: the lifecycle configuration a notebook instance runs
// (OnCreate / OnStart shell scripts, base64-encoded). The scripts themselves are never kept:
// only what the secret checks need, as an environment-like map so the redaction of
// inventory.json (policies/redaction.rego, the same test as CAFAI-AS-50's) hides every value that
// looks like a credential. Kept are: shell assignments by name; setters, flags and key/value
// lines (YAML, INI, JSON, Python) whose name says credential; URL passwords; and words shaped
// like a token (credential-shapes.ts, lib.rego's shapes). Everything else — commands, paths,
// prose, and any word the scanner cannot classify — is dropped here, so it never reaches
// inventory.json.

/** Bounds what one script can add to the inventory (a script is at most 16 KiB). */
const MAX_ENTRIES = 400;

// A value as the shell would read it: double-quoted, single-quoted or bare.
const VALUE = `(?:"([^"\\n]*)"|'([^'\\n]*)'|([^\\s;&|"'\`)]+))`;
// NAME=value (export, env, .env lines, echo NAME=value >> file, --name=value).
const ASSIGNMENT = new RegExp(`\\b([A-Za-z_][A-Za-z0-9_.-]*)=${VALUE}`, 'g');
// aws configure set aws_secret_access_key VALUE (and other NAME VALUE setters of that form).
const CONFIGURE_SET = /\bconfigure\s+set\s+(?:--profile\s+\S+\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s+["']?([^\s"';&|]+)/g;
// scheme://user:password@host — the password is a credential whatever the URL.
const URL_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^\s/:@'"]+:([^\s/@'"]+)@/gi;
// --password VALUE, --hf-token VALUE, --api-key VALUE: a long option whose name ends in a credential word
// (--name=value is an ASSIGNMENT).
const CREDENTIAL_FLAG = new RegExp(`(?:^|[\\s;&|(])(--[A-Za-z0-9_-]*(?:password|passwd|secret|token|api-key|apikey|access-key|private-key))[ \\t]+(?!-)${VALUE}`, 'gi');
// mysql -u admin -pPASSWORD (the MySQL and MariaDB clients' password glued to -p); sshpass -p PASSWORD.
const MYSQL_PASSWORD = new RegExp(`\\b(?:mysql[a-z]*|mariadb[a-z-]*)\\b[^\\n;&|]*?[ \\t]-p${VALUE}`, 'g');
const SSHPASS_PASSWORD = new RegExp(`\\bsshpass\\b[^\\n;&|]*?[ \\t]-p[ \\t]*${VALUE}`, 'g');
// A line "name: value" or "name = value" (YAML, INI, TOML, Python, a heredoc's config file).
const KEY_VALUE_LINE = /^[ \t]*(?:-[ \t]+)?(?:export[ \t]+)?["']?([A-Za-z_][\w.-]*)["']?[ \t]*[:=][ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'#][^\n]*?))[ \t]*,?[ \t]*$/gm;
// "name": "value", ["name"] = "value" (JSON, Python dictionaries and os.environ), anywhere on a line.
const QUOTED_KEY = /["']([A-Za-z_][\w.-]*)["'][ \t]*\]?[ \t]*[:=][ \t]*(?:"([^"\n]*)"|'([^'\n]*)')/g;

/** The value a shell assignment gives: `$NAME…` (bare or double-quoted) is the expansion `${NAME}…`, a reference like `$(…)`. */
function shellValue(match: RegExpMatchArray, first: number): string {
  const single = match[first + 1];
  if (single !== undefined) return single;
  const value = match[first] ?? match[first + 2] ?? '';
  const variable = /^\$([A-Za-z_][A-Za-z0-9_]*)/.exec(value);
  return variable ? `\${${variable[1]}}${value.slice(variable[0].length)}` : value;
}

/**
 * A script's credential-relevant entries (name → value) and its token-shaped words (under
 * "(word N)", N from 1 in order of appearance), as an environment-like map: inventory redaction
 * replaces a credential-looking value and keeps its name, so a re-scan of the redacted inventory
 * names the same variables. The first entry of a name wins; everything else of the script is dropped.
 */
export function scriptEntries(script: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const consumed: string[] = [];
  const assign = (name: string, value: string) => {
    if (!Object.hasOwn(entries, name) && Object.keys(entries).length < MAX_ENTRIES) entries[name] = value;
  };
  for (const match of script.matchAll(ASSIGNMENT)) {
    assign(match[1]!, shellValue(match, 2));
    consumed.push(match[0]);
  }
  for (const match of script.matchAll(CONFIGURE_SET)) {
    assign(match[1]!, match[2]!);
    consumed.push(match[0]);
  }
  let passwords = 0;
  for (const match of script.matchAll(URL_PASSWORD)) {
    assign(passwords++ ? `url_password_${passwords}` : 'url_password', match[1]!);
    consumed.push(match[0]);
  }
  for (const match of script.matchAll(CREDENTIAL_FLAG)) {
    assign(match[1]!, shellValue(match, 2));
    consumed.push(match[0]);
  }
  for (const [pattern, name] of [[MYSQL_PASSWORD, 'mysql -p (password)'], [SSHPASS_PASSWORD, 'sshpass -p (password)']] as const) {
    for (const match of script.matchAll(pattern)) {
      assign(name, shellValue(match, 1));
      consumed.push(match[0]);
    }
  }
  // Key/value forms of other languages are kept only under a credential name: their other
  // settings are not the shell's environment, and their values are judged as words below.
  for (const pattern of [KEY_VALUE_LINE, QUOTED_KEY]) {
    for (const match of script.matchAll(pattern)) {
      if (!secretName(match[1]!)) continue;
      assign(match[1]!, match[2] ?? match[3] ?? match[4] ?? '');
      consumed.push(match[0]);
    }
  }
  let rest = script;
  for (const text of consumed) rest = rest.split(text).join(' ');
  const words = new Set(rest.split(/[\s"'`;&|()<>]+/).filter(credentialShaped));
  let n = 0;
  for (const word of words) assign(`(word ${++n})`, word);
  return entries;
}

/** The hook's script as text; base64 as the API returns it. */
export function decodeHook(hook: NotebookInstanceLifecycleHook): string {
  return typeof hook.Content === 'string' ? Buffer.from(hook.Content, 'base64').toString('utf8') : '';
}

/** What the inventory keeps of a lifecycle configuration (see the file comment). */
export function lifecycleConfigFacts(output: DescribeNotebookInstanceLifecycleConfigCommandOutput): JsonObject {
  const scripts = (hooks: NotebookInstanceLifecycleHook[] | undefined) => (hooks ?? []).map((hook) => ({ Environment: scriptEntries(decodeHook(hook)) }));
  return {
    NotebookInstanceLifecycleConfigName: output.NotebookInstanceLifecycleConfigName ?? null,
    NotebookInstanceLifecycleConfigArn: output.NotebookInstanceLifecycleConfigArn ?? null,
    OnCreate: scripts(output.OnCreate),
    OnStart: scripts(output.OnStart),
  };
}

/**
 * Reads each lifecycle configuration once, however many notebook instances run it: the facts,
 * or why they could not be read.
 */
export function lifecycleConfigReader(ctx: CollectorContext, api: Pick<SageMakerClient, 'send'>): (name: string) => Promise<{ facts: JsonObject } | { failure: string }> {
  const cache = new Map<string, Promise<{ facts: JsonObject } | { failure: string }>>();
  return (name) => {
    let pending = cache.get(name);
    if (!pending) {
      pending = ctx.call(() => api.send(new DescribeNotebookInstanceLifecycleConfigCommand({ NotebookInstanceLifecycleConfigName: name }))).then((result) => {
        if (result.status === 'ok') return { facts: lifecycleConfigFacts(result.output) };
        return { failure: result.status === 'failed' ? result.failure.reason : `the lifecycle configuration could not be described (${result.code})` };
      });
      cache.set(name, pending);
    }
    return pending;
  };
}
