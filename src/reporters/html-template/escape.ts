/** Text and attribute values: resource names and messages come from the scanned account. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * JSON for a <script type="application/json"> block. `<` becomes \u003c so no value can close
 * the element (`</script>`) or open a comment; `>` and `&` go too for good measure, and U+2028/9
 * so the text stays valid if someone pastes it into JavaScript. JSON.parse reads it unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
