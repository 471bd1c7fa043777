/**
 * Types of the API's requests and answers by route, read from the generated `paths`
 * (lib/api-types.ts, from the server's OpenAPI document): the web declares no shape the server
 * already describes, so a changed route schema, once regenerated, fails `tsc -p apps/web` wherever
 * the web relies on the old shape.
 *
 *   type Detail = ResponseOf<'/api/matters/{id}'>;             // GET, 200
 *   type Created = ResponseOf<'/api/admin/users', 'post'>;     // POST, 200, 201 or 202
 *   type NewUser = BodyOf<'/api/admin/users', 'post'>;
 *   type Filters = QueryOf<'/api/admin/audit'>;
 */
import type { paths } from './api-types';

export type ApiMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type ApiPath = keyof paths;

/** The methods a path answers (those the generated type does not mark `never`). */
export type MethodOf<P extends ApiPath> = {
  [M in ApiMethod]: [NonNullable<paths[P][M]>] extends [never] ? never : M;
}[ApiMethod];

type Operation<P extends ApiPath, M extends MethodOf<P>> = NonNullable<paths[P][M]>;
type JsonOf<C> = C extends { content: { 'application/json': infer J } } ? J : never;
type Responses<P extends ApiPath, M extends MethodOf<P>> =
  Operation<P, M> extends { responses: infer R } ? R : never;

/** The JSON body of a successful answer (200, 201, or 202 for a submission accepted for later handling). */
export type ResponseOf<P extends ApiPath, M extends MethodOf<P> = 'get' & MethodOf<P>> = JsonOf<
  | Responses<P, M>[200 & keyof Responses<P, M>]
  | Responses<P, M>[201 & keyof Responses<P, M>]
  | Responses<P, M>[202 & keyof Responses<P, M>]
>;

/** The JSON request body a route accepts. */
export type BodyOf<P extends ApiPath, M extends MethodOf<P>> =
  Operation<P, M> extends {
    requestBody?: infer B;
  }
    ? JsonOf<NonNullable<B>>
    : never;

/** The query parameters a route accepts. */
export type QueryOf<P extends ApiPath, M extends MethodOf<P> = 'get' & MethodOf<P>> = NonNullable<
  Operation<P, M>['parameters']['query']
>;

/** One element of a list answer `{ items: T[] }`. */
export type ItemOf<T extends { items: readonly unknown[] }> = T['items'][number];
