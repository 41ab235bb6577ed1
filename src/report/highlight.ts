// Highlights in the original text (issue 6). Records and garbled spans may overlap: an amount inside a project,
// a count whose span holds an amount, or two spans that cross. The marks are written as properly nested
// <span>s; a mark that crosses another is closed and reopened, and only its first piece carries
// data-record-id (the other pieces carry data-cont), so every record has exactly one element with its id.
import { esc } from './escape.js';

export interface Mark {
  start: number;
  end: number;
  /** CSS classes of the element. */
  cls: string;
  /** Record id (data-record-id on the first piece, data-cont on the others), or null for a plain mark. */
  id: string | null;
  title?: string;
}

/** The text (as code points) with the marks applied, as HTML. Marks must satisfy 0 <= start < end <= length;
 * callers keep the others apart. */
export function highlight(cps: readonly string[], marks: readonly Mark[]): string {
  const n = cps.length;
  const sorted = marks
    .map((m, order) => ({ m, order }))
    .sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end || a.order - b.order)
    .map((x) => x.m);
  const bounds = new Set<number>([0, n]);
  for (const m of sorted) {
    bounds.add(m.start);
    bounds.add(m.end);
  }
  const points = [...bounds].sort((a, b) => a - b);
  const out: string[] = [];
  const stack: Mark[] = [];
  const open = (m: Mark, first: boolean) => {
    let tag = `<span class="${esc(m.cls)}${first ? '' : ' cont'}"`;
    if (m.id !== null) tag += first ? ` data-record-id="${esc(m.id)}" tabindex="0"` : ` data-cont="${esc(m.id)}"`;
    if (m.title) tag += ` title="${esc(m.title)}"`;
    out.push(tag + '>');
  };
  let next = 0;
  for (let k = 0; k < points.length; k++) {
    const p = points[k]!;
    // close what ends here; what was opened inside it and goes on is closed and reopened as a continuation
    for (;;) {
      const i = stack.findIndex((m) => m.end <= p);
      if (i < 0) break;
      const reopen: Mark[] = [];
      while (stack.length > i) {
        const m = stack.pop()!;
        out.push('</span>');
        if (m.end > p) reopen.unshift(m);
      }
      for (const m of reopen) {
        stack.push(m);
        open(m, false);
      }
    }
    while (next < sorted.length && sorted[next]!.start === p) {
      const m = sorted[next++]!;
      stack.push(m);
      open(m, true);
    }
    const q = points[k + 1];
    if (q !== undefined && q > p) out.push(esc(cps.slice(p, q).join('')));
  }
  while (stack.length) {
    stack.pop();
    out.push('</span>');
  }
  return out.join('');
}
