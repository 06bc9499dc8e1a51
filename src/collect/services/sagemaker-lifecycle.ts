import {
  DescribeNotebookInstanceLifecycleConfigCommand,
  type DescribeNotebookInstanceLifecycleConfigCommandOutput,
  type NotebookInstanceLifecycleHook,
  type SageMakerClient,
} from '@aws-sdk/client-sagemaker';
import type { JsonObject } from '../../json.js';
import type { CollectorContext } from '../collector.js';

// Part of the SageMaker collector: the lifecycle configuration a notebook instance runs
// (OnCreate / OnStart shell scripts, base64-encoded). The scripts themselves are never kept:
// only what the secret checks need, as an environment-like map so the redaction of
// inventory.json (policies/redaction.rego, the same test as CAFAI-AS-50's) hides every value that
// looks like a credential. What is not an assignment or a long word (commands, short flags,
// comments' prose) is dropped.

/** Words shorter than this are commands, flags and paths, not tokens: every credential shape lib.rego knows is longer. */
const MIN_WORD = 16;
/** Bounds what one script can add to the inventory (a script is at most 16 KiB). */
const MAX_ENTRIES = 400;

// NAME=value (export, env, .env lines, echo NAME=value >> file); the value unquoted, or quoted.
const ASSIGNMENT = /\b([A-Za-z_][A-Za-z0-9_.-]*)=(?:"([^"]*)"|'([^']*)'|([^\s;&|"'`)]+))/g;
// aws configure set aws_secret_access_key VALUE (and other NAME VALUE setters of that form).
const CONFIGURE_SET = /\bconfigure\s+set\s+(?:--profile\s+\S+\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s+["']?([^\s"';&|]+)/g;
// scheme://user:password@host — the password is a credential whatever the URL.
const URL_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^\s/:@'"]+:([^\s/@'"]+)@/gi;

/**
 * A script's assignments (name → value) and long words (under "(word N)", N from 1 in order of
 * appearance), as an environment-like map: inventory redaction replaces a credential-looking
 * value and keeps its name, so a re-scan of the redacted inventory names the same variables.
 * The first assignment of a name wins; everything else of the script is dropped.
 */
export function scriptEntries(script: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const consumed: string[] = [];
  const assign = (name: string, value: string) => {
    if (!Object.hasOwn(entries, name) && Object.keys(entries).length < MAX_ENTRIES) entries[name] = value;
  };
  for (const match of script.matchAll(ASSIGNMENT)) {
    assign(match[1]!, match[2] ?? match[3] ?? match[4] ?? '');
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
  let rest = script;
  for (const text of consumed) rest = rest.split(text).join(' ');
  const words = new Set(rest.split(/[\s"'`;&|()<>]+/).filter((word) => word.length >= MIN_WORD));
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
