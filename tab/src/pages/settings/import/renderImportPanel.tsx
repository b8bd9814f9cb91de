import {
  Button,
  Label,
  Link,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
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
            // Focusable, so a keyboard user can scroll a wide table (axe: scrollable-region-focusable).
            <div
              className={s.tableWrap}
              tabIndex={0}
              role="group"
              aria-label={r.dryRun ? 'What would change (scrolls)' : 'What changed (scrolls)'}
            >
              <Table aria-label={r.dryRun ? 'What would change' : 'What changed'} size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Row</TableHeaderCell>
                    <TableHeaderCell>File</TableHeaderCell>
                    <TableHeaderCell>Name</TableHeaderCell>
                    <TableHeaderCell>Action</TableHeaderCell>
                    <TableHeaderCell>Changes</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {r.changes.map((c) => (
                    <TableRow key={`${c.file}-${c.rows.join('-')}`}>
                      <TableCell>{c.rows.join(', ')}</TableCell>
                      <TableCell>{c.file}</TableCell>
                      <TableCell>{c.label}</TableCell>
                      <TableCell>{ACTION[c.outcome]}</TableCell>
                      <TableCell>
                        {c.changes
                          .map((f) =>
                            c.outcome === 'create'
                              ? `${f.field}: ${f.after}`
                              : `${f.field}: ${f.before ?? '(blank)'} → ${f.after || '(blank)'}`,
                          )
                          .join(' · ')}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : null}
          {r.rejected.length > 0 ? (
            <>
              <h3 className={s.subheading}>Rejected rows</h3>
              <div className={s.tableWrap} tabIndex={0} role="group" aria-label="Rejected rows (scrolls)">
                <Table aria-label="Rejected rows" size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>Row</TableHeaderCell>
                      <TableHeaderCell>File</TableHeaderCell>
                      <TableHeaderCell>Column</TableHeaderCell>
                      <TableHeaderCell>Value</TableHeaderCell>
                      <TableHeaderCell>Problem</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {r.rejected.map((p, i) => (
                      <TableRow key={`${p.file}-${p.row}-${i}`}>
                        <TableCell>{p.row}</TableCell>
                        <TableCell>{p.file}</TableCell>
                        <TableCell>{p.column}</TableCell>
                        <TableCell>{p.value || '(blank)'}</TableCell>
                        <TableCell>{p.message}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
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
