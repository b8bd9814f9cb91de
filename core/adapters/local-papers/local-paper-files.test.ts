import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describePaperFilesContract } from '../../../test/contracts/paper-files.contract';
import { createLocalPaperFiles } from './local-paper-files';

describePaperFilesContract('local folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'papers-'));
  return { papers: createLocalPaperFiles({ dir, baseUrl: 'http://localhost:3978/papers' }), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
});
