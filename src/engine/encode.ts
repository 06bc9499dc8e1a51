const encoder = new TextEncoder();
/** opa-wasm takes pre-serialised JSON as an ArrayBuffer (it reads the whole buffer). */
export function encode(text: string): ArrayBuffer {
  const bytes = encoder.encode(text);
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
    ? bytes.buffer
    : bytes.slice().buffer;
}
