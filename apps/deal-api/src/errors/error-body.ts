/** The JSON body of every error response. `error` is a stable code clients can branch on. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}
