// HTML input (.htm, .html): the visible text of the page becomes the document's original text. Scripts,
// styles and other invisible elements are dropped, entities decoded, block elements end a line, and white
// space is collapsed as a browser renders it (a line break between two Chinese characters disappears, as in
// CSS Text 3). The page's <meta charset> is honoured by decode (a BOM still wins).
import { Parser } from 'htmlparser2';

/** The charset a page declares in its first 4 KB (<meta charset=…> or http-equiv content-type), or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  const m =
    /<meta[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head) ??
    /<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)/i.exec(head);
  return m ? m[1]! : null;
}

/** Elements whose content is never shown. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'svg', 'math', 'select', 'textarea', 'button']);
/** Elements that start and end a line of text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'br',
]);
const CELL = new Set(['td', 'th']);
/** East Asian wide characters: a line break between two of them is removed rather than turned into a space. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** The visible text of an HTML page. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let hidden = 0;
  let pre = 0;
  let pendingSpace: string | null = null; // collapsed white space waiting for the next visible character
  let lineStart = true;

  const lastChar = (): string => {
    for (let i = out.length - 1; i >= 0; i--) {
      const s = out[i]!;
      if (s.length) return s[s.length - 1]!;
    }
    return '\n';
  };
  const newline = () => {
    pendingSpace = null;
    if (!lineStart) {
      out.push('\n');
      lineStart = true;
    }
  };
  const emit = (s: string) => {
    if (!s) return;
    if (pendingSpace !== null && !lineStart) {
      const before = lastChar();
      const after = s[0]!;
      // CSS Text 3: a segment break between two wide characters is removed; other white space becomes one space
      if (!(pendingSpace.includes('\n') && WIDE.test(before) && WIDE.test(after))) out.push(' ');
    }
    pendingSpace = null;
    out.push(s);
    lineStart = s.endsWith('\n');
  };

  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden++;
        if (hidden) return;
        if (name === 'pre') pre++;
        if (BLOCK.has(name)) newline();
        else if (CELL.has(name) && !lineStart) {
          pendingSpace = null;
          out.push('\t');
        }
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) {
          hidden = Math.max(0, hidden - 1);
          return;
        }
        if (hidden) return;
        if (name === 'pre') pre = Math.max(0, pre - 1);
        if (BLOCK.has(name)) newline();
      },
      ontext(data) {
        if (hidden) return;
        if (pre) {
          emit(data);
          return;
        }
        // collapse runs of white space, remembering whether a run held a line break
        const re = /[ \t\n\r\f]+/g;
        let last = 0;
        for (let m = re.exec(data); m; m = re.exec(data)) {
          if (m.index > last) emit(data.slice(last, m.index));
          pendingSpace = (pendingSpace ?? '') + m[0];
          last = m.index + m[0].length;
        }
        if (last < data.length) emit(data.slice(last));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return out
    .join('')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function isHtmlPath(path: string): boolean {
  return /\.html?$/i.test(path);
}

/** Whether bytes are a web page whatever the file's name: a page saved by a browser or a scraper as .txt starts,
 * after a UTF-8 byte-order mark and white space, with <!DOCTYPE html> or an <html> tag (an ASCII-compatible
 * encoding; a UTF-16 page under another name is read as text). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  const head = Buffer.from(bytes.buffer, bytes.byteOffset + i, Math.min(bytes.length - i, 16)).toString('latin1').toLowerCase();
  return /^(?:<!doctype\s+html|<html[\s>])/.test(head);
}
