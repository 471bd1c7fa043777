/**
 * The `data-ready` attribute a page or card declares for browser tests (e2e `settled(page)` and the
 * tests' own waits): "true" once every query it shows has settled — loaded or failed — and none is
 * fetching again. A failed query counts as settled: the page then shows its error, and a test reading
 * the page fails on what it sees instead of waiting out a timeout. A disabled query (waiting for the
 * user's input) does not hold the page back.
 */
export function readyAttr(...queries: ReadonlyArray<{ readonly isFetching: boolean }>): 'true' | 'false' {
  return queries.some((q) => q.isFetching) ? 'false' : 'true';
}
