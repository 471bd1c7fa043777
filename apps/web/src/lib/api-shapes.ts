/**
 * Request and response shapes of the API, read from the generated OpenAPI types (api-types.ts) by path
 * and method, so a page's types are the server's: when a route's schema changes and the types are
 * regenerated (npm run generate:api-types), every use that no longer fits fails `tsc -p apps/web` and
 * the web build. A path is written as the OpenAPI document spells it, e.g. '/api/kb/{id}'.
 */
import type { paths } from './api-types';

export type ApiPath = keyof paths;
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type OperationOf<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<T> = T extends { content: { 'application/json': infer J } } ? J : never;
type SuccessOf<R> = 200 extends keyof R
  ? R[200]
  : 201 extends keyof R
    ? R[201]
    : 202 extends keyof R
      ? R[202]
      : never;

/** The JSON body of the success answer (200, else 201, else 202 accepted) of `method` on `path`. */
export type ApiResponse<P extends ApiPath, M extends Method = 'get'> =
  OperationOf<P, M> extends { responses: infer R } ? JsonOf<SuccessOf<R>> : never;

/** The JSON request body of `method` on `path`. */
export type ApiBody<P extends ApiPath, M extends Method = 'post'> =
  OperationOf<P, M> extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;

/** The query parameters of `method` on `path`. */
export type ApiQuery<P extends ApiPath, M extends Method = 'get'> =
  OperationOf<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One element of an array type (the row of a list answer). */
export type ItemOf<T> = T extends readonly (infer I)[] ? I : never;
