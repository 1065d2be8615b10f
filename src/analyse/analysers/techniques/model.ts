// Loads the committed statistical technique model (models/techniques.json, reproduced by
// scripts/train-techniques.ts) once per process; absent model means rules only.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../../ml/model-io.js';
import type { TechniqueModel } from '../../../ml/technique-model.js';

const MODEL_PATH = resolve(fileURLToPath(import.meta.url), '..', '..', '..', '..', '..', 'models', 'techniques.json');
let cached: TechniqueModel | null | undefined;

/** Make the analyser use another model file for the rest of the process (eval --model). */
export function useTechniqueModel(path: string): TechniqueModel | null {
  cached = existsSync(path) ? loadModel(path) : null;
  return cached;
}

export function techniqueModel(path = MODEL_PATH): TechniqueModel | null {
  if (cached === undefined || path !== MODEL_PATH) {
    const m = existsSync(path) ? loadModel(path) : null;
    if (path !== MODEL_PATH) return m;
    cached = m;
  }
  return cached;
}
