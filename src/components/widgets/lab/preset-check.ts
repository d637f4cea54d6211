/** The build-time check of a chapter's `<VaeLab preset={…}>`: MDX props are not type-checked, so a typo must fail here. */
import { parsePreset, type LabSettings } from './settings';

/** The preset's settings; throws, naming the page, the lab and every rejected key, when any part of it is unusable. */
export function checkedPreset(presetJson: string, page: string, id: string): Partial<LabSettings> {
  const { settings, rejected } = parsePreset(presetJson);
  if (rejected.length === 0) return settings;
  const problems = rejected.map(
    ({ field, raw, problem }) => `${field === '' ? '(the whole preset)' : field} = ${raw}: ${problem}`,
  );
  throw new Error(
    `<VaeLab id="${id}"> on ${page} has a preset the lab cannot use: ${problems.join('; ')}. Fix the chapter's preset={…}.`,
  );
}
