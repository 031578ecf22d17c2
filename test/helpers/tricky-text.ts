// Text that a round trip must keep exactly: line breaks, leading and trailing spaces, a leading
// tab, runs of spaces, blank lines, non-Latin scripts and astral characters, put into the free-text
// fields of every kind of record of the demo workbook (shared/exchange/text-roundtrip.test.ts,
// main/cli/pmo-text.test.ts).
import { buildDemoWorkbook } from '../../shared/demo/demo';
import type { WorkbookData } from '../../shared/model/workbook';

export const TRICKY_TEXTS: readonly string[] = [
  'Line one\nLine two\n\nLine four',
  '  two leading and two trailing spaces  ',
  ' one leading, one trailing ',
  '\tStarts with a tab',
  'Tab\tinside and  double   spaces',
  '\n\nStarts with two blank lines',
  'Ends with a line break\n',
  ' both \n sides \n of lines ',
  '中文说明：项目进度良好，预算在控制之内。',
  'تقرير الحالة: المشروع على المسار الصحيح',
  'Статус: в работе, без задержек',
  'Emoji 🚀 and astral 𝄞 𠜎 👩‍💻',
  '=1+1 is text, not a formula',
  '-minus and +plus first',
];

/** The demo workbook (today 2026-11-21) with TRICKY_TEXTS in descriptions, narratives, notes, teams and business units. */
export function trickyData(): WorkbookData {
  const data: WorkbookData = buildDemoWorkbook({ today: '2026-11-21' });
  const r = data.records;
  const text = (i: number) => TRICKY_TEXTS[i % TRICKY_TEXTS.length]!;
  r.project.slice(0, TRICKY_TEXTS.length).forEach((p, i) => {
    p.description = text(i);
    p.statusNarrative = text(i + 3);
    p.businessUnit = text(i + 5);
  });
  r.milestone.slice(0, 5).forEach((m, i) => (m.description = text(i + 7)));
  r.raid.slice(0, 5).forEach((x, i) => {
    x.description = text(i + 2);
    x.response = text(i + 9);
  });
  r.resource.slice(0, 5).forEach((x, i) => (x.team = text(i + 4)));
  r.allocation.slice(0, 5).forEach((a, i) => (a.note = text(i + 1)));
  return data;
}
