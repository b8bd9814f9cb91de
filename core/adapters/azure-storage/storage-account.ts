import { TableClient } from '@azure/data-tables';
import { ManagedIdentityCredential, type TokenCredential } from '@azure/identity';
import { QueueClient } from '@azure/storage-queue';

/**
 * Where the app's queues and tables are: a connection string (Azurite locally, or a key from Key
 * Vault), or, as deployed by default, the storage account's name reached with the Function App's
 * managed identity and its data roles, so no key exists anywhere.
 */
export type StorageAccount = string | { accountName: string; credential: TokenCredential; endpointSuffix?: string };

export interface StorageClientOptions {
  /** Azurite speaks plain HTTP on loopback. */
  allowInsecureConnection?: boolean;
  /** The SDK retries a failed call several times with back-off; a caller on a hot path may want fewer. */
  maxRetries?: number;
}

export function tableClient(account: StorageAccount, table: string, options: StorageClientOptions = {}): TableClient {
  const clientOptions = {
    ...(options.allowInsecureConnection ? { allowInsecureConnection: true } : {}),
    ...(options.maxRetries === undefined ? {} : { retryOptions: { maxRetries: options.maxRetries } }),
  };
  if (typeof account === 'string') return TableClient.fromConnectionString(account, table, clientOptions);
  return new TableClient(
    `https://${account.accountName}.table.${account.endpointSuffix ?? 'core.windows.net'}`,
    table,
    account.credential,
    clientOptions,
  );
}

export function queueClient(account: StorageAccount, queue: string): QueueClient {
  if (typeof account === 'string') return new QueueClient(account, queue);
  return new QueueClient(
    `https://${account.accountName}.queue.${account.endpointSuffix ?? 'core.windows.net'}/${queue}`,
    account.credential,
  );
}

/**
 * The storage account from the Functions host's own settings, read the way the host reads them:
 * `AzureWebJobsStorage` as a connection string, or the identity-based `AzureWebJobsStorage__accountName`
 * (+ `__clientId` for a user-assigned identity; the system-assigned one otherwise).
 */
export function storageAccountFromSettings(settings: {
  AzureWebJobsStorage?: string | undefined;
  AzureWebJobsStorage__accountName?: string | undefined;
  AzureWebJobsStorage__clientId?: string | undefined;
}): StorageAccount | undefined {
  if (settings.AzureWebJobsStorage) return settings.AzureWebJobsStorage;
  if (!settings.AzureWebJobsStorage__accountName) return undefined;
  const clientId = settings.AzureWebJobsStorage__clientId;
  return {
    accountName: settings.AzureWebJobsStorage__accountName,
    credential: clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential(),
  };
}
