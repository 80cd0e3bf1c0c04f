import type { StatDimension, StatRow } from '@zhengwu/supervision/domain';
import type { StatisticsReport } from './supervision-statistics.service';

/*
 * A period's statistics as a file a supervision office can circulate: CSV for spreadsheets (UTF-8
 * with a BOM, so Excel reads the Chinese; RFC 4180 quoting, CRLF) and a self-contained HTML report
 * (zh-CN, inline CSS and SVG charts, no external assets, print-friendly).
 */

export type ExportFormat = 'csv' | 'html';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'html'];

const DIMENSION_LABELS: Readonly<Record<StatDimension, string>> = {
  centre: '中心',
  department: '部门',
  item: '事项',
  staff: '工作人员',
};

type Cell = string | number | null;

interface Column {
  zh: string;
  en: string;
  kind: 'text' | 'count' | 'rate' | 'days';
  value: (row: StatRow) => Cell;
}

/** Every indicator, in the order of the CSV and the HTML tables. */
const COLUMNS: readonly Column[] = [
  { zh: '维度', en: 'dimension', kind: 'text', value: (r) => DIMENSION_LABELS[r.dimension] },
  { zh: '编码', en: 'key', kind: 'text', value: (r) => r.key },
  { zh: '名称', en: 'name', kind: 'text', value: (r) => r.label },
  { zh: '收件数', en: 'received', kind: 'count', value: (r) => r.received },
  { zh: '受理数', en: 'accepted', kind: 'count', value: (r) => r.accepted },
  { zh: '办结数', en: 'completed', kind: 'count', value: (r) => r.completed },
  { zh: '按时办结数', en: 'completedOnTime', kind: 'count', value: (r) => r.completedOnTime },
  { zh: '超期办结数', en: 'overdueCompleted', kind: 'count', value: (r) => r.overdueCompleted },
  { zh: '按时办结率', en: 'onTimeRate', kind: 'rate', value: (r) => r.onTimeRate },
  { zh: '平均办理时长（工作日）', en: 'averageHandlingWorkingDays', kind: 'days', value: (r) => r.averageHandlingWorkingDays },
  { zh: '即办件收件数', en: 'immediateReceived', kind: 'count', value: (r) => r.immediateReceived },
  { zh: '即办件占比（收件）', en: 'immediateShare', kind: 'rate', value: (r) => r.immediateShare },
  { zh: '办理操作数', en: 'staffActions', kind: 'count', value: (r) => r.staffActions },
  { zh: '评价数', en: 'ratings', kind: 'count', value: (r) => r.ratings },
  { zh: '办件评价数', en: 'caseRatings', kind: 'count', value: (r) => r.caseRatings },
  { zh: '评价率', en: 'ratingRate', kind: 'rate', value: (r) => r.ratingRate },
  { zh: '满意评价数', en: 'satisfiedRatings', kind: 'count', value: (r) => r.satisfiedRatings },
  { zh: '满意率', en: 'satisfactionRate', kind: 'rate', value: (r) => r.satisfactionRate },
  { zh: '差评数', en: 'badReviews', kind: 'count', value: (r) => r.badReviews },
  { zh: '无效差评数', en: 'badReviewsInvalid', kind: 'count', value: (r) => r.badReviewsInvalid },
  { zh: '已整改差评数', en: 'badReviewsRectified', kind: 'count', value: (r) => r.badReviewsRectified },
  { zh: '差评整改率', en: 'rectificationRate', kind: 'rate', value: (r) => r.rectificationRate },
  { zh: '事项数', en: 'items', kind: 'count', value: (r) => r.catalogue?.items ?? null },
  { zh: '可网办事项占比', en: 'onlineApplicableShare', kind: 'rate', value: (r) => r.catalogue?.onlineApplicableShare ?? null },
  { zh: '全程网办事项占比', en: 'fullyOnlineShare', kind: 'rate', value: (r) => r.catalogue?.fullyOnlineShare ?? null },
  { zh: '即办件事项占比', en: 'immediateItemShare', kind: 'rate', value: (r) => r.catalogue?.immediateItemShare ?? null },
  { zh: '承诺时限压缩比', en: 'limitCompression', kind: 'rate', value: (r) => r.catalogue?.limitCompression ?? null },
];

/** One row per centre, department, item and staff member, every indicator; rates as fractions (0.8333). */
export function statisticsCsv(report: StatisticsReport): string {
  const lines = [COLUMNS.map((c) => csvField(`${c.zh}(${c.en})`)).join(',')];
  for (const row of allRows(report)) {
    lines.push(COLUMNS.map((c) => csvCell(c, c.value(row))).join(','));
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

function csvCell(column: Column, value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // A name is data, never a formula: a leading =, +, -, @, tab or CR would make a spreadsheet run it.
  return csvField(column.kind === 'text' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}

/** RFC 4180: quoted when it holds a comma, a quote, a line break or edge spaces; quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function allRows(report: StatisticsReport): StatRow[] {
  return (['centre', 'department', 'item', 'staff'] as const).flatMap((dimension) =>
    report.views[dimension].rows.map((row) => (dimension === 'centre' ? { ...row, key: report.centreCode, label: report.centreName } : row)),
  );
}

/** A self-contained HTML report: title, period, centre, summary figures, SVG bar charts, every row. */
export function statisticsHtml(report: StatisticsReport, generatedAt: Date): string {
  const centre = report.views.centre.rows[0] ?? null;
  const catalogue = report.views.centre.catalogue;
  const title = `${report.centreName}政务服务电子监察统计报告`;
  const summary: Array<[string, string]> = [
    ['收件数', count(centre?.received)],
    ['受理数', count(centre?.accepted)],
    ['办结数', count(centre?.completed)],
    ['按时办结率', percent(centre?.onTimeRate)],
    ['超期办结数', count(centre?.overdueCompleted)],
    ['平均办理时长', centre?.averageHandlingWorkingDays == null ? '—' : `${centre.averageHandlingWorkingDays.toFixed(2)} 个工作日`],
    ['即办件占比（收件）', percent(centre?.immediateShare)],
    ['评价率', percent(centre?.ratingRate)],
    ['满意率', percent(centre?.satisfactionRate)],
    ['差评整改率', percent(centre?.rectificationRate)],
    ['可网办事项占比', percent(catalogue.onlineApplicableShare)],
    ['全程网办事项占比', percent(catalogue.fullyOnlineShare)],
    ['即办件事项占比', percent(catalogue.immediateItemShare)],
    ['承诺时限压缩比', percent(catalogue.limitCompression)],
  ];
  const departments = report.views.department.rows;
  const items = report.views.item.rows;
  const charts = [
    barChart('各部门收件数', departments.map((r) => [r.label, r.received]), 'count'),
    barChart('各部门按时办结率', departments.filter((r) => r.onTimeRate !== null).map((r) => [r.label, r.onTimeRate as number]), 'rate'),
    barChart('各部门满意率', departments.filter((r) => r.satisfactionRate !== null).map((r) => [r.label, r.satisfactionRate as number]), 'rate'),
    barChart(
      '办件量前 15 的事项平均办理时长（工作日）',
      [...items].sort((a, b) => b.received - a.received).slice(0, 15).filter((r) => r.averageHandlingWorkingDays !== null).map((r) => [r.label, r.averageHandlingWorkingDays as number]),
      'days',
    ),
  ].join('\n');
  const tables = (['department', 'item', 'staff'] as const)
    .map((dimension) => table(`按${DIMENSION_LABELS[dimension]}统计`, report.views[dimension].rows))
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}（${esc(report.from)} 至 ${esc(report.to)}）</title>
<style>
  body { font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; color: #1a1a1a; margin: 24px auto; max-width: 1100px; padding: 0 16px; line-height: 1.5; }
  h1 { font-size: 22px; margin: 0 0 4px; }
  h2 { font-size: 17px; border-bottom: 2px solid #b71c1c; padding-bottom: 4px; margin-top: 28px; }
  .meta { color: #555; font-size: 13px; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; margin-top: 12px; }
  .card { border: 1px solid #ddd; border-radius: 4px; padding: 8px 10px; }
  .card .k { font-size: 12px; color: #555; }
  .card .v { font-size: 20px; font-weight: 600; }
  figure { margin: 16px 0; break-inside: avoid; page-break-inside: avoid; }
  figcaption { font-weight: 600; margin-bottom: 4px; }
  table { border-collapse: collapse; width: 100%; font-size: 12px; margin-top: 8px; }
  th, td { border: 1px solid #ccc; padding: 3px 5px; text-align: right; }
  th { background: #f3f3f3; }
  td.t, th.t { text-align: left; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .empty { color: #777; }
  @media print {
    body { margin: 0; max-width: none; font-size: 11px; }
    h2 { break-after: avoid; page-break-after: avoid; }
    section.data { break-before: page; page-break-before: always; }
    .card { border-color: #999; }
    @page { size: A4 landscape; margin: 12mm; }
  }
</style>
</head>
<body>
<header>
<h1>${esc(title)}</h1>
<p class="meta">统计期间：${esc(report.from)} 至 ${esc(report.to)} · 中心：${esc(report.centreName)}（${esc(report.centreCode)}） · 生成时间：${esc(chinaTime(generatedAt))} · 数据截至事件序号 ${report.views.centre.foldedThroughSeq}</p>
</header>
<section>
<h2>总体指标</h2>
<div class="cards">
${summary.map(([k, v]) => `<div class="card"><div class="k">${esc(k)}</div><div class="v">${esc(v)}</div></div>`).join('\n')}
</div>
<p class="meta">事项类指标取自本中心已发布事项目录（共 ${catalogue.items} 项）；评价率 = 办件评价数 ÷ 办结数；满意率 = （非常满意 + 满意 + 基本满意）÷ 评价数；差评整改率 = 已整改差评 ÷ （差评 − 无效差评），按差评产生日期归入统计期间。</p>
</section>
<section>
<h2>图表</h2>
${charts}
</section>
<section class="data">
${tables}
</section>
</body>
</html>
`;
}

function table(caption: string, rows: readonly StatRow[]): string {
  const columns = COLUMNS.filter((c) => c.en !== 'dimension');
  if (rows.length === 0) return `<h2>${esc(caption)}</h2>\n<p class="empty">本期间无数据。</p>`;
  const head = columns.map((c) => `<th${c.kind === 'text' ? ' class="t"' : ''}>${esc(c.zh)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${columns.map((c) => `<td${c.kind === 'text' ? ' class="t"' : ''}>${esc(formatCell(c, c.value(row)))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<h2>${esc(caption)}</h2>\n<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function formatCell(column: Column, value: Cell): string {
  if (value === null) return '—';
  if (typeof value === 'string') return value;
  if (column.kind === 'rate') return percent(value);
  if (column.kind === 'days') return value.toFixed(2);
  return count(value);
}

const BAR_HEIGHT = 20;
const LABEL_WIDTH = 260;
const BAR_AREA = 520;

/** A horizontal bar chart as inline SVG (text is real text, so it prints sharp and can be copied). */
export function barChart(caption: string, data: ReadonlyArray<[string, number]>, kind: 'count' | 'rate' | 'days'): string {
  if (data.length === 0) return `<figure><figcaption>${esc(caption)}</figcaption><p class="empty">本期间无数据。</p></figure>`;
  const max = kind === 'rate' ? 1 : Math.max(...data.map(([, v]) => v), 1);
  const height = data.length * (BAR_HEIGHT + 6) + 6;
  const width = LABEL_WIDTH + BAR_AREA + 90;
  const bars = data
    .map(([label, value], i) => {
      const y = 6 + i * (BAR_HEIGHT + 6);
      const w = Math.max(0, Math.round((value / max) * BAR_AREA));
      const text = kind === 'rate' ? percent(value) : kind === 'days' ? value.toFixed(2) : count(value);
      return [
        `<text x="${LABEL_WIDTH - 6}" y="${y + 14}" text-anchor="end" font-size="12">${esc(truncate(label, 20))}</text>`,
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR_HEIGHT}" fill="#c62828"><title>${esc(label)}：${esc(text)}</title></rect>`,
        `<text x="${LABEL_WIDTH + w + 4}" y="${y + 14}" font-size="12">${esc(text)}</text>`,
      ].join('');
    })
    .join('\n');
  return `<figure><figcaption>${esc(caption)}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(caption)}" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px">
${bars}
</svg></figure>`;
}

export function esc(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function truncate(value: string, length: number): string {
  return [...value].length > length ? [...value].slice(0, length - 1).join('') + '…' : value;
}

function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}

function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('en-US');
}

function chinaTime(date: Date): string {
  const china = new Date(date.getTime() + 8 * 3_600_000);
  return `${china.toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;
}
