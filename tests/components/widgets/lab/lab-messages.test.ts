/** The lab's small pure decisions: which latent dimensions the map shows, the backend a URL asks for, reader-facing messages. */
import { describe, expect, it } from 'vitest';
import { topDims } from '../../../../src/components/widgets/lab/latent-map';
import { backendRequest } from '../../../../src/components/widgets/lab/session';
import { problemMessage } from '../../../../src/components/widgets/lab/controls';
import { storeMessage } from '../../../../src/components/widgets/lab/keep';
import { ModelStoreError } from '../../../../src/components/widgets/lab/model-store';
import { parseSetting } from '../../../../src/components/widgets/lab/settings';
import { VAE_LAB_STRINGS, placeholders } from '../../../../src/i18n/widgets/vae-lab';

const en = VAE_LAB_STRINGS.en;

describe('topDims', () => {
  it('shows both dimensions of a 2-D latent, and the two highest-KL ones (in order) otherwise', () => {
    expect(topDims(2, [0.1, 5])).toEqual([0, 1]);
    expect(topDims(5, [0.1, 3, 0.2, 7, 1])).toEqual([1, 3]);
    expect(topDims(1, [2])).toEqual([0, 0]);
    expect(topDims(3, [])).toEqual([0, 1]);
  });
});

describe('backendRequest', () => {
  it('reads ?backend= and ?softwareWebGL=1, and explains an unknown backend', () => {
    expect(backendRequest('?backend=wasm')).toEqual({ backend: 'wasm', allowSoftwareWebGL: false, error: null });
    expect(backendRequest('?backend=webgl&softwareWebGL=1')).toEqual({
      backend: 'webgl',
      allowSoftwareWebGL: true,
      error: null,
    });
    expect(backendRequest('')).toEqual({ allowSoftwareWebGL: false, error: null });
    expect(backendRequest('?backend=tpu').error).toContain('tpu');
  });
});

describe('messages', () => {
  it('explain each kind of refused setting with its limits', () => {
    const refuse = (field: Parameters<typeof parseSetting>[0], raw: string) => {
      const result = parseSetting(field, raw);
      if (result.ok) throw new Error(`${raw} was accepted`);
      return problemMessage(en, result);
    };
    expect(refuse('beta', 'abc')).toBe('Enter a value from 0 to 10. Not applied.');
    expect(refuse('beta', '11')).toBe('Enter a value from 0 to 10. Not applied.');
    expect(refuse('latentSize', '2.5')).toBe('Enter a whole number from 1 to 64. Not applied.');
    expect(refuse('dataset', 'cifar')).toBe(en.problemChoice);
  });
  it('say what went wrong with a stored or imported model', () => {
    expect(storeMessage(en, new ModelStoreError('unavailable', 'x'))).toBe(en.storeUnavailable);
    expect(storeMessage(en, new ModelStoreError('quota', 'x'))).toBe(en.storeQuota);
    expect(storeMessage(en, new ModelStoreError('corrupt', 'x'))).toBe(en.storeCorrupt);
    expect(storeMessage(en, new ModelStoreError('corrupt', 'x'), 'file')).toBe(en.fileCorrupt);
    expect(storeMessage(en, new ModelStoreError('foreign', 'x'), 'file')).toBe(en.fileForeign);
    expect(storeMessage(en, new ModelStoreError('incompatible', 'latent size 2 vs 16'), 'file')).toContain(
      'latent size 2 vs 16',
    );
  });
  it('exist in both languages with the same placeholders', () => {
    for (const [key, text] of Object.entries(en))
      expect(placeholders(VAE_LAB_STRINGS.zh[key as keyof typeof en]), key).toEqual(placeholders(text));
  });
});
