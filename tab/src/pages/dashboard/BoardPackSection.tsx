import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { BoardPackItem, BoardPackList } from '../../api/api-types';
import { asApiError, useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';
import { Empty, LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../format/dates';

/** Saves a pack through the API client, which carries the person's identity (a plain link would get 401), as PaperLink does. */
function PackDownload(props: { pack: BoardPackItem }) {
  const { api } = useAppContext();
  const [problem, setProblem] = useState<string>();
  const save = async () => {
    setProblem(undefined);
    try {
      const blob = await api.download(props.pack.download);
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = props.pack.fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    } catch (e) {
      setProblem(asApiError(e).message);
    }
  };
  // In SharePoint the pack opens where it is filed (SharePoint checks its own permissions); the app serves only the files it keeps.
  const link = new URL(props.pack.link || props.pack.download, window.location.href);
  if (!link.pathname.startsWith('/api/'))
    return (
      <a href={link.href} target="_blank" rel="noopener noreferrer" aria-label={`Open ${props.pack.fileName}`}>
        Open
      </a>
    );
  return (
    <>
      <Button appearance="subtle" size="small" onClick={() => void save()} aria-label={`Download ${props.pack.fileName}`}>
        Download
      </Button>
      {problem ? <Text role="alert"> {problem}</Text> : null}
    </>
  );
}

/**
 * The board pack on the dashboard, for the trust's own people: the packs generated so far (the
 * timer's before each board meeting and any made on demand), newest first, and a button to generate
 * this term's now (the CEO and the improvement team; the board reads them).
 */
export function BoardPackSection() {
  const { api, me } = useAppContext();
  const packs = useApiData<BoardPackList>('/api/board-packs');
  const [state, setState] = useState<{ kind: 'idle' | 'working' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const generate = async () => {
    setState({ kind: 'working' });
    try {
      await api.send('POST', '/api/board-packs', {});
      setState({ kind: 'idle' });
      packs.reload();
    } catch (e) {
      setState({ kind: 'failed', message: asApiError(e).message });
    }
  };
  return (
    <Section
      title="Board pack"
      actions={
        me.can.planMeetings ? (
          <Button appearance="primary" onClick={() => void generate()} disabled={state.kind === 'working'}>
            {state.kind === 'working' ? 'Generating…' : 'Generate this term’s pack'}
          </Button>
        ) : undefined
      }
    >
      {state.kind === 'failed' ? <Text role="alert">The pack could not be generated: {state.message}</Text> : null}
      {packs.state === 'loading' ? <Loading what="the board packs" /> : null}
      {packs.state === 'error' ? <LoadError error={packs.error} onRetry={packs.reload} /> : null}
      {packs.state === 'ready' && packs.data.items.length === 0 ? <Empty>No board pack has been generated yet.</Empty> : null}
      {packs.state === 'ready' && packs.data.items.length > 0 ? (
        <Table aria-label="Board packs" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Term</TableHeaderCell>
              <TableHeaderCell>Generated</TableHeaderCell>
              <TableHeaderCell>By</TableHeaderCell>
              <TableHeaderCell>How</TableHeaderCell>
              <TableHeaderCell>File</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {packs.data.items.map((p) => (
              <TableRow key={p.id} data-pack={p.id}>
                <TableCell>{p.term}</TableCell>
                <TableCell>{formatDateTime(p.generatedAt)}</TableCell>
                <TableCell>{p.generatedBy}</TableCell>
                <TableCell>{p.how}</TableCell>
                <TableCell>
                  <PackDownload pack={p} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
    </Section>
  );
}
