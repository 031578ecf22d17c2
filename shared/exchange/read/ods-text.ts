// ODS cell text as LibreOffice and Gnumeric mean it. A cell's text is one <text:p> per line,
// with <text:s/> for extra spaces, <text:tab/> and <text:line-break/>. SheetJS (0.20.3)
// trims each paragraph's literal spaces, so " both " came back "both" from a file LibreOffice
// wrote (LibreOffice writes single leading and trailing spaces literally and reads them back),
// and it counts an empty paragraph (<text:p/>) as a line break of its own, so a cell starting
// with two blank lines came back with three. Before SheetJS parses content.xml, each cell's
// paragraphs are rewritten into the one form it reads exactly: a single paragraph with
// <text:line-break/> between the lines, literal white space collapsed as ODF 1.2 §6.1.2 says
// (a run of spaces, tabs and newlines is one space) and a space at either end of a line
// written <text:s/>. Nothing else of the file changes.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

const PARAGRAPH = String.raw`<text:p\b[^>]*?\/>|<text:p\b[^>]*>[\s\S]*?<\/text:p>`;
/** One or more paragraphs side by side (a cell's lines). */
const PARAGRAPH_RUN = new RegExp(`(?:${PARAGRAPH})(?:\\s*(?:${PARAGRAPH}))*`, 'g');
const ONE_PARAGRAPH = new RegExp(PARAGRAPH, 'g');
/** What SheetJS reads wrongly: an empty paragraph, or literal white space at either end of one. */
const MISREAD = /<text:p\b[^>]*?\/>|<text:p\b[^>]*>(?:[ \t\r\n]|<\/text:p>)|[ \t\r\n]<\/text:p>/;

/** A paragraph's content: literal white space collapsed, a space at either end made explicit. */
function lineContent(p: string): string {
  if (p.endsWith('/>') && !p.includes('</text:p>')) return '';
  const inner = p.slice(p.indexOf('>') + 1, p.length - '</text:p>'.length);
  let out = inner
    .split(/(<[^>]*>)/)
    .map((part) => (part.startsWith('<') ? part : part.replace(/[ \t\r\n]+/g, ' ')))
    .join('');
  if (out.startsWith(' ')) out = `<text:s/>${out.slice(1)}`;
  if (out.endsWith(' ')) out = `${out.slice(0, -1)}<text:s/>`;
  return out;
}

/** content.xml (or a flat .fods document) with every run of paragraphs in SheetJS's exact form. */
export function exactOdsParagraphs(xml: string): string {
  if (!MISREAD.test(xml)) return xml;
  return xml.replace(PARAGRAPH_RUN, (run) => {
    const lines = run.match(ONE_PARAGRAPH) ?? [];
    return `<text:p>${lines.map(lineContent).join('<text:line-break/>')}</text:p>`;
  });
}

/** The .ods bytes SheetJS should parse: the same package, content.xml rewritten when it needs it. */
export function odsWithExactText(bytes: Uint8Array): Uint8Array {
  const content = unzipSync(bytes, { filter: (f) => f.name === 'content.xml' })['content.xml'];
  if (!content) return bytes;
  const xml = strFromU8(content);
  const fixed = exactOdsParagraphs(xml);
  if (fixed === xml) return bytes;
  const files = unzipSync(bytes);
  files['content.xml'] = strToU8(fixed);
  // Stored, not deflated: SheetJS inflates it again at once; the mimetype entry stays first.
  return zipSync(files, { level: 0 });
}
