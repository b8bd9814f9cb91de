import { useState } from 'react';
import { ApiError } from '../../../api/api-client';
import { useAppContext } from '../../../app/app-context';
import type { ImportFileKind, ImportReport } from './import-report.types';

/** The API's limit per file (functions/api/import-routes.ts), checked here so a big file fails at once. */
const MAX_CHARS = 2_000_000;

export type ImportMessage = { intent: 'success' | 'warning' | 'error'; text: string; problems?: string[] } | undefined;

/** The import panel's state: the chosen files, the last check or import, and what to say about it. */
export function useImportPanel(onImported?: () => void) {
  const { api } = useAppContext();
  const [files, setFiles] = useState<Partial<Record<ImportFileKind, File>>>({});
  const [report, setReport] = useState<ImportReport>();
  const [checkedFiles, setCheckedFiles] = useState<Partial<Record<ImportFileKind, File>>>();
  const [message, setMessage] = useState<ImportMessage>();
  const [busy, setBusy] = useState(false);

  const choose = (kind: ImportFileKind, file: File | undefined) => {
    setFiles((f) => ({ ...f, [kind]: file }));
    setReport(undefined);
    setCheckedFiles(undefined);
    setMessage(undefined);
  };

  const run = async (dryRun: boolean) => {
    setBusy(true);
    setMessage(undefined);
    try {
      const body: { academiesCsv?: string; peopleCsv?: string; dryRun: boolean } = { dryRun };
      for (const kind of ['academies', 'people'] as const) {
        const file = files[kind];
        if (!file) continue;
        const text = await file.text();
        if (text.length > MAX_CHARS) {
          setMessage({ intent: 'error', text: `${file.name} is too big for one import (2 MB): split it into smaller files.` });
          return;
        }
        body[kind === 'academies' ? 'academiesCsv' : 'peopleCsv'] = text;
      }
      const answer = await api.send<ImportReport>('POST', '/api/admin/import', body);
      setReport(answer);
      setCheckedFiles(dryRun ? files : undefined);
      const rejected =
        answer.rejected.length > 0 ? ` ${new Set(answer.rejected.map((r) => `${r.file}:${r.row}`)).size} row(s) rejected: see below.` : '';
      if (dryRun) {
        const n = answer.changes.length;
        setMessage({
          intent: answer.rejected.length > 0 ? 'warning' : 'success',
          text: `${n === 0 ? 'Checked: nothing would change.' : `Checked: ${n} record(s) would be created or updated. Nothing has been written yet.`}${rejected}`,
        });
      } else {
        const r = answer.result!;
        setMessage({
          intent: r.problems.length > 0 || answer.rejected.length > 0 ? 'warning' : 'success',
          text: `Imported: ${r.created} created, ${r.updated} updated.${rejected}`,
          problems: r.problems.map((p) => `${p.file} row ${p.rows.join(', ')}: ${p.message}`),
        });
        onImported?.();
      }
    } catch (e) {
      const err = e instanceof ApiError ? e : undefined;
      setMessage({
        intent: 'error',
        text: err?.status === 400 ? 'These files could not be read.' : (err?.message ?? 'Could not reach the app’s server; try again.'),
        problems: err?.problems.map((p) => p.message) ?? [],
      });
    } finally {
      setBusy(false);
    }
  };

  const chosen = files.academies !== undefined || files.people !== undefined;
  // Import only what was just checked: the admin has seen the changes before they are written.
  const checked =
    checkedFiles !== undefined &&
    checkedFiles.academies === files.academies &&
    checkedFiles.people === files.people &&
    report?.dryRun === true;
  return {
    files,
    choose,
    report,
    message,
    busy,
    canCheck: chosen && !busy,
    canImport: checked && !busy && (report?.changes.length ?? 0) > 0,
    check: () => void run(true),
    apply: () => void run(false),
  };
}

export type ImportPanelState = ReturnType<typeof useImportPanel>;
