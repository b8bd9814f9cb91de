import { useEffect, useState } from 'react';
import type { AcademyAdminItem, ImprovementModel, PersonAdminItem } from '../../api/api-types';
import { asApiError, useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';
import { problemLabel } from '../../format/words';

/** The person being edited (or added, with no id yet): roles as role × academy ("" = the whole trust). */
export interface PersonDraft {
  id?: string;
  version?: string;
  clientKey: string;
  name: string;
  email: string;
  jobTitle: string;
  roles: { role: string; academyId: string }[];
}

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

export type SaveResult = { intent: 'success' | 'error'; text: string; problems?: string[] } | undefined;

/** Settings' state: the improvement model as JSON (validated by the API on save), academies and people. */
export function useSettingsPage() {
  const ctx = useAppContext();
  const isAdmin = ctx.me.can.administerTrust;
  const model = useApiData<{ model: ImprovementModel; version: string }>('/api/model');
  const academies = useApiData<{ academies: AcademyAdminItem[] }>(isAdmin ? '/api/admin/academies' : '/api/me');
  const people = useApiData<{ people: PersonAdminItem[] }>(isAdmin ? '/api/admin/people' : '/api/me');
  const [draft, setDraft] = useState('');
  const [modelResult, setModelResult] = useState<SaveResult>();
  const [academyResult, setAcademyResult] = useState<SaveResult>();
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<PersonDraft>();
  const [personErrors, setPersonErrors] = useState<Record<string, string>>({});
  const [personResult, setPersonResult] = useState<SaveResult>();

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
      setModelResult({
        intent: 'error',
        text: err.status === 400 ? 'The model was not saved: fix these fields.' : err.message,
        problems: err.problems.map((p) => `${problemLabel(p)}: ${p.message}`),
      });
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

  const editPerson = (p: PersonAdminItem | undefined) => {
    setPersonErrors({});
    setPersonResult(undefined);
    setEditing(
      p
        ? {
            id: p.id,
            version: p.version,
            clientKey: newKey(),
            name: p.name,
            email: p.email,
            jobTitle: p.jobTitle ?? '',
            roles: p.roles.map((r) => ({ role: r.role, academyId: r.academyId ?? '' })),
          }
        : { clientKey: newKey(), name: '', email: '', jobTitle: '', roles: [{ role: 'governor', academyId: '' }] },
    );
  };

  const savePerson = async () => {
    if (!editing) return;
    const body = {
      name: editing.name,
      email: editing.email.trim(),
      ...(editing.jobTitle.trim() ? { jobTitle: editing.jobTitle.trim() } : {}),
      roles: editing.roles.map((r) => (r.academyId ? { role: r.role, academyId: r.academyId } : { role: r.role })),
    };
    setBusy(true);
    try {
      if (editing.id)
        await ctx.api.send('PATCH', `/api/admin/people/${encodeURIComponent(editing.id)}`, { ...body, version: editing.version });
      else await ctx.api.send('POST', '/api/admin/people', { ...body, clientKey: editing.clientKey });
      setPersonResult({ intent: 'success', text: `${editing.name.trim()} saved.` });
      setPersonErrors({});
      setEditing(undefined);
      people.reload();
    } catch (e) {
      const err = asApiError(e);
      if (err.problems.length > 0) {
        setPersonErrors(Object.fromEntries(err.problems.map((p) => [p.field, p.message])));
        setPersonResult({ intent: 'error', text: 'Not saved: fix the fields marked.' });
      } else setPersonResult({ intent: 'error', text: err.message });
    } finally {
      setBusy(false);
    }
  };

  return {
    ctx,
    isAdmin,
    editing,
    setEditing,
    editPerson,
    savePerson,
    personErrors,
    personResult,
    model,
    academies,
    people,
    draft,
    setDraft,
    saveModel,
    modelResult,
    saveAcademy,
    academyResult,
    busy,
  };
}

export type SettingsState = ReturnType<typeof useSettingsPage>;
