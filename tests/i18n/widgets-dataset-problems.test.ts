import { describe, expect, it } from 'vitest';
import { datasetDamagedMessage } from '../../src/i18n/widgets/dataset-problems';

describe('datasetDamagedMessage', () => {
  it('names the dataset and the damage in the reader’s language', () => {
    expect(datasetDamagedMessage('en', 'truncated', 'MNIST')).toBe(
      'The MNIST data file arrived damaged (it is cut short), so the lab cannot use it. Reload the page to download it again; your settings are kept in the link.',
    );
    expect(datasetDamagedMessage('zh', 'checksum', 'MNIST')).toContain('校验和与内容对不上');
  });

  it('leaves a failed download (and an unknown cause) to the caller’s connection message', () => {
    expect(datasetDamagedMessage('en', 'download', 'MNIST')).toBeNull();
    expect(datasetDamagedMessage('zh', undefined, 'MNIST')).toBeNull();
  });

  it('has no unfilled placeholder for any cause, in either language', () => {
    const causes = [
      'not-a-dataset',
      'unsupported-version',
      'truncated',
      'too-long',
      'corrupt-header',
      'checksum',
      'bad-label',
      'wrong-dataset',
    ] as const;
    for (const lang of ['en', 'zh'] as const) {
      for (const cause of causes)
        expect(datasetDamagedMessage(lang, cause, 'Fashion-MNIST'), `${lang} ${cause}`).not.toMatch(/[{}]/);
    }
  });
});
