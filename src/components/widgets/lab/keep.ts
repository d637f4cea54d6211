/** Keep and share a model: save it in this browser (IndexedDB) and restore it later, or export and import a file. */
import { fill, type VaeLabStrings } from '../../../i18n/widgets/vae-lab';
import type { LabContext } from './context';
import { SAVED_MODEL_KEY } from './lab-constants';
import { ModelStoreError, loadModel, saveModel, type SavedModel } from './model-store';
import { modelFromFile, modelToFile } from './model-file';

/** The reader-facing sentence for a store or file problem. */
export function storeMessage(s: VaeLabStrings, error: unknown, source: 'file' | 'store' = 'store'): string {
  if (!(error instanceof ModelStoreError))
    return fill(s.workerFailed, { message: error instanceof Error ? error.message : String(error) });
  switch (error.code) {
    case 'unavailable':
      return s.storeUnavailable;
    case 'quota':
      return s.storeQuota;
    case 'foreign':
      return s.fileForeign;
    case 'incompatible':
      return fill(s.fileIncompatible, { detail: error.message });
    default:
      return source === 'file' ? s.fileCorrupt : s.storeCorrupt;
  }
}

/** Wires the panel's buttons; `load(saved)` starts the lab on a restored or imported model. */
export function createKeepPanel(ctx: LabContext, load: (saved: SavedModel) => void): void {
  const { s } = ctx;
  const message = ctx.part('keep-message');
  const restoreButton = ctx.part<HTMLButtonElement>('restore');
  const restoreNote = ctx.part('restore-note');
  const say = (text: string) => {
    message.textContent = text;
    ctx.announce(text);
  };

  /** The current weights as a saved model, from the worker. */
  const snapshot = async (): Promise<SavedModel | null> => {
    const answer = await ctx.worker.ask({ type: 'saveCheckpoint' }, ['checkpoint']);
    if (answer.type !== 'checkpoint') {
      say(fill(s.workerFailed, { message: answer.message }));
      return null;
    }
    return { checkpoint: answer.bytes, settings: ctx.settings, step: answer.step, savedAt: Date.now() };
  };

  const offerRestore = (saved: SavedModel | null) => {
    restoreButton.hidden = saved === null;
    restoreNote.hidden = saved === null;
    if (saved)
      restoreNote.textContent = fill(s.restoreAvailable, {
        date: new Date(saved.savedAt).toLocaleString(ctx.lang === 'zh' ? 'zh-CN' : 'en'),
        step: saved.step,
      });
  };
  loadModel(SAVED_MODEL_KEY).then(offerRestore, (error: unknown) => {
    // A damaged record is worth a word; a browser without storage is not, until the reader presses Save.
    if (error instanceof ModelStoreError && error.code === 'corrupt') say(s.storeCorrupt);
  });

  ctx.part('save').addEventListener('click', async () => {
    const saved = await snapshot();
    if (!saved) return;
    try {
      await saveModel(SAVED_MODEL_KEY, saved);
      say(fill(s.saved, { step: saved.step }));
      offerRestore(saved);
    } catch (error) {
      say(storeMessage(s, error));
    }
  });
  restoreButton.addEventListener('click', async () => {
    try {
      const saved = await loadModel(SAVED_MODEL_KEY);
      if (!saved) return offerRestore(null);
      load(saved);
      say(fill(s.restored, { step: saved.step }));
    } catch (error) {
      say(storeMessage(s, error));
    }
  });
  ctx.part('export').addEventListener('click', async () => {
    const saved = await snapshot();
    if (!saved) return;
    const { blob, filename } = modelToFile(saved);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    say(fill(s.exported, { filename }));
  });
  const input = ctx.part<HTMLInputElement>('import');
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    try {
      const saved = modelFromFile(new Uint8Array(await file.arrayBuffer()));
      load(saved);
      say(fill(s.imported, { step: saved.step }));
    } catch (error) {
      say(storeMessage(s, error, 'file'));
    }
  });
}
