import {
  Button,
  Field,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useAppContext } from '../../app/app-context';
import { DateField } from '../../components/DateField';
import { LoadError, Loading } from '../../components/PageState';
import { ReportTable } from '../../components/ReportTable';
import { Section } from '../../components/Section';
import { formatDate } from '../../format/dates';
import { usePageStyles } from '../page.styles';
import { useTermDatesPanel, type TermDatesPanelState } from './useTermDatesPanel';

/** Settings (trust admin / CEO): each year's half terms, a local authority's CSV, and INSET days for the trust or one academy. */
export function TermDatesPanel() {
  const st = useTermDatesPanel();
  const s = usePageStyles();
  const { academies } = useAppContext();
  return renderTermDatesPanel(
    st,
    s,
    [...academies.values()].map((a) => ({ id: a.id, name: a.name })),
  );
}

function renderTermDatesPanel(st: TermDatesPanelState, s: ReturnType<typeof usePageStyles>, academies: { id: string; name: string }[]) {
  const { data, chosen, report } = st;
  return (
    <Section title="Term dates and closures">
      <p className={s.muted}>
        Meetings are planned on school days only. Saving dates or adding a closure re-plans a year that has meetings: what has happened
        stays, and only the meetings on changed days move.
      </p>
      {st.notice ? (
        <MessageBar intent={st.notice.intent} role={st.notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>
            {st.notice.text}
            {st.notice.problems?.length ? (
              <ul>
                {st.notice.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {data.state === 'loading' ? <Loading what="term dates" /> : null}
      {data.state === 'error' ? <LoadError error={data.error} onRetry={data.reload} /> : null}
      {data.state === 'ready' && chosen ? (
        <>
          <div className={s.row}>
            <Field label="Academic year">
              <Select value={chosen.academicYear} onChange={(_, v) => st.chooseYear(v.value)}>
                {data.data.years.map((y) => (
                  <option key={y.academicYear} value={y.academicYear}>
                    {y.academicYear} {y.source === 'trust' ? '(the trust’s dates)' : '(default dates for England)'}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <div className={s.tableWrap}>
            <Table aria-label={`Half terms of ${chosen.academicYear}`} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Half term</TableHeaderCell>
                  <TableHeaderCell>Starts</TableHeaderCell>
                  <TableHeaderCell>Ends</TableHeaderCell>
                  <TableHeaderCell>School days</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {chosen.halfTerms.map((h) => (
                  <TableRow key={h.halfTerm}>
                    <TableCell>{h.name}</TableCell>
                    <TableCell>
                      {data.data.canEdit ? (
                        <DateField
                          size="small"
                          label={`${h.name} starts`}
                          value={st.draft[h.halfTerm]?.start ?? h.start}
                          onChange={(v) => st.setHalfTerm(h.halfTerm, 'start', v)}
                        />
                      ) : (
                        formatDate(h.start)
                      )}
                    </TableCell>
                    <TableCell>
                      {data.data.canEdit ? (
                        <DateField
                          size="small"
                          label={`${h.name} ends`}
                          value={st.draft[h.halfTerm]?.end ?? h.end}
                          onChange={(v) => st.setHalfTerm(h.halfTerm, 'end', v)}
                        />
                      ) : (
                        formatDate(h.end)
                      )}
                    </TableCell>
                    <TableCell>{h.schoolDays}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          {data.data.canEdit ? (
            <div className={s.row}>
              <Button appearance="primary" disabled={st.busy} onClick={st.saveYear}>
                Save term dates for {chosen.academicYear}
              </Button>
            </div>
          ) : null}

          {data.data.canEdit ? (
            <>
              <h3 className={s.subheading}>Import a local authority’s term dates (CSV)</h3>
              <p className={s.muted}>
                One row per half term, with the columns Academic year, Term, Starts, Ends, e.g. “2026/27, Autumn 1, 02/09/2026, 23/10/2026”.
                Check first: it shows what would change and writes nothing.
              </p>
              <div className={s.row}>
                <div className={s.form}>
                  <Label htmlFor="term-dates-csv">Term dates CSV</Label>
                  <input
                    id="term-dates-csv"
                    type="file"
                    accept=".csv,text/csv"
                    disabled={st.busy}
                    onChange={(e) => st.chooseCsv(e.currentTarget.files?.[0])}
                  />
                </div>
                <Button disabled={!st.csv || st.busy} onClick={st.checkCsv}>
                  Check
                </Button>
                <Button appearance="primary" disabled={!st.csv || st.busy || report?.dryRun !== true} onClick={st.importCsv}>
                  Import
                </Button>
              </div>
              {report ? (
                <>
                  <ul className={s.list} aria-label="Term dates in the file">
                    {report.years.map((y) => (
                      <li key={y.academicYear}>
                        {y.academicYear}:{' '}
                        {y.importable
                          ? y.changes.length
                            ? y.changes
                                .map(
                                  (c) =>
                                    `${c.name} ${formatDate(c.to.start)} – ${formatDate(c.to.end)}${c.from ? ` (was ${formatDate(c.from.start)} – ${formatDate(c.from.end)})` : ''}`,
                                )
                                .join('; ')
                            : 'no change'
                          : 'not imported'}
                      </li>
                    ))}
                  </ul>
                  {report.rejected.length ? (
                    <ReportTable
                      label="Rows not imported"
                      rows={report.rejected}
                      rowKey={(r, i) => `${r.row ?? 'year'}-${r.column}-${i}`}
                      columns={[
                        { heading: 'Row', cell: (r) => r.row ?? '—' },
                        { heading: 'Column', cell: (r) => r.column },
                        { heading: 'Value', cell: (r) => r.value },
                        { heading: 'Problem', cell: (r) => r.message },
                      ]}
                    />
                  ) : null}
                </>
              ) : null}
            </>
          ) : null}

          <h3 className={s.subheading}>INSET days and closures</h3>
          {data.data.closures.length === 0 ? <p className={s.muted}>No closures yet.</p> : null}
          {data.data.closures.length ? (
            <div className={s.tableWrap}>
              <Table aria-label="Closures" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Date</TableHeaderCell>
                    <TableHeaderCell>Who</TableHeaderCell>
                    <TableHeaderCell>Reason</TableHeaderCell>
                    {data.data.canEdit ? (
                      <TableHeaderCell>
                        <span className={s.visuallyHidden}>Remove</span>
                      </TableHeaderCell>
                    ) : null}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.data.closures.map((c) => (
                    <TableRow key={c.id} data-closure={c.id}>
                      <TableCell>
                        {formatDate(c.date)}
                        {c.endDate ? ` – ${formatDate(c.endDate)}` : ''}
                      </TableCell>
                      <TableCell>{c.academyName ?? 'The whole trust'}</TableCell>
                      <TableCell>{c.reason}</TableCell>
                      {data.data.canEdit ? (
                        <TableCell>
                          <Button
                            size="small"
                            aria-label={`Remove the closure on ${formatDate(c.date)} for ${c.academyName ?? 'the whole trust'}`}
                            disabled={st.busy}
                            onClick={() => st.removeClosure(c.id)}
                          >
                            Remove
                          </Button>
                        </TableCell>
                      ) : null}
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          ) : null}
          {data.data.canEdit ? (
            <form
              className={s.row}
              aria-label="Add a closure"
              onSubmit={(e) => {
                e.preventDefault();
                st.addClosure();
              }}
            >
              <Field label="Closed">
                <Select value={st.closure.academyId} onChange={(_, v) => st.setClosure({ ...st.closure, academyId: v.value })}>
                  <option value="">The whole trust</option>
                  {academies.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </Select>
              </Field>
              <DateField label="Date" value={st.closure.date} onChange={(v) => st.setClosure({ ...st.closure, date: v })} required />
              <DateField
                label="Last day (if more than one)"
                value={st.closure.endDate}
                onChange={(v) => st.setClosure({ ...st.closure, endDate: v })}
              />
              <Field label="Reason" required>
                <Input value={st.closure.reason} onChange={(_, v) => st.setClosure({ ...st.closure, reason: v.value })} />
              </Field>
              <Button appearance="primary" type="submit" disabled={st.busy || !st.closure.date}>
                Add closure
              </Button>
            </form>
          ) : null}
        </>
      ) : null}
    </Section>
  );
}
