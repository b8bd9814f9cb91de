import { Checkbox, MessageBar } from '@fluentui/react-components';
import { useState } from 'react';
import { asApiError, useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';
import { LoadError, Loading } from '../../components/PageState';
import { Section } from '../../components/Section';

interface Settings {
  version: string;
  kinds: { kind: string; label: string; on: boolean }[];
}

/** Which Teams messages reach me: each kind can be turned off, and back on (saved straight away). */
export function MessageSettings() {
  const { api } = useAppContext();
  const data = useApiData<Settings>('/api/me/messages');
  const [saved, setSaved] = useState<Settings>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (data.state === 'loading') return <Loading what="your message settings" />;
  if (data.state === 'error') return <LoadError error={data.error} onRetry={data.reload} />;
  const settings = saved ?? data.data;
  const toggle = async (kind: string, on: boolean) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const off = settings.kinds.filter((k) => (k.kind === kind ? !on : !k.on)).map((k) => k.kind);
      setSaved(await api.send<Settings>('PUT', '/api/me/messages', { off, version: settings.version }));
    } catch (e) {
      setProblem(asApiError(e).message);
      data.reload();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Section title="Messages I get in Teams">
      {problem ? (
        <MessageBar intent="error" role="alert">
          {problem}
        </MessageBar>
      ) : null}
      <div role="group" aria-label="Messages I get in Teams">
        {settings.kinds.map((k) => (
          <div key={k.kind}>
            <Checkbox label={k.label} checked={k.on} disabled={busy} onChange={(_, d) => void toggle(k.kind, d.checked === true)} />
          </div>
        ))}
      </div>
    </Section>
  );
}
