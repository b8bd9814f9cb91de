import { Button, Label, Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ReportTable } from '../../../components/ReportTable';
import { Section } from '../../../components/Section';
import type { usePageStyles } from '../../page.styles';
import type { ImportFileKind } from './import-report.types';
import type { ImportPanelState } from './useImportPanel';

const FILES: { kind: ImportFileKind; label: string }[] = [
  { kind: 'academies', label: 'Academies CSV' },
  { kind: 'people', label: 'People CSV' },
];

const ACTION = { create: 'Create', update: 'Update' } as const;

/** The import panel: choose files, check (dry run), then import; counts, changes and rejected rows in tables. */
export function renderImportPanel(st: ImportPanelState, s: ReturnType<typeof usePageStyles>) {
  const r = st.report;
  return (
    <Section title="Import from CSV">
      <p className={s.muted}>
        Load academies and people from your MIS or spreadsheet, saved as CSV (the columns are described in docs/onboarding.md). Check first:
        it shows what would change and writes nothing. Importing the same file twice changes nothing, and no one is ever removed.
      </p>
      <div className={s.row}>
        {FILES.map((f) => (
          <div key={f.kind} className={s.form}>
            <Label htmlFor={`import-${f.kind}`}>{f.label}</Label>
            <input
              id={`import-${f.kind}`}
              type="file"
              accept=".csv,text/csv"
              disabled={st.busy}
              onChange={(e) => st.choose(f.kind, e.currentTarget.files?.[0])}
            />
          </div>
        ))}
        <Button disabled={!st.canCheck} onClick={st.check}>
          Check
        </Button>
        <Button appearance="primary" disabled={!st.canImport} onClick={st.apply}>
          Import
        </Button>
      </div>
      {st.message ? (
        <MessageBar intent={st.message.intent} role={st.message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>
            {st.message.text}
            {st.message.problems && st.message.problems.length > 0 ? (
              <ul>
                {st.message.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {r ? (
        <>
          <ul className={s.list} aria-label="Counts">
            {(['academies', 'people'] as const)
              .filter((k) => r.files[k])
              .map((k) => (
                <li key={k}>
                  {k === 'academies' ? 'Academies' : 'People'}: {r.counts[k].create} to create, {r.counts[k].update} to update,{' '}
                  {r.counts[k].unchanged} unchanged, {r.counts[k].rejected} rejected
                  {r.files[k]!.ignoredColumns.length > 0 ? (
                    <span className={s.muted}> (columns not used: {r.files[k]!.ignoredColumns.join(', ')})</span>
                  ) : null}
                </li>
              ))}
            {r.fileProblems.map((p) => (
              <li key={p.file}>Could not read the {p.message}</li>
            ))}
          </ul>
          {r.changes.length > 0 ? (
            <ReportTable
              label={r.dryRun ? 'What would change' : 'What changed'}
              rows={r.changes}
              rowKey={(c) => `${c.file}-${c.rows.join('-')}`}
              columns={[
                { heading: 'Row', cell: (c) => c.rows.join(', ') },
                { heading: 'File', cell: (c) => c.file },
                { heading: 'Name', cell: (c) => c.label },
                { heading: 'Action', cell: (c) => ACTION[c.outcome] },
                {
                  heading: 'Changes',
                  cell: (c) =>
                    c.changes
                      .map((f) =>
                        c.outcome === 'create'
                          ? `${f.field}: ${f.after}`
                          : `${f.field}: ${f.before ?? '(blank)'} → ${f.after || '(blank)'}`,
                      )
                      .join(' · '),
                },
              ]}
            />
          ) : null}
          {r.rejected.length > 0 ? (
            <>
              <h3 className={s.subheading}>Rejected rows</h3>
              <ReportTable
                label="Rejected rows"
                rows={r.rejected}
                rowKey={(p, i) => `${p.file}-${p.row}-${i}`}
                columns={[
                  { heading: 'Row', cell: (p) => p.row },
                  { heading: 'File', cell: (p) => p.file },
                  { heading: 'Column', cell: (p) => p.column },
                  { heading: 'Value', cell: (p) => p.value || '(blank)' },
                  { heading: 'Problem', cell: (p) => p.message },
                ]}
              />
              <div className={s.row}>
                {(['academies', 'people'] as const).map((k) =>
                  r.rejectedCsv[k] ? (
                    <Link
                      key={k}
                      href={`data:text/csv;charset=utf-8,${encodeURIComponent('\uFEFF' + r.rejectedCsv[k])}`}
                      download={`rejected-${k}.csv`}
                    >
                      Download the rejected {k} rows to fix
                    </Link>
                  ) : null,
                )}
              </div>
            </>
          ) : null}
          {r.notInFile.length > 0 ? (
            <p className={s.muted}>{r.notInFile.length} people in the trust are not in the people file; they are kept as they are.</p>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
