// Bulletins as they are published: PDF (its text layer, read with Mozilla's pdf.js) and Word .docx (its
// word/document.xml, unzipped with fflate and read with htmlparser2 in XML mode). The text extracted is the
// document's original text (SPEC 2, 3): every offset points into it. Lines that a paragraph was broken into on the
// page are joined back (a number or a name broken at a line end, `1310亿\n元`, is whole again); paragraphs, and a
// table's cells, are lines.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { DecodeError } from './decode.js';

export type Format = 'text' | 'html' | 'pdf' | 'docx';

/** The format a file is read as, by its name (a web page under another name is found by decodeDocument). */
export function formatOfPath(path: string): 'pdf' | 'docx' | 'doc' | null {
  const m = /\.(pdf|docx|doc)$/i.exec(path);
  return m ? (m[1]!.toLowerCase() as 'pdf' | 'docx' | 'doc') : null;
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-

// ---------------------------------------------------------------------------------------------------------
// PDF

interface PdfItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

export interface Line {
  text: string;
  x0: number;
  x1: number;
  y: number;
  /** font size */
  size: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;
/** pdf.js, loaded on the first PDF (it takes a while, and most archives have none). */
function loadPdfJs(): Promise<PdfJs> {
  return (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
}
/** pdf.js's CMaps (CJK fonts that map their glyphs through a predefined CMap need them for their text) and
 * standard fonts, from its package */
function pdfjsData(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' };
}

/** The text layer of a PDF, pages in order, paragraphs joined back (see joinLines). Throws DecodeError: `damaged`
 * for a file pdf.js cannot open, `encrypted` for one that needs a password, `no-text-layer` for one whose pages
 * hold no text (a scan). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const { pages, count } = await pdfPages(bytes);
  const text = joinLines(pages);
  if (!/\S/.test(text)) {
    throw new DecodeError('no-text-layer', `a PDF without a text layer (${count} page${count === 1 ? '' : 's'}, no text: a scan?): nothing to extract without OCR`);
  }
  return text;
}

/** A PDF's text lines, page by page, as laid out (before joinLines). */
export async function pdfPages(bytes: Uint8Array): Promise<{ pages: Line[][]; count: number }> {
  if (!PDF_MAGIC.every((b, i) => bytes[i] === b)) throw new DecodeError('damaged', 'not a PDF (it does not start with %PDF-)');
  const { getDocument } = await loadPdfJs();
  // pdf.js takes the bytes over (it detaches their buffer): give it a copy
  const task = getDocument({ data: new Uint8Array(bytes), ...pdfjsData(), cMapPacked: true, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0, stopAtErrors: false });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    const name = (e as Error).name;
    if (name === 'PasswordException') throw new DecodeError('encrypted', 'a PDF protected by a password: its text cannot be read');
    throw new DecodeError('damaged', `a damaged PDF: ${(e as Error).message}`);
  }
  try {
    const pages: Line[][] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      let items: PdfItem[];
      try {
        const page = await doc.getPage(p);
        items = (await page.getTextContent()).items.filter((i) => 'str' in i) as PdfItem[];
        page.cleanup();
      } catch (e) {
        throw new DecodeError('damaged', `a damaged PDF: page ${p} cannot be read (${(e as Error).message})`);
      }
      pages.push(linesOf(items));
    }
    return { pages, count: doc.numPages };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

/** A page's text items as lines, in the order pdf.js gives them (the content stream's, which is reading order for
 * the PDFs that word processors and browsers write). */
function linesOf(items: PdfItem[]): Line[] {
  const lines: Line[] = [];
  let cur: Line | null = null;
  let breakAfter = false;
  for (const it of items) {
    const x = it.transform[4]!;
    const y = it.transform[5]!;
    const size = Math.hypot(it.transform[2]!, it.transform[3]!) || it.height || 1;
    if (cur && !breakAfter && Math.abs(y - cur.y) <= size * 0.5 && x >= cur.x0 - size) {
      // the same line: a gap wider than half a character that the text does not hold stands for a space
      if (it.str && x - cur.x1 > size * 0.5 && !/\s$/.test(cur.text) && !/^\s/.test(it.str)) cur.text += ' ';
      cur.text += it.str;
      if (it.str) cur.x1 = Math.max(cur.x1, x + it.width);
    } else if (it.str.trim() || it.hasEOL) {
      if (cur) lines.push(cur);
      cur = { text: it.str, x0: x, x1: x + it.width, y, size };
    }
    breakAfter = !!it.hasEOL;
  }
  if (cur) lines.push(cur);
  return lines.filter((l) => l.text.trim());
}

const LATIN_END = /[A-Za-z]$/;
const SENTENCE_END = /[。！？；：!?;:]$/;
const LATIN_START = /^[A-Za-z]/;

/** The pages' lines as text: a line that reaches the text's right edge (less than two and a half characters
 * short: a line breaker keeps a closing mark with the character before it, 元。, and moves both down), followed on the same page at the usual line distance, or at the top of the next page, by a line that
 * starts at the left edge (no paragraph indent), continues into it: joined without a space, or with one between
 * two Latin letters. Any other line ends its paragraph. The edges are the document's (its pages share margins). */
export function joinLines(pages: Line[][]): string {
  const all = pages.flat();
  if (!all.length) return '';
  const left = Math.min(...all.map((l) => l.x0));
  const right = Math.max(...all.map((l) => l.x1));
  let out = '';
  let prev: Line | null = null;
  for (const lines of pages) {
    // the usual distance between lines on this page
    const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
    const pitch = gaps.length ? gaps[Math.floor(gaps.length / 2)]! : Infinity;
    lines.forEach((l, i) => {
      const text = l.text.replace(/\s+$/, '');
      // (a line that ends a sentence short of the edge ends its paragraph: in a paragraph going on, the next
      // character would have fitted)
      const full = prev !== null && prev.x1 >= right - prev.size * (SENTENCE_END.test(prev.text.trimEnd()) ? 0.5 : 2.5);
      const startsLeft = l.x0 <= left + l.size * 0.75;
      const near = i === 0 || (prev !== null && prev.y - l.y > 0 && prev.y - l.y <= pitch * 1.3);
      if (full && startsLeft && near) {
        const lead = text.replace(/^\s+/, '');
        out += LATIN_END.test(out) && LATIN_START.test(lead) ? ' ' + lead : lead;
      } else {
        if (prev) out += '\n';
        out += text;
      }
      prev = l;
    });
  }
  return out + '\n';
}

// ---------------------------------------------------------------------------------------------------------
// DOCX

/** The text of a .docx (Office Open XML) document: word/document.xml's paragraphs, each a line (a table's cells
 * are paragraphs too), its runs joined; tabs and line breaks as written; deleted text (tracked changes) left out.
 * Throws DecodeError `damaged` for a file that is not a readable .docx. */
export function docxText(bytes: Uint8Array): string {
  let xml: Uint8Array | undefined;
  try {
    xml = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'];
  } catch (e) {
    throw new DecodeError('damaged', `a damaged .docx (not a readable ZIP archive): ${(e as Error).message}`);
  }
  if (!xml) throw new DecodeError('damaged', 'not a Word document: the .docx has no word/document.xml');
  const out: string[] = [];
  let inText = 0;
  let deleted = 0;
  let paragraph = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'w:p') paragraph = true;
        else if (name === 'w:t' || name === 'w:delText') inText++;
        else if (name === 'w:del') deleted++;
        else if (deleted === 0 && (name === 'w:tab' || name === 'w:ptab')) out.push('\t');
        else if (deleted === 0 && (name === 'w:br' || name === 'w:cr')) out.push('\n');
      },
      ontext(text) {
        if (inText && deleted === 0) out.push(text);
      },
      onclosetag(name) {
        if (name === 'w:t' || name === 'w:delText') inText--;
        else if (name === 'w:del') deleted--;
        else if (name === 'w:p' && paragraph) {
          out.push('\n');
          paragraph = false;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(Buffer.from(xml).toString('utf8'));
  parser.end();
  return out.join('');
}
