// Every pack section (one YAML file) has an owner module that knows its schema. The pack
// check and the analysers both go through `readSection`, so a pack that passes the check is
// exactly a pack the analysers can read.
import { Ajv, type ErrorObject } from 'ajv';
import type { Pack } from './loader.js';
import { PackError } from './loader.js';
import { validateOnce } from './section-cache.js';

export interface SectionSpec {
  /** file name without .yaml */
  file: string;
  /** JSON Schema of the parsed YAML */
  schema: object;
  /** whether every pack must have this file */
  required: boolean;
  /** checks a schema cannot express (cross-references, duplicate aliases); returns problems */
  check?: (pack: Pack) => string[];
}

const AJV_OPTIONS = { allErrors: true, strict: false };
const ajv = new Ajv(AJV_OPTIONS);
const registry = new Map<string, SectionSpec>();
const validators = new Map<string, ReturnType<Ajv['compile']>>();

export function registerSection(spec: SectionSpec): SectionSpec {
  registry.set(spec.file, spec);
  return spec;
}

export function registeredSections(): SectionSpec[] {
  return [...registry.values()];
}

function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
}

/** Validate and return a section; throws PackError naming the file and the problem. */
export function readSection<T>(pack: Pack, spec: SectionSpec): T | undefined {
  return pack.memo(`section:${spec.file}`, () => {
    const value = pack.section(spec.file);
    if (value === undefined) {
      if (spec.required) throw new PackError(`pack ${pack.name}: missing ${spec.file}.yaml`);
      return undefined;
    }
    const check = (): void => {
      let validate = validators.get(spec.file);
      if (!validate) {
        validate = ajv.compile(spec.schema);
        validators.set(spec.file, validate);
      }
      if (!validate(value)) {
        throw new PackError(`pack ${pack.name}: ${spec.file}.yaml does not match its schema: ${formatErrors(validate.errors)}`);
      }
    };
    // compiling the schemas costs each worker thread ~60 ms: content that passed this very schema
    // before is not checked again (section-cache.ts)
    const source = pack.sourceHash?.(spec.file);
    if (source) validateOnce(pack.name, spec.file, source, JSON.stringify({ options: AJV_OPTIONS, schema: spec.schema }), check);
    else check();
    return value as T;
  });
}
