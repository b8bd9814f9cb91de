import { useEffect, useState } from 'react';
import { ApiError } from '../../api/api-client';
import { useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';
import { problemLabel } from '../../format/words';

/** `GET /api/term-dates`, as core/services/term-dates.service.ts maps it. */
export interface TermDatesData {
  academicYear: string;
  years: {
    academicYear: string;
    source: 'trust' | 'default';
    halfTerms: { halfTerm: number; name: string; start: string; end: string; schoolDays: number }[];
  }[];
  closures: { id: string; date: string; endDate?: string; academyId?: string; academyName?: string; reason: string }[];
  version: string;
  canEdit: boolean;
}

interface PlanSummary {
  changed: number;
  created: number;
  cancelled: number;
  unplaced: { reason: string }[];
}

interface ImportReport {
  dryRun: boolean;
  years: {
    academicYear: string;
    importable: boolean;
    changes: { name: string; from?: { start: string; end: string }; to: { start: string; end: string } }[];
  }[];
  rejected: { row?: number; column: string; value: string; message: string }[];
  imported: string[];
  replanned?: PlanSummary[];
}

export type TermDatesNotice = { intent: 'success' | 'warning' | 'error'; text: string; problems?: string[] } | undefined;

/** A 400's fields as the person reads them ("Spring 1: Ends: …"), else the error's sentence. */
const noticeOf = (e: unknown): TermDatesNotice => {
  const err = e instanceof ApiError ? e : undefined;
  const problems = (err?.problems ?? []).map((p) => `${problemLabel(p)}: ${p.message}`);
  return {
    intent: 'error',
    text:
      err?.status === 409
        ? 'Someone else changed the term dates since you opened them: reload and try again.'
        : (err?.message ?? 'Could not reach the app’s server; try again.'),
    problems,
  };
};

/** What a re-plan did, in a sentence. */
const replanText = (s: PlanSummary | undefined): string =>
  s
    ? ` The year was re-planned: ${s.changed} meeting(s) moved, ${s.created} added, ${s.cancelled} cancelled${s.unplaced.length ? `, ${s.unplaced.length} without a day` : ''}.`
    : '';

/** The term dates and closures panel's state: the year being edited, the closure being added, the CSV being checked. */
export function useTermDatesPanel() {
  const { api } = useAppContext();
  const data = useApiData<TermDatesData>('/api/term-dates');
  const [year, setYear] = useState<string>();
  const [draft, setDraft] = useState<Record<number, { start: string; end: string }>>({});
  const [closure, setClosure] = useState({ academyId: '', date: '', endDate: '', reason: 'INSET day' });
  const [csv, setCsv] = useState<File>();
  const [report, setReport] = useState<ImportReport>();
  const [notice, setNotice] = useState<TermDatesNotice>();
  const [busy, setBusy] = useState(false);

  const ready = data.state === 'ready' ? data.data : undefined;
  const chosen = ready?.years.find((y) => y.academicYear === (year ?? ready.academicYear)) ?? ready?.years[0];
  useEffect(() => {
    if (chosen) setDraft(Object.fromEntries(chosen.halfTerms.map((h) => [h.halfTerm, { start: h.start, end: h.end }])));
  }, [chosen?.academicYear, ready?.version]); // only when the year or its version changes

  const run = async (what: () => Promise<string>) => {
    setBusy(true);
    setNotice(undefined);
    try {
      const text = await what();
      setNotice({ intent: 'success', text });
      data.reload();
    } catch (e) {
      setNotice(noticeOf(e));
    } finally {
      setBusy(false);
    }
  };

  const saveYear = () =>
    run(async () => {
      const halfTerms = Object.entries(draft).map(([n, d]) => ({ halfTerm: Number(n), start: d.start, end: d.end }));
      const r = await api.send<{ replanned?: PlanSummary }>('PUT', '/api/term-dates', {
        academicYear: chosen!.academicYear,
        halfTerms,
        version: ready!.version,
      });
      return `Term dates for ${chosen!.academicYear} saved.${replanText(r.replanned)}`;
    });

  const addClosure = () =>
    run(async () => {
      const body = {
        date: closure.date,
        reason: closure.reason,
        version: ready!.version,
        ...(closure.endDate ? { endDate: closure.endDate } : {}),
        ...(closure.academyId ? { academyId: closure.academyId } : {}),
      };
      const r = await api.send<{ replanned?: PlanSummary }>('POST', '/api/closures', body);
      setClosure((c) => ({ ...c, date: '', endDate: '' }));
      return `Closure added.${replanText(r.replanned)}`;
    });

  const removeClosure = (id: string) =>
    run(async () => {
      const r = await api.send<{ replanned?: PlanSummary }>('POST', `/api/closures/${encodeURIComponent(id)}/remove`, {
        version: ready!.version,
      });
      return `Closure removed.${replanText(r.replanned)}`;
    });

  const importCsv = async (dryRun: boolean) => {
    if (!csv) return;
    setBusy(true);
    setNotice(undefined);
    try {
      const r = await api.send<ImportReport>('POST', '/api/term-dates/import', {
        csv: await csv.text(),
        dryRun,
        ...(dryRun ? {} : { version: ready!.version }),
      });
      setReport(r);
      const changes = r.years.reduce((n, y) => n + (y.importable ? y.changes.length : 0), 0);
      const rejected = r.rejected.length ? ` ${r.rejected.length} problem(s): see below.` : '';
      setNotice({
        intent: r.rejected.length ? 'warning' : 'success',
        text: dryRun
          ? `Checked: ${changes} half term(s) would change. Nothing has been written yet.${rejected}`
          : `Imported ${r.imported.join(', ') || 'nothing'}.${rejected}${replanText(r.replanned?.[0])}`,
      });
      if (!dryRun) data.reload();
    } catch (e) {
      setNotice(noticeOf(e));
    } finally {
      setBusy(false);
    }
  };

  return {
    data,
    chosen,
    chooseYear: setYear,
    draft,
    setHalfTerm: (n: number, field: 'start' | 'end', value: string) => setDraft((d) => ({ ...d, [n]: { ...d[n]!, [field]: value } })),
    saveYear: () => void saveYear(),
    closure,
    setClosure,
    addClosure: () => void addClosure(),
    removeClosure: (id: string) => void removeClosure(id),
    csv,
    chooseCsv: (f: File | undefined) => {
      setCsv(f);
      setReport(undefined);
    },
    checkCsv: () => void importCsv(true),
    importCsv: () => void importCsv(false),
    report,
    notice,
    busy,
  };
}

export type TermDatesPanelState = ReturnType<typeof useTermDatesPanel>;
