import { CONFLICT, INVALID, type StoreUnderTest } from './contract-helpers';
import { someTrustSettings } from './record-factories';

/** The trust's one settings record: created once, then changed only from the version last read. */
export function describeTrustSettings(store: StoreUnderTest): void {
  it('a new store has no trust settings', async () => {
    expect(await store().trust.get()).toBeUndefined();
  });

  it('settings saved without a version are created and read back with one', async () => {
    const settings = someTrustSettings();
    const saved = await store().trust.save(settings);
    expect(saved).toEqual({ ...settings, version: expect.any(String) });
    expect(await store().trust.get()).toEqual(saved);
  });

  it('saving with the current version updates the settings under a new version', async () => {
    const first = await store().trust.save(someTrustSettings());
    const second = await store().trust.save({ ...first, name: 'Oak and Ash Learning Trust', closures: ['2026-09-01'] });
    expect(second.version).not.toBe(first.version);
    expect(await store().trust.get()).toEqual(second);
    expect(second.name).toBe('Oak and Ash Learning Trust');
  });

  it('a stale version is a conflict and the stored settings are unchanged', async () => {
    const first = await store().trust.save(someTrustSettings());
    const second = await store().trust.save({ ...first, name: 'Oak and Ash Learning Trust' });
    await expect(store().trust.save({ ...first, name: 'Someone else’s edit' })).rejects.toMatchObject(CONFLICT);
    expect(await store().trust.get()).toEqual(second);
  });

  it('saving without a version once settings exist is a conflict, not an overwrite', async () => {
    const first = await store().trust.save(someTrustSettings());
    await expect(store().trust.save(someTrustSettings({ name: 'A second trust' }))).rejects.toMatchObject(CONFLICT);
    expect(await store().trust.get()).toEqual(first);
  });

  it('invalid settings are refused with a ValidationError and nothing is written', async () => {
    await expect(store().trust.save(someTrustSettings({ name: '' }))).rejects.toMatchObject(INVALID);
    expect(await store().trust.get()).toBeUndefined();
  });
}
