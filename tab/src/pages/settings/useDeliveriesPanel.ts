import { useCallback, useState } from 'react';
import { asApiError, useApiData } from '../../api/use-api-data';
import { useAppContext } from '../../app/app-context';

/** One reminder delivery as `GET /api/admin/deliveries` lists it. */
export interface DeliveryItem {
  key: string;
  reminder: string;
  personName: string;
  status: 'poisoned' | 'failed' | 'no-conversation' | 'sent';
  attempts: number;
  lastError: string | null;
  updatedAt: string;
}

export type DeliveriesNotice = { intent: 'success' | 'error'; text: string } | undefined;

/** The failed, poisoned and undelivered reminders, and sending one again. */
export function useDeliveriesPanel() {
  const { api } = useAppContext();
  const deliveries = useApiData<{ deliveries: DeliveryItem[] }>('/api/admin/deliveries?status=poisoned,failed,no-conversation');
  const [busyKey, setBusyKey] = useState<string>();
  const [notice, setNotice] = useState<DeliveriesNotice>();
  const retry = useCallback(
    async (d: DeliveryItem) => {
      setBusyKey(d.key);
      setNotice(undefined);
      try {
        await api.send('POST', `/api/admin/deliveries/${encodeURIComponent(d.key)}/retry`, {});
        setNotice({ intent: 'success', text: `${d.reminder} for ${d.personName} is queued to be sent again.` });
        deliveries.reload();
      } catch (e) {
        setNotice({ intent: 'error', text: asApiError(e).message });
      } finally {
        setBusyKey(undefined);
      }
    },
    [api, deliveries],
  );
  return { deliveries, busyKey, notice, retry };
}
