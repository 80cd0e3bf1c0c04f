import { catalogueIndicators, type StatDimension, type StatisticsView, statRow, ZERO_CATALOGUE, ZERO_COUNTERS } from '@zhengwu/supervision/domain';
import { csvField, esc, statisticsCsv, statisticsHtml } from './statistics-export';
import type { StatisticsReport } from './supervision-statistics.service';

const catalogue = { ...ZERO_CATALOGUE, items: 4, onlineApplicableItems: 3, fullyOnlineItems: 1, immediateItems: 2, limitComparableItems: 2, limitCompressionSum: 1.1 };

function view(dimension: StatDimension, rows: StatisticsView['rows']): StatisticsView {
  return { centreCode: '510900', from: '2026-10-01', to: '2026-10-31', dimension, rows, foldedThroughSeq: 42, catalogue: catalogueIndicators(catalogue) };
}

const report: StatisticsReport = {
  centreCode: '510900',
  centreName: '遂宁市政务服务中心',
  from: '2026-10-01',
  to: '2026-10-31',
  views: {
    centre: view('centre', [statRow('centre', '', '', { ...ZERO_COUNTERS, received: 10, accepted: 9, completed: 6, completedOnTime: 5, overdueCompleted: 1, handlingWorkingDays: 15, ratings: 4, caseRatings: 3, satisfiedRatings: 3, badReviews: 1, badReviewsRectified: 1 }, catalogue)]),
    department: view('department', [statRow('department', '市场监管局, "食品"科', '市场监管局, "食品"科', { ...ZERO_COUNTERS, received: 7, completed: 4, completedOnTime: 4 }, catalogue)]),
    item: view('item', [statRow('item', 'i1', '=HYPERLINK("http://evil")', { ...ZERO_COUNTERS, received: 3 }, ZERO_CATALOGUE)]),
    staff: view('staff', [statRow('staff', 's1', '张三\n<script>alert(1)</script>', { ...ZERO_COUNTERS, staffActions: 5 })]),
  },
};

describe('statistics export', () => {
  it('quotes CSV fields per RFC 4180', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' edge')).toBe('" edge"');
  });

  it('writes a BOM, CRLF lines, one row per key in dimension order, escaped names and no formulas', () => {
    const csv = statisticsCsv(report);
    expect(csv.startsWith('\uFEFF维度(dimension),编码(key),名称(name),收件数(received),')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(6); // header, 4 rows, the empty string after the last CRLF
    expect(lines[1].startsWith('中心,510900,遂宁市政务服务中心,10,9,6,5,1,0.8333,2.5,0,0,0,4,3,0.5,3,0.75,1,0,1,1,4,0.75,0.25,0.5,0.55')).toBe(true);
    expect(lines[2].startsWith('部门,"市场监管局, ""食品""科","市场监管局, ""食品""科",7,')).toBe(true);
    // A name that looks like a formula is written as text.
    expect(lines[3].startsWith(`事项,i1,"'=HYPERLINK(""http://evil"")",3,`)).toBe(true);
    // A staff row has no catalogue figures: empty cells, not zeros.
    expect(lines[4]).toMatch(/^工作人员,s1,"张三\n<script>alert\(1\)<\/script>",0,0,0,0,0,,,0,,5,0,0,,0,,0,0,0,,,,,,$/);
  });

  it('renders a self-contained, escaped zh-CN report with summary cards and SVG charts', () => {
    const html = statisticsHtml(report, new Date('2026-11-02T02:30:00Z'));
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>遂宁市政务服务中心政务服务电子监察统计报告（2026-10-01 至 2026-10-31）</title>');
    expect(html).toContain('生成时间：2026-11-02 10:30（北京时间）');
    expect(html).toContain('<div class="k">按时办结率</div><div class="v">83.3%</div>');
    expect(html).toContain('<div class="k">平均办理时长</div><div class="v">2.50 个工作日</div>');
    expect(html).toContain('<div class="k">承诺时限压缩比</div><div class="v">55.0%</div>');
    expect(html).toContain('<figcaption>各部门收件数</figcaption>');
    expect(html).toMatch(/<rect x="260" y="6" width="520" height="20" fill="#c62828"><title>市场监管局, &quot;食品&quot;科：7<\/title><\/rect>/);
    expect(html).toContain('张三\n&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).not.toMatch(/\b(src|href)=/i);
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('says so when a period has no data instead of drawing empty charts', () => {
    const empty: StatisticsReport = { ...report, views: { centre: view('centre', []), department: view('department', []), item: view('item', []), staff: view('staff', []) } };
    const html = statisticsHtml(empty, new Date('2026-11-02T02:30:00Z'));
    expect(html).toContain('<div class="k">收件数</div><div class="v">—</div>');
    expect(html).toContain('本期间无数据。');
    expect(statisticsCsv(empty).slice(1).split('\r\n')).toHaveLength(2);
  });
});
