import { useCallback, useMemo, useState } from 'react';
import type { AcademyStatus, Dashboard, KpiSchools } from '../../api/api-types';
import { useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';

export type SortKey = 'rag' | 'name' | 'ofsted' | 'nextMeeting' | 'actions' | 'kpiDrops' | 'escalation' | 'support';
export type RagFilter = 'all' | 'red' | 'amber' | 'green';

const RAG = { red: 0, amber: 1, green: 2 } as const;
const OFSTED = { inadequate: 0, 'requires-improvement': 1, 'not-inspected': 2, good: 3, outstanding: 4 } as const;

const compare: Record<SortKey, (a: AcademyStatus, b: AcademyStatus) => number> = {
  rag: (a, b) => RAG[a.rag] - RAG[b.rag],
  name: (a, b) => a.name.localeCompare(b.name, 'en-GB'),
  ofsted: (a, b) => OFSTED[a.ofsted.grade] - OFSTED[b.ofsted.grade],
  nextMeeting: (a, b) => (a.nextMeeting?.date ?? '9999').localeCompare(b.nextMeeting?.date ?? '9999'),
  actions: (a, b) => b.actions.overdue - a.actions.overdue || b.actions.open - a.actions.open,
  kpiDrops: (a, b) => b.kpiDropsAwaitingReview - a.kpiDropsAwaitingReview,
  escalation: (a, b) => b.escalation.step - a.escalation.step,
  support: (a, b) => (b.supportDays.spendPercent ?? 0) - (a.supportDays.spendPercent ?? 0),
};

/** Sorts and filters the academies; a pure function so the bench and tests can reason about it. */
export function arrange(
  academies: readonly AcademyStatus[],
  opts: { sort: SortKey; ascending: boolean; rag: RagFilter; search: string },
): AcademyStatus[] {
  const q = opts.search.trim().toLowerCase();
  const kept = academies.filter(
    (a) =>
      (opts.rag === 'all' || a.rag === opts.rag) &&
      (q === '' || a.name.toLowerCase().includes(q) || a.stage.label.toLowerCase().includes(q)),
  );
  const sorted = [...kept].sort((a, b) => compare[opts.sort](a, b) || a.name.localeCompare(b.name, 'en-GB'));
  return opts.ascending ? sorted : sorted.reverse();
}

/** The dashboard's state: the data, sort and filter, and the board export. */
export function useDashboardPage() {
  const ctx = useAppContext();
  const data = useApiData<Dashboard>('/api/dashboard');
  const [sort, setSort] = useState<SortKey>('rag');
  const [ascending, setAscending] = useState(true);
  const [rag, setRag] = useState<RagFilter>('all');
  const [search, setSearch] = useState('');
  const [exporting, setExporting] = useState<'idle' | 'working' | 'failed'>('idle');
  // A data point imported: the table's drops and the chart both change, so both load again.
  const [kpiTick, setKpiTick] = useState(0);
  const { reload } = data;
  const kpisChanged = useCallback(() => {
    reload();
    setKpiTick((t) => t + 1);
  }, [reload]);
  const rows = useMemo(
    () => (data.state === 'ready' ? arrange(data.data.academies, { sort, ascending, rag, search }) : []),
    [data, sort, ascending, rag, search],
  );

  const sortBy = (key: SortKey) => {
    if (key === sort) setAscending((x) => !x);
    else {
      setSort(key);
      setAscending(true);
    }
  };

  const exportForBoard = async () => {
    if (data.state !== 'ready') return;
    setExporting('working');
    try {
      const { downloadBoardWorkbook } = await import('./board-export');
      // A sheet per KPI, from the same figures as the chart; titled for the viewer (a head's own academy, or the trust).
      const kpis = await ctx.api.get<KpiSchools>('/api/kpis/schools');
      await downloadBoardWorkbook(data.data, (id) => ctx.people.get(id)?.name ?? id, {
        kpis,
        scope: ctx.me.can.seeWholeTrust ? 'trust' : 'academy',
      });
      setExporting('idle');
    } catch {
      setExporting('failed');
    }
  };

  return {
    ctx,
    data,
    rows,
    sort,
    ascending,
    sortBy,
    rag,
    setRag,
    search,
    setSearch,
    exporting,
    exportForBoard,
    kpiTick,
    kpisChanged,
    /** The board export and the search across academies: trust roles only (the server's `can`). */
    trustTools: ctx.me.can.useTrustTools,
    seesTrust: (data.state === 'ready' && data.data.academies.length > 1) || ctx.me.roles.some((r) => !r.academyId),
  };
}

export type DashboardState = ReturnType<typeof useDashboardPage>;
