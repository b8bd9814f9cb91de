import { useEffect, useState } from 'react';
import type { AcademyAdminItem, ImprovementModel, PersonAdminItem } from '../../api/api-types';
import { asApiError, useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';

export type SaveResult = { intent: 'success' | 'error'; text: string; problems?: string[] } | undefined;

/** Settings' state: the improvement model as JSON (validated by the API on save), academies and people. */
export function useSettingsPage() {
  const ctx = useAppContext();
  const isAdmin = ctx.me.roles.some((r) => r.role === 'trust-admin' || r.role === 'ceo');
  const model = useApiData<{ model: ImprovementModel; version: string }>('/api/model');
  const academies = useApiData<{ academies: AcademyAdminItem[] }>(isAdmin ? '/api/admin/academies' : '/api/me');
  const people = useApiData<{ people: PersonAdminItem[] }>(isAdmin ? '/api/admin/people' : '/api/me');
  const [draft, setDraft] = useState('');
  const [modelResult, setModelResult] = useState<SaveResult>();
  const [academyResult, setAcademyResult] = useState<SaveResult>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (model.state === 'ready') setDraft(JSON.stringify(model.data.model, null, 2));
  }, [model]);

  const saveModel = async () => {
    if (model.state !== 'ready') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(draft);
    } catch (e) {
      setModelResult({ intent: 'error', text: `That is not valid JSON: ${(e as Error).message}` });
      return;
    }
    setBusy(true);
    try {
      await ctx.api.send('PUT', '/api/model', { model: parsed, version: model.data.version });
      setModelResult({ intent: 'success', text: 'The improvement model is saved; the next planning run uses it.' });
      model.reload();
    } catch (e) {
      const err = asApiError(e);
      setModelResult({ intent: 'error', text: err.status === 400 ? 'The model was not saved: fix these fields.' : err.message, problems: err.problems.map((p) => `${p.field}: ${p.message}`) });
    } finally {
      setBusy(false);
    }
  };

  const saveAcademy = async (a: AcademyAdminItem, changes: Partial<AcademyAdminItem>) => {
    setBusy(true);
    try {
      await ctx.api.send('PATCH', `/api/admin/academies/${encodeURIComponent(a.id)}`, { ...changes, version: a.version });
      setAcademyResult({ intent: 'success', text: `${a.name} saved.` });
      academies.reload();
    } catch (e) {
      const err = asApiError(e);
      setAcademyResult({ intent: 'error', text: err.message });
    } finally {
      setBusy(false);
    }
  };

  return { ctx, isAdmin, model, academies, people, draft, setDraft, saveModel, modelResult, saveAcademy, academyResult, busy };
}

export type SettingsState = ReturnType<typeof useSettingsPage>;
