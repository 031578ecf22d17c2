// The client-workbook corpus: one case per thing clients really write that the importer must read
// (issue 12), made in code with the records it should give written beside it. Each case is saved
// as a .fods (fods.ts), then by LibreOffice and Gnumeric in the formats it lists (programs.ts),
// and every file is imported into an empty workbook and scored (score.ts).
import type { CorpusCell, CorpusSheet } from './fods';
import type { CorpusFormat } from './programs';
import type { CaseChoices, Expected } from './score';

export interface CorpusCase extends CaseChoices {
  name: string;
  /** What it covers, in the words. */
  about: string;
  sheets: CorpusSheet[];
  language?: string;
  formats: CorpusFormat[];
  expected: Expected;
  /** Formats where a thing cannot survive the program's save (e.g. a fill colour in CSV): fields not compared there. */
  notIn?: Partial<Record<CorpusFormat, string[]>>;
}

const ALL: CorpusFormat[] = ['xlsx', 'xls', 'ods', 'fods', 'csv'];
const BOOKS: CorpusFormat[] = ['xlsx', 'xls', 'ods', 'fods'];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
function addDays(date: string, n: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

const PEOPLE = ['Asha Patel', 'Ben Okafor', 'Chloé Durand', 'Dmitri Ivanov', 'Elena García', 'Femke de Vries', 'Grace Liu'];
const code = (i: number) => `PRJ-${String(i + 1).padStart(3, '0')}`;
const projectName = (i: number) => ['CRM replacement', 'Data platform', 'Warehouse move', 'HR portal', 'Billing rewrite', 'Mobile app', 'Cloud migration', 'Intranet', 'Payroll', 'ERP upgrade'][i % 10]! + (i >= 10 ? ` ${Math.floor(i / 10) + 1}` : '');

// 1. Cells fail, rows survive: one unreadable date per row, unknown stage words.
function rowsSurvive(): CorpusCase {
  const bad = ['TBC', 'Q3', 'soon', 'n/a', 'end of year', '31/02/2026'];
  const rows: CorpusCell[][] = [['Code', 'Project name', 'Stage', 'Start', 'Finish', 'Budget']];
  const expected: Expected['project'] = [];
  for (let i = 0; i < 24; i++) {
    const startDay = (i % 27) + 1;
    const badFinish = bad[i % bad.length]!;
    rows.push([code(i), projectName(i), i % 4 === 3 ? 'Wibble' : 'Active', `${pad(startDay)}/03/2026`, badFinish, 1000 * (i + 1)]);
    expected.push({ code: code(i), name: projectName(i), stage: i % 4 === 3 ? { listed: 'Wibble', stored: 'idea' } : 'in-progress', start: iso(2026, 3, startDay), finish: { listed: badFinish }, budget: 100_000 * (i + 1) });
  }
  return { name: 'rows-survive', about: 'a bad cell leaves its field empty and the row imports', sheets: [{ name: 'Projects', rows }], formats: ALL, expected: { project: expected } };
}

// 2. Value mapping and other languages: a German register.
function german(): CorpusCase {
  const phases = [
    ['Genehmigt', 'approved'],
    ['In Bearbeitung', 'in-progress'],
    ['Abgeschlossen', 'closed'],
    ['Pausiert', 'on-hold'],
  ] as const;
  const ampel = [
    ['grün', 'G'],
    ['gelb', 'A'],
    ['rot', 'R'],
  ] as const;
  const rows: CorpusCell[][] = [['Projektnummer', 'Projektname', 'Phase', 'Ampel', 'Projektleiter', 'Beginn', 'Ende']];
  const expected: Expected['project'] = [];
  for (let i = 0; i < 12; i++) {
    const [ph, stage] = phases[i % phases.length]!;
    const [am, rag] = ampel[i % ampel.length]!;
    const d = (i % 20) + 1;
    rows.push([code(i), projectName(i), ph, am, PEOPLE[i % PEOPLE.length]!, `${d}.${i % 12 + 1}.2026`, { date: iso(2027, (i % 12) + 1, 15), fmt: 'DMY' }]);
    expected.push({ code: code(i), name: projectName(i), stage, 'rag.overall': rag, manager: PEOPLE[i % PEOPLE.length]!, start: iso(2026, (i % 12) + 1, d), finish: iso(2027, (i % 12) + 1, 15) });
  }
  return { name: 'german-register', about: 'German headers and values (Phase, Ampel), day-first dates', language: 'de-DE', sheets: [{ name: 'Projekte', rows }], formats: ALL, expected: { project: expected } };
}

function french(): CorpusCase {
  const rows: CorpusCell[][] = [['Code projet', 'Nom du projet', 'Statut', 'Météo', 'Chef de projet', 'Début', 'Fin']];
  const statut = [
    ['En cours', 'in-progress'],
    ['Terminé', 'closed'],
    ['Approuvé', 'approved'],
  ] as const;
  const meteo = [
    ['Vert', 'G'],
    ['Orange', 'A'],
    ['Rouge', 'R'],
  ] as const;
  const longDates = ['4 mars 2026', '1er avril 2026', '15 mai 2026', '7 juin 2026'];
  const longIso = ['2026-03-04', '2026-04-01', '2026-05-15', '2026-06-07'];
  const expected: Expected['project'] = [];
  for (let i = 0; i < 8; i++) {
    const [st, stage] = statut[i % statut.length]!;
    const [me, rag] = meteo[i % meteo.length]!;
    rows.push([code(i), projectName(i), st, me, PEOPLE[i % PEOPLE.length]!, longDates[i % 4]!, `${20 + i}/11/2026`]);
    expected.push({ code: code(i), name: projectName(i), stage, 'rag.overall': rag, manager: PEOPLE[i % PEOPLE.length]!, start: longIso[i % 4]!, finish: iso(2026, 11, 20 + i) });
  }
  return { name: 'french-register', about: 'French headers, values and long dates', language: 'fr-FR', sheets: [{ name: 'Projets', rows }], formats: ALL, expected: { project: expected } };
}

// 3. Dates decided per column: a month-first file (US client).
function usDates(): CorpusCase {
  const rows: CorpusCell[][] = [['Project ID', 'Project Name', 'Start Date', 'End Date']];
  const expected: Expected['project'] = [];
  for (let i = 0; i < 16; i++) {
    // Start: mostly ambiguous (both parts ≤ 12) but the column has 02/21/2026-like values that decide month-first.
    const m = (i % 12) + 1;
    const d = i % 3 === 0 ? 21 : (i % 12) + 1 === m ? ((i + 3) % 12) + 1 : (i % 12) + 1;
    const start = `${pad(m)}/${pad(d)}/2026`;
    // End: every value ambiguous (10/09/2026): the file's other dates decide month-first.
    const em = ((i + 5) % 12) + 1;
    const ed = ((i + 2) % 12) + 1;
    const end = `${pad(em)}/${pad(ed)}/2027`;
    rows.push([code(i), projectName(i), start, end]);
    expected.push({ code: code(i), name: projectName(i), start: iso(2026, m, d), finish: iso(2027, em, ed) });
  }
  return {
    name: 'us-dates',
    about: 'month-first text dates: a column decided by its own values, one decided by the file',
    sheets: [{ name: 'Projects', rows }],
    formats: ALL,
    expected: { project: expected },
  };
}

// 3b. Serial numbers and long forms in a CSV date column.
function serialsAndLongForms(): CorpusCase {
  const rows: CorpusCell[][] = [['Code', 'Name', 'Start', 'Finish']];
  const forms: [string, string][] = [
    ['46322', '2026-10-27'],
    ['7. April 2027', '2027-04-07'],
    ['4 mars 2026', '2026-03-04'],
    ['Mar 4, 2026', '2026-03-04'],
    ['4-Mar-26', '2026-03-04'],
    ['4 de marzo de 2026', '2026-03-04'],
    ['4 maart 2026', '2026-03-04'],
    ['2026-03-04', '2026-03-04'],
  ];
  const expected: Expected['project'] = [];
  forms.forEach(([text, date], i) => {
    rows.push([code(i), projectName(i), '2026-01-15', text]);
    expected.push({ code: code(i), name: projectName(i), start: '2026-01-15', finish: date });
  });
  return { name: 'date-forms', about: 'serial numbers and long dates in five languages in a text date column', sheets: [{ name: 'Projects', rows }], formats: ['csv'], expected: { project: expected } };
}

// 4. A wide monthly % FTE grid whose header mixes a date cell with text months.
function monthlyFteGrid(): CorpusCase {
  const header: CorpusCell[] = ['Project', 'Resource', { date: '2026-01-01', fmt: 'MMM-YY' }, ...MONTHS.slice(1).map((m) => `${m}-26`)];
  const rows: CorpusCell[][] = [header];
  const expected: NonNullable<Expected['allocation']> = [];
  for (let r = 0; r < 14; r++) {
    const project = code(r % 6);
    const person = PEOPLE[r % PEOPLE.length]!;
    const line: CorpusCell[] = [project, person];
    for (let m = 1; m <= 12; m++) {
      const pct = (r + m) % 4 === 0 ? null : [0.25, 0.5, 0.75, 1, 0.1][(r * 3 + m) % 5]!;
      line.push(pct === null ? null : { pct });
      if (pct !== null) expected.push({ project, person, start: iso(2026, m, 1), end: iso(2026, m, lastDay(2026, m)), hoursPerWeek: pct * 37.5 });
    }
    rows.push(line);
  }
  // Projects the grid names, on their own sheet.
  const projects: CorpusCell[][] = [['Code', 'Name'], ...Array.from({ length: 6 }, (_, i) => [code(i), projectName(i)])];
  return {
    name: 'monthly-fte-grid',
    about: 'monthly % FTE grid; header row mixes a date cell and text months',
    sheets: [
      { name: 'Projects', rows: projects },
      { name: 'Allocations', rows },
    ],
    formats: BOOKS,
    expected: { project: projects.slice(1).map((p) => ({ code: String(p[0]), name: String(p[1]) })), allocation: expected },
  };
}

// 4b. A weekly hours grid headed "Week of 1/5/2026" in a month-first file.
function weeklyGrid(): CorpusCase {
  const weeks = Array.from({ length: 10 }, (_, i) => addDays('2026-01-05', 7 * i));
  const header: CorpusCell[] = ['Project', 'Person', ...weeks.map((w) => `Week of ${Number(w.slice(5, 7))}/${Number(w.slice(8, 10))}/${w.slice(0, 4)}`)];
  const rows: CorpusCell[][] = [header];
  const expected: NonNullable<Expected['allocation']> = [];
  for (let r = 0; r < 8; r++) {
    const project = code(r % 4);
    const person = PEOPLE[r % PEOPLE.length]!;
    const line: CorpusCell[] = [project, person];
    weeks.forEach((w, k) => {
      const h = (r + k) % 3 === 0 ? null : [8, 16, 20, 37.5][(r + k) % 4]!;
      line.push(h);
      if (h !== null) expected.push({ project, person, start: w, end: addDays(w, 6), hoursPerWeek: h });
    });
    rows.push(line);
  }
  const projects: CorpusCell[][] = [['Code', 'Name', 'Start'], ...Array.from({ length: 4 }, (_, i) => [code(i), projectName(i), `0${i + 1}/2${i + 1}/2026`])];
  return {
    name: 'weekly-grid-us',
    about: 'weekly hours grid headed "Week of 1/5/2026" in a file whose dates are month-first',
    sheets: [
      { name: 'Projects', rows: projects },
      { name: 'Allocations', rows },
    ],
    formats: BOOKS,
    expected: { project: Array.from({ length: 4 }, (_, i) => ({ code: code(i), name: projectName(i), start: iso(2026, i + 1, 21 + i) })), allocation: expected },
  };
}

// 5. Scale from context: "£k" in a title row and in a group header.
function scaleFromContext(): CorpusCase {
  const rows: CorpusCell[][] = [
    ['Portfolio budget review — all figures £k'],
    [null, null, { v: 'Financials', span: 2 }],
    ['Code', 'Name', 'Budget', 'Forecast'],
  ];
  const expected: Expected['project'] = [];
  for (let i = 0; i < 10; i++) {
    const b = 62.5 + i * 10;
    rows.push([code(i), projectName(i), b, b * 1.1]);
    expected.push({ code: code(i), name: projectName(i), budget: Math.round(b * 1000 * 100), forecastCost: Math.round(b * 1.1 * 1000 * 100) });
  }
  return { name: 'scale-title', about: '£k in a title row applies to the money columns', sheets: [{ name: 'Budgets', rows }], formats: ALL, expected: { project: expected } };
}

function scaleGroupHeader(): CorpusCase {
  const rows: CorpusCell[][] = [
    [null, null, { v: 'Costs (£k)', span: 2 }, null],
    ['Code', 'Name', 'Budget', 'Actual cost', 'Forecast (£)'],
  ];
  const expected: Expected['project'] = [];
  for (let i = 0; i < 10; i++) {
    const b = 120 + i * 5;
    rows.push([code(i), projectName(i), b, b / 2, (b + 3) * 1000]);
    expected.push({ code: code(i), name: projectName(i), budget: b * 100_000, actualCost: (b / 2) * 100_000, forecastCost: (b + 3) * 100_000 });
  }
  return { name: 'scale-group', about: '£k in a merged group header over two columns; the column beside it in pounds', sheets: [{ name: 'Budgets', rows }], formats: BOOKS, expected: { project: expected } };
}

// 6. RAG carried only as a fill colour.
function ragFill(): CorpusCase {
  const colours: [string, string][] = [
    ['#ff0000', 'R'],
    ['#ffc000', 'A'],
    ['#00b050', 'G'],
    ['#c00000', 'R'],
    ['#92d050', 'G'],
    ['#ffff00', 'A'],
  ];
  const rows: CorpusCell[][] = [['Code', 'Name', 'RAG']];
  const expected: Expected['project'] = [];
  for (let i = 0; i < 12; i++) {
    const [fill, rag] = colours[i % colours.length]!;
    rows.push([code(i), projectName(i), { fill }]);
    expected.push({ code: code(i), name: projectName(i), 'rag.overall': rag });
  }
  return { name: 'rag-fill', about: 'a RAG column carried only as the cells’ fill colour', sheets: [{ name: 'Status', rows }], formats: BOOKS, expected: { project: expected } };
}

// 7. A monthly status log: one row per project per month.
function statusLog(): CorpusCase {
  const rows: CorpusCell[][] = [['Project', 'Month', 'Overall RAG', 'Schedule', 'Cost', 'Commentary']];
  const expected: NonNullable<Expected['statusReport']> = [];
  const rags = ['Green', 'Amber', 'Red'];
  const letter: Record<string, string> = { Green: 'G', Amber: 'A', Red: 'R' };
  for (let p = 0; p < 5; p++)
    for (let m = 1; m <= 6; m++) {
      const o = rags[(p + m) % 3]!;
      const s = rags[(p + 2 * m) % 3]!;
      const c = rags[(p * m) % 3]!;
      const text = `${projectName(p)}: month ${m} — ${o.toLowerCase()} overall`;
      rows.push([code(p), `${MONTHS[m - 1]} 2026`, o, s, c, text]);
      expected.push({ project: code(p), period: `2026-${pad(m)}`, 'rag.overall': letter[o]!, 'rag.schedule': letter[s]!, 'rag.cost': letter[c]!, narrative: text });
    }
  const projects: CorpusCell[][] = [['Code', 'Name'], ...Array.from({ length: 5 }, (_, i) => [code(i), projectName(i)])];
  return {
    name: 'status-log',
    about: 'a monthly status log: one row per project per month',
    sheets: [
      { name: 'Projects', rows: projects },
      { name: 'Status log', rows },
    ],
    formats: BOOKS,
    expected: { statusReport: expected },
  };
}

// 9 and 10. Text kept exactly; numbers as other programs write them.
function textAndNumbers(): CorpusCase {
  const texts = ['Line one\nLine two', '  two leading spaces', 'trailing space ', 'Многострочный\nтекст', '中文描述 — 项目', 'وصف المشروع', 'emoji 🚀 ok'];
  const rows: CorpusCell[][] = [['Code', 'Name', 'Description', '% complete', 'Budget']];
  const expected: Expected['project'] = [];
  const pcts: [CorpusCell, number][] = [
    [1, 100],
    [0.45, 45],
    [0, 0],
    [0.5, 50],
    [{ pct: 0.8 }, 80],
    [0.05, 5],
    [1, 100],
  ];
  texts.forEach((t, i) => {
    const [pc, want] = pcts[i]!;
    rows.push([code(i), projectName(i), t, pc, i === 0 ? '83700.990000000000002' : 83700.99 + i]);
    expected.push({ code: code(i), name: projectName(i), description: t, percentComplete: want, budget: i === 0 ? 8_370_099 : Math.round((83700.99 + i) * 100) });
  });
  return { name: 'text-numbers', about: 'line breaks, spaces and scripts kept; % complete as fractions; money with float noise', sheets: [{ name: 'Projects', rows }], formats: ALL, expected: { project: expected } };
}

/**
 * The end-to-end test's client workbook (test/fixtures/clients/client-portfolio.xlsx, saved by
 * LibreOffice from this case by make-fixtures.ts): stages in the client's own words, two of them
 * nobody's vocabulary knows (mapped by the user in the wizard), a RAG carried only as fill
 * colour, and a monthly % FTE grid whose header starts with a real date cell.
 */
export const CLIENT_STAGE_CHOICES: Record<string, string> = { 'Gate 2 - Mobilise': 'approved', 'Gate 3 - Deliver': 'in-progress' };
export function clientPortfolio(): CorpusCase {
  const stages: [string, string][] = [
    ['In Flight', 'in-progress'],
    ['Gate 2 - Mobilise', 'approved'],
    ['Gate 3 - Deliver', 'in-progress'],
    ['Closed', 'closed'],
  ];
  const fills: [string, string][] = [
    ['#00b050', 'G'],
    ['#ffc000', 'A'],
    ['#ff0000', 'R'],
  ];
  const portfolio: CorpusCell[][] = [['ID', 'Project', 'Stage', 'RAG', 'Start', 'Finish', 'Budget (£k)']];
  const projects: NonNullable<Expected['project']> = [];
  for (let i = 0; i < 8; i++) {
    const [word, stage] = stages[i % stages.length]!;
    const [fill, rag] = fills[i % fills.length]!;
    const start = iso(2026, 1 + (i % 3), 5 + i);
    const finish = iso(2026, 7 + (i % 5), 10 + i);
    portfolio.push([code(i), projectName(i), word, { fill }, { date: start, fmt: 'DMY' }, { date: finish, fmt: 'DMY' }, 50 + 25 * i]);
    projects.push({ code: code(i), name: projectName(i), stage, 'rag.overall': rag, start, finish, budget: (50 + 25 * i) * 100_000 });
  }
  const header: CorpusCell[] = ['Project', 'Resource', { date: '2026-01-01', fmt: 'MMM-YY' }, ...MONTHS.slice(1, 6).map((m) => `${m}-26`)];
  const grid: CorpusCell[][] = [header];
  const allocations: NonNullable<Expected['allocation']> = [];
  for (let r = 0; r < 6; r++) {
    const project = code(r % 4);
    const person = PEOPLE[r]!;
    const line: CorpusCell[] = [project, person];
    for (let m = 1; m <= 6; m++) {
      const pct = (r + m) % 5 === 0 ? null : [0.5, 1, 0.2, 0.25][(r + m) % 4]!;
      line.push(pct === null ? null : { pct });
      if (pct !== null) allocations.push({ project, person, start: iso(2026, m, 1), end: iso(2026, m, lastDay(2026, m)), hoursPerWeek: pct * 37.5 });
    }
    grid.push(line);
  }
  return {
    name: 'client-portfolio',
    about: 'stage words mapped in the wizard, RAG as fill colour only, a monthly % FTE grid with a date cell in its header',
    sheets: [
      { name: 'Portfolio', rows: portfolio },
      { name: 'Resourcing', rows: grid },
    ],
    formats: BOOKS,
    expected: { project: projects, allocation: allocations },
    adjust: (proposals) => {
      const p = proposals.find((x) => x.sheet === 'Portfolio');
      if (p) p.mapping.values = { ...p.mapping.values, stage: { ...p.mapping.values?.['stage'], ...CLIENT_STAGE_CHOICES } };
    },
  };
}

export function corpusCases(): CorpusCase[] {
  return [clientPortfolio(), rowsSurvive(), german(), french(), usDates(), serialsAndLongForms(), monthlyFteGrid(), weeklyGrid(), scaleFromContext(), scaleGroupHeader(), ragFill(), statusLog(), textAndNumbers()];
}
