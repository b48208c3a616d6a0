import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/complaint-stats/complaint-stats.js';
import offices from '../schemas/examples/offices.json';
import records from '../schemas/examples/complaint.valid.json';
import { makeOffices, makeRecords } from '../test/support/stats-data.js';
import { aggregateComplaints } from '../src/core/stats/index.js';

const big = makeOffices(4_800, 32);
const bigRecords = makeRecords(40_000, big.map((o) => o.id));

const meta: Meta = {
  title: 'Statistics/Complaint statistics',
  component: 'wy-complaint-stats',
  args: { locale: 'zh-CN', groupBy: 'office', granularity: 'month', compare: 'none', from: '2026-07', printView: false },
  argTypes: {
    groupBy: { control: 'inline-radio', options: ['office', 'region', 'month'] },
    granularity: { control: 'inline-radio', options: ['month', 'quarter', 'year'] },
    compare: { control: 'inline-radio', options: ['none', 'mom', 'yoy'] },
  },
  render: (args) => html`<wy-complaint-stats
    locale=${args['locale']}
    group-by=${args['groupBy']}
    granularity=${args['granularity']}
    compare=${args['compare']}
    from=${args['from']}
    reporting-unit="华南区域客服中心"
    ?print-view=${args['printView']}
    .signatures=${{ preparedBy: '周敏' }}
    .offices=${args['offices'] ?? offices}
    .complaints=${args['complaints'] ?? records}
    @wy-stats-cell-select=${(e: Event) => console.log('wy-stats-cell-select', (e as CustomEvent).detail)}
  ></wy-complaint-stats>`,
};
export default meta;
type Story = StoryObj;

/** One month for the twelve offices of the example reference data (offices with no complaints show zeros). */
export const MonthTwelveOffices: Story = {};

/** A quarter, region → office with subtotals, compared with the previous quarter (环比). */
export const QuarterWithComparison: Story = { args: { groupBy: 'region', granularity: 'quarter', compare: 'mom' } };

/** A quarter by month, compared with the same quarter last year (同比). */
export const QuarterByMonthYearOnYear: Story = { args: { groupBy: 'month', granularity: 'quarter', compare: 'yoy' } };

/** A period without any complaint: zeros, dashes for rates, a note. */
export const EmptyPeriod: Story = { args: { from: '2030-01' } };

/** About 4,900 rows (4,800 offices in 32 regions), virtualised: sticky header, first column and group header. */
export const FiveThousandRows: Story = { args: { groupBy: 'region', from: '2026-07', compare: 'yoy', offices: big, complaints: bigRecords } };

/** The paper form as printed: title, document number, reporting unit, period, signature boxes. */
export const Print: Story = { args: { groupBy: 'region', granularity: 'quarter', compare: 'mom', printView: true } };

/** English. */
export const English: Story = { args: { locale: 'en', groupBy: 'region', granularity: 'quarter', compare: 'yoy' } };

/**
 * Counted on the server: `aggregated` holds the table `complaintStatsSql` answers (here made with
 * `aggregateComplaints`, which it equals), sent as JSON; no record is given to the element. With
 * `src="/api/stats"` the element fetches it from a `createStatsHandler` endpoint instead.
 */
export const CountedOnTheServer: Story = {
  render: () => html`<wy-complaint-stats
    group-by="region"
    compare="mom"
    .aggregated=${JSON.parse(JSON.stringify(aggregateComplaints(records, { offices, groupBy: 'region', compare: 'mom', from: '2026-08', to: '2026-09' })))}
  ></wy-complaint-stats>`,
};
