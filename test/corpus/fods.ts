// A flat ODS (.fods) writer for the client-workbook corpus: a case's sheets, made in code, become
// one XML file that LibreOffice opens as a client would have saved it (typed cells, date and
// percent formats, fill colours, merged group headers, a document language), and then saves as
// xlsx, xls, ods, fods and CSV (programs.ts). Only what the cases need; written by us, so the
// corpus never depends on our own xlsx writer for what it tests.

/** A cell as a client's spreadsheet holds it. */
export type CorpusCell = null | string | number | boolean | CorpusCellObject;

export interface CorpusCellObject {
      /** Text or number; absent with `fill` for a colour-only cell. */
      v?: string | number | boolean | null;
      /** A date cell (ISO), shown in `fmt`. */
      date?: string;
      /** A percent-formatted number (0.5 shows 50 %). */
      pct?: number;
      /** Display format of a date: the order the CSV export writes it in. */
      fmt?: 'DMY' | 'MDY' | 'YMD' | 'MMM-YY' | 'D-MMM-YY';
      /** Background colour, #rrggbb. */
      fill?: string;
      /** Spans this many columns (a merged group header). */
      span?: number;
}

export interface CorpusSheet {
  name: string;
  rows: CorpusCell[][];
}

export interface FodsOptions {
  /** Document language, e.g. 'en-US', 'de-DE' (the default cell style's language). */
  language?: string;
}

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"',
].join(' ');

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text as ODF paragraphs: a line per <text:p>, runs of spaces and tabs as <text:s/>, <text:tab/>. */
function paragraphs(s: string): string {
  return s
    .split('\n')
    .map((line) => {
      const body = esc(line)
        .replace(/\t/g, '<text:tab/>')
        .replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`)
        .replace(/^ /, '<text:s/>');
      return `<text:p>${body}</text:p>`;
    })
    .join('');
}

const DATE_STYLES: Record<NonNullable<CorpusCellObject['fmt']>, string> = {
  DMY: '<number:day number:style="long"/><number:text>/</number:text><number:month number:style="long"/><number:text>/</number:text><number:year number:style="long"/>',
  MDY: '<number:month number:style="long"/><number:text>/</number:text><number:day number:style="long"/><number:text>/</number:text><number:year number:style="long"/>',
  YMD: '<number:year number:style="long"/><number:text>-</number:text><number:month number:style="long"/><number:text>-</number:text><number:day number:style="long"/>',
  'MMM-YY': '<number:month number:textual="true"/><number:text>-</number:text><number:year/>',
  'D-MMM-YY': '<number:day/><number:text>-</number:text><number:month number:textual="true"/><number:text>-</number:text><number:year/>',
};

function shown(date: string, fmt: keyof typeof DATE_STYLES): string {
  const [y, m, d] = date.split('-');
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1];
  switch (fmt) {
    case 'DMY':
      return `${d}/${m}/${y}`;
    case 'MDY':
      return `${m}/${d}/${y}`;
    case 'YMD':
      return date;
    case 'MMM-YY':
      return `${mon}-${y!.slice(2)}`;
    case 'D-MMM-YY':
      return `${Number(d)}-${mon}-${y!.slice(2)}`;
  }
}

export function writeFods(sheets: readonly CorpusSheet[], opts: FodsOptions = {}): string {
  const [lang, country] = (opts.language ?? 'en-GB').split('-');
  const styles = new Map<string, string>();
  const styleFor = (dataStyle: string | null, fill: string | undefined, wrap: boolean): string | null => {
    if (!dataStyle && !fill && !wrap) return null;
    const key = `${dataStyle ?? ''}|${fill ?? ''}|${wrap}`;
    let name = styles.get(key);
    if (!name) {
      name = `ce${styles.size + 1}`;
      styles.set(key, name);
    }
    return name;
  };
  const body = sheets
    .map((sheet) => {
      const rows = sheet.rows
        .map((row) => {
          const cells: string[] = [];
          for (const cell of row) {
            const c: CorpusCellObject = cell !== null && typeof cell === 'object' ? cell : { v: cell };
            const span = c.span && c.span > 1 ? ` table:number-columns-spanned="${c.span}" table:number-rows-spanned="1"` : '';
            let dataStyle: string | null = null;
            let content = '';
            let attrs = '';
            const text = typeof c.v === 'string' ? c.v : null;
            if (c.date) {
              const fmt = c.fmt ?? 'YMD';
              dataStyle = `N_${fmt}`;
              attrs = ` office:value-type="date" office:date-value="${c.date}"`;
              content = `<text:p>${shown(c.date, fmt)}</text:p>`;
            } else if (c.pct !== undefined) {
              dataStyle = 'N_PCT';
              attrs = ` office:value-type="percentage" office:value="${c.pct}"`;
              content = `<text:p>${Math.round(c.pct * 10000) / 100}%</text:p>`;
            } else if (typeof c.v === 'number') {
              attrs = ` office:value-type="float" office:value="${c.v}"`;
              content = `<text:p>${c.v}</text:p>`;
            } else if (typeof c.v === 'boolean') {
              attrs = ` office:value-type="boolean" office:boolean-value="${c.v}"`;
              content = `<text:p>${c.v ? 'TRUE' : 'FALSE'}</text:p>`;
            } else if (text !== null && text !== '') {
              attrs = ' office:value-type="string"';
              content = paragraphs(text);
            }
            const style = styleFor(dataStyle, c.fill, !!text && text.includes('\n'));
            cells.push(`<table:table-cell${style ? ` table:style-name="${style}"` : ''}${attrs}${span}>${content}</table:table-cell>`);
            for (let i = 1; i < (c.span ?? 1); i++) cells.push('<table:covered-table-cell/>');
          }
          return `<table:table-row>${cells.join('')}</table:table-row>`;
        })
        .join('\n');
      return `<table:table table:name="${esc(sheet.name)}">\n${rows}\n</table:table>`;
    })
    .join('\n');

  const dataStyles = [
    ...Object.entries(DATE_STYLES).map(([k, v]) => `<number:date-style style:name="N_${k}" number:language="${lang}" number:country="${country}">${v}</number:date-style>`),
    '<number:percentage-style style:name="N_PCT"><number:number number:decimal-places="0" number:min-integer-digits="1"/><number:text>%</number:text></number:percentage-style>',
  ].join('\n');
  const cellStyles = [...styles.entries()]
    .map(([key, name]) => {
      const [dataStyle, fill, wrap] = key.split('|');
      const props = [fill ? `fo:background-color="${fill}"` : '', wrap === 'true' ? 'fo:wrap-option="wrap"' : ''].filter(Boolean).join(' ');
      return `<style:style style:name="${name}" style:family="table-cell" style:parent-style-name="Default"${dataStyle ? ` style:data-style-name="${dataStyle}"` : ''}>${props ? `<style:table-cell-properties ${props}/>` : ''}</style:style>`;
    })
    .join('\n');

  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:styles>
<style:default-style style:family="table-cell"><style:text-properties fo:language="${lang}" fo:country="${country}"/></style:default-style>
<style:style style:name="Default" style:family="table-cell"/>
</office:styles>
<office:automatic-styles>
${dataStyles}
${cellStyles}
</office:automatic-styles>
<office:body><office:spreadsheet>
${body}
</office:spreadsheet></office:body>
</office:document>
`;
}
