// Escaping for the report (issue 6): everything that comes from a document, a record or a file name goes
// through one of these before it reaches the HTML. Text nodes and attribute values use esc(); JSON embedded in
// a <script type="application/json"> block uses jsonForScript(), which cannot close the block.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape for an HTML text node or a quoted attribute value. Also drops characters HTML forbids (NUL and the
 * C0/C1 controls other than tab and newlines) so that a hostile document cannot upset the parser. */
export function esc(s: string | number | null | undefined): string {
  if (s === null || s === undefined) return '';
  return String(s)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, '\uFFFD')
    .replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/** JSON that is safe inside <script type="application/json">: no `<`, `>`, `&` or line separators survive
 * literally, so `</script>` or `<!--` in the data cannot end or confuse the block. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A relative URL made of path segments, each percent-encoded (file names may hold anything). */
export function urlPath(...segments: string[]): string {
  return segments.map((s) => (s === '..' || s === '.' ? s : encodeURIComponent(s))).join('/');
}
