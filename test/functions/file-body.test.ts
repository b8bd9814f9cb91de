import { HttpRequest } from '@azure/functions';
import { apiRequestFrom } from '../../functions/azure/http-bridge';

/** The Functions host hands a paper sent as the file itself to the API as bytes, past the 6 MB JSON limit, and stops at 100 MB. */
const put = (body: Uint8Array, headers: Record<string, string> = {}) =>
  new HttpRequest({
    method: 'PUT',
    url: 'https://improve.example.net/api/meetings/m1/papers/p1/file?fileName=Pack.pdf&version=3',
    headers: { 'content-type': 'application/octet-stream', ...headers },
    body: { bytes: body },
  });

describe('a file body on the Functions host', () => {
  it('a 20 MB paper reaches the API as its bytes, with its name and version in the query', async () => {
    const content = new Uint8Array(20 * 1024 * 1024).map((_, i) => i % 256);
    const out = await apiRequestFrom(put(content), 'c1');
    if (!out.ok) throw new Error(`refused: ${JSON.stringify(out.response.body)}`);
    expect(out.request.body).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(out.request.body as Uint8Array).equals(Buffer.from(content))).toBe(true);
    expect(out.request.query).toEqual({ fileName: 'Pack.pdf', version: '3' });
  });

  it('any other route keeps the 6 MB limit, whatever the content type says', async () => {
    const other = new HttpRequest({
      method: 'POST',
      url: 'https://improve.example.net/api/actions',
      headers: { 'content-type': 'application/octet-stream' },
      body: { bytes: new Uint8Array(7 * 1024 * 1024) },
    });
    const out = await apiRequestFrom(other, 'c3');
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.response.status).toBe(413);
  });

  it('a body saying it is over 100 MB is refused with 413 before it is read', async () => {
    const out = await apiRequestFrom(put(new Uint8Array(10), { 'content-length': String(101 * 1024 * 1024) }), 'c2');
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.response).toMatchObject({
      status: 413,
      body: { error: { code: 'INPUT.TOO_LARGE', message: expect.stringMatching(/over 100 MB/) } },
    });
  });
});
