/** The one declaration of people in wuye-kit: who acts, and a person as a record names them. */

/** Who acts (the host's signed-in user): `actor` on elements and providers, the workflow's actor. */
export interface Actor {
  readonly id: string;
  readonly name: string;
  readonly roles: readonly string[];
}

/** A person as a record names them (first receiver, handler): no roles. */
export interface Person {
  readonly id: string;
  readonly name: string;
}
