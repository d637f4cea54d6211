/** The error a locked-down scope throws when code reaches for an API it may not use (fetch, localStorage, …). */

/** Thrown by the sandbox's stand-ins for APIs a cell may not use (fetch, localStorage, …). */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  constructor(
    readonly api: string,
    message: string,
  ) {
    super(message);
  }
}
