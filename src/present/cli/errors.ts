// Errors the CLI reports without a stack trace: the message says what went wrong and what to do.
export class UsageError extends Error {}
export class InputError extends Error {}

export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;
