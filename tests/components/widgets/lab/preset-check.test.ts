import { describe, expect, it } from 'vitest';
import { checkedPreset } from '../../../../src/components/widgets/lab/preset-check';

describe('checkedPreset(presetJson, page, id)', () => {
  it('returns the settings of a valid preset (and of none)', () => {
    expect(checkedPreset('{"start":"scratch","latentSize":16}', '/en/two-terms/', 'terms-lab')).toEqual({
      start: 'scratch',
      latentSize: 16,
    });
    expect(checkedPreset('{}', '/en/x/', 'lab')).toEqual({});
  });

  it.each([
    // a misspelt key, a value out of range, a choice the lab lacks, text that is not an object
    ['{"latentSzie":16}', /latentSzie = 16: unknown-field/],
    ['{"beta":-1}', /beta = -1: out-of-range/],
    ['{"dataset":"cifar"}', /dataset = cifar: unknown-choice/],
    ['[1]', /\(the whole preset\) = \[1\]: not-json/],
  ])('throws for %s, naming the page, the lab and the problem', (json, problem) => {
    expect(() => checkedPreset(json, '/vae-book/en/beta-rate-distortion/', 'beta-lab')).toThrow(problem);
    expect(() => checkedPreset(json, '/vae-book/en/beta-rate-distortion/', 'beta-lab')).toThrow(
      /<VaeLab id="beta-lab"> on \/vae-book\/en\/beta-rate-distortion\/ has a preset the lab cannot use/,
    );
  });
});
