import { Button, Field, Select, Text } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { KpiImportReport } from '../../api/api-types';
import { useWrite } from '../../api/use-write';
import { ReportTable } from '../../components/ReportTable';
import { WriteMessage } from '../actions/WriteMessage';
import { usePageStyles } from '../page.styles';

const OUTCOME = { create: 'New', update: 'Replaces', unchanged: 'Unchanged', rejected: 'Not imported' } as const;

/** The file's bytes as base64, for the JSON body (CSV or Excel alike). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * One data point for the whole trust from an MIS or FFT export (CSV or Excel): check it first and
 * see each row's result, then import; bad rows are listed by row, column and value, the rest import.
 */
export function KpiImportPanel(props: { dataPoints: { number: number; label: string }[]; onImported: () => void }) {
  const s = usePageStyles();
  const write = useWrite();
  const fileId = useId();
  const [point, setPoint] = useState(String(props.dataPoints[0]?.number ?? 1));
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<KpiImportReport>();
  const send = async (dryRun: boolean) => {
    if (!file) return;
    const contentBase64 = await base64Of(file);
    const label = props.dataPoints.find((d) => String(d.number) === point)?.label ?? point;
    const r = await write.run(
      (api) =>
        api.send<KpiImportReport>('POST', '/api/kpi-data-points/import', {
          point: Number(point),
          fileName: file.name,
          contentBase64,
          dryRun,
        }),
      (rep) =>
        dryRun
          ? `Checked: ${rep.counts.create + rep.counts.update} rows to import, ${rep.counts.unchanged} unchanged, ${rep.counts.rejected} not importable.`
          : `${label} imported: ${rep.written?.created ?? 0} new, ${rep.written?.updated ?? 0} replaced, ${rep.written?.dropsFlagged ?? 0} drops flagged for review.`,
    );
    if (r) setReport(r);
    if (r && !dryRun) props.onImported();
  };
  const importable = report ? report.counts.create + report.counts.update : 0;
  return (
    <div className={s.form}>
      <Text>
        A file with a row per academy and KPI: columns Academy, Measure and Value (an MIS or FFT Aspire export saved as CSV or Excel).
      </Text>
      <div className={s.row}>
        <Field label="Data point">
          <Select
            value={point}
            onChange={(_, v) => {
              setPoint(v.value);
              setReport(undefined);
            }}
          >
            {props.dataPoints.map((d) => (
              <option key={d.number} value={String(d.number)}>
                {d.label}
              </option>
            ))}
          </Select>
        </Field>
        <div className={s.form}>
          <label htmlFor={fileId}>CSV or Excel file</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0]);
              setReport(undefined);
            }}
          />
        </div>
        <Button onClick={() => void send(true)} disabled={!file || write.busy}>
          Check the file
        </Button>
        {report?.dryRun && importable > 0 ? (
          <Button appearance="primary" onClick={() => void send(false)} disabled={write.busy}>
            {`Import ${importable} row${importable === 1 ? '' : 's'}`}
          </Button>
        ) : null}
      </div>
      <WriteMessage feedback={write.feedback} />
      {report ? (
        <ReportTable
          label={report.dryRun ? 'What the import would do' : 'What was imported'}
          rows={report.rows}
          rowKey={(r) => String(r.row)}
          rowData={(r) => ({ 'data-row': r.row })}
          columns={[
            { heading: 'Row', cell: (r) => r.row },
            { heading: 'Academy', cell: (r) => r.academyName ?? '—' },
            { heading: 'KPI', cell: (r) => r.measure ?? '—' },
            { heading: 'Value', cell: (r) => r.value ?? '—' },
            {
              heading: 'Result',
              cell: (r) => (
                <>
                  {OUTCOME[r.outcome]}
                  {r.outcome !== 'rejected' && r.belowTarget ? ` · below the target of ${r.target}: a drop to review` : ''}
                  {r.previous !== undefined ? ` (was ${r.previous})` : ''}
                  {r.problems.map((p) => (
                    <div key={`${p.column}-${p.message}`} className={s.overdue}>
                      {p.column} “{p.value}”: {p.message}
                    </div>
                  ))}
                </>
              ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}
