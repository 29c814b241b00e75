/** A path on this site to return to after signing in; anything else (other sites, `//x`) becomes `/`. */
export function safeReturnTo(value: unknown): string {
  return typeof value === 'string' &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.startsWith('/\\') &&
    !value.startsWith('/sign-in')
    ? value
    : '/';
}
