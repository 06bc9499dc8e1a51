import { isJsonObject, type JsonObject, type JsonValue } from '../../json.js';
import { scriptEntries } from './sagemaker-lifecycle.js';

// A Prompt Flow's InlineCode nodes carry Python source in the flow definition
// (definition.nodes[].configuration.inlineCode.code). Source code is the place a developer pastes
// an API key, and GetFlow returns it in full: written as is, inventory.json would carry it (the
// inventory's redaction judges environment-like maps, not free text). So the code is never kept:
// as for notebook lifecycle scripts, only its credential settings and token-shaped words are,
// as an `Environment` map that redaction then judges like any other (credential-looking values
// replaced, names kept).

/** The flow's configuration with every inline-code node's source replaced by its credential entries. */
export function withoutInlineCode(configuration: JsonObject): JsonObject {
  const definition = configuration.definition;
  if (!isJsonObject(definition) || !Array.isArray(definition.nodes)) return configuration;
  return { ...configuration, definition: { ...definition, nodes: definition.nodes.map(nodeWithoutCode) } };
}

function nodeWithoutCode(node: JsonValue): JsonValue {
  if (!isJsonObject(node) || !isJsonObject(node.configuration)) return node;
  const inline = node.configuration.inlineCode;
  if (!isJsonObject(inline)) return node;
  const { code, ...rest } = inline;
  const kept: JsonObject = { ...rest, Environment: typeof code === 'string' ? scriptEntries(code) : {} };
  return { ...node, configuration: { ...node.configuration, inlineCode: kept } };
}
