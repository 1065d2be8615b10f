// Same-origin JSON fetches of the workbench API. The token cookie (set by ?token=) rides along.
export class ApiError extends Error {
  constructor(readonly status: number, message: string) { super(message); }
}

export type Params = Record<string, string | number | undefined | null>;

export function qs(params: Params): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export async function get<T>(path: string, params: Params = {}): Promise<T> {
  const res = await fetch(`/api/${path}${qs(params)}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  if (!res.ok) throw new ApiError(res.status, body.message ?? `${res.status} ${res.statusText}`);
  return body as T;
}
