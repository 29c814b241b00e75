/** RFC 9457 problem details as the API sends them (see src/platform/http/problem.ts). */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: Array<{ pointer: string; detail: string; code?: string }>;
};

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Problem).code === 'string' &&
    typeof (value as Problem).status === 'number'
  );
}

/** A failed API call: the status and, when the API sent one, its problem details. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined, fallback: string) {
    super(problem?.detail ?? fallback);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  get code(): string | undefined {
    return this.problem?.code;
  }

  /**
   * The problems of one request part by field: `/body/timezone` → `timezone`,
   * `/body/capabilityRoles/host` → `capabilityRoles/host`; several per field are joined.
   */
  fieldErrors(part = 'body'): Map<string, string> {
    const out = new Map<string, string>();
    for (const e of this.problem?.errors ?? []) {
      const prefix = `/${part}/`;
      if (!e.pointer.startsWith(prefix)) continue;
      const field = e.pointer.slice(prefix.length);
      out.set(field, out.has(field) ? `${out.get(field)}; ${e.detail}` : e.detail);
    }
    return out;
  }
}

/** The browser could not reach the API at all (server down, network gone). */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network', { cause });
    this.name = 'NetworkError';
  }
}
