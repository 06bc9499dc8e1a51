const WASM_PAGE = 64 * 1024;
/** The wasm32 limit, 4 GiB: the most the memory may grow to. */
export const MAX_PAGES = 65536;
/**
 * The largest initial size that works. OPA's allocator places its heap top at the end of the
 * initial memory as a 32-bit byte address; at exactly 65,536 pages that address is 2^32, which
 * wraps to 0, and every opa_malloc then fails ("opa_malloc: failed", measured with opa-wasm
 * 1.10.0 and OPA 1.22; test/engine/wasm-memory.test.ts shows both sides of the boundary).
 */
export const MAX_INITIAL_PAGES = MAX_PAGES - 1;

/**
 * OPA's allocator grows wasm memory in small steps, and growth is what makes a large setData
 * slow (24 MB of context: 7.8 s with 4x headroom, 0.78 s with 12x, 0.26 s with 24x). Reserving
 * is cheap — untouched pages never become resident — so reserve generously up front.
 */
export function memoryFor(contextBytes: number): { initial: number; maximum: number } {
  const wanted = Math.ceil((contextBytes * 24 + 64 * 1024 * 1024) / WASM_PAGE);
  return { initial: Math.min(wanted, MAX_INITIAL_PAGES), maximum: MAX_PAGES };
}
