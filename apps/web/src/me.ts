/** The signed-in user, from GET /users/me. */
export interface Me {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly string[];
  readonly tokenRoles: readonly string[];
}
