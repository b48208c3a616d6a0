/**
 * An object of fixed members plus members read through getters, so a controller always sees its
 * element's current state (not a copy) without that state becoming the element's public API.
 * @internal
 */
export function live<F extends object, G extends object>(fixed: F, getters: { readonly [K in keyof G]: () => G[K] }): F & G {
  const props: PropertyDescriptorMap = {};
  for (const key of Object.keys(getters) as (keyof G & string)[]) props[key] = { get: getters[key], enumerable: true };
  return Object.defineProperties(fixed, props) as F & G;
}
