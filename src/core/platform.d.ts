/**
 * The few globals that exist in every runtime wuye-kit supports (modern browsers, Node 20+,
 * workers). src/core and src/workflow are type-checked without the DOM lib and without Node's
 * types (tsconfig.core.json), so anything used from the host must be declared here, on purpose.
 */
declare function setTimeout(handler: () => void, timeout?: number): unknown;
declare function clearTimeout(id: unknown): void;
declare function queueMicrotask(callback: () => void): void;
declare function structuredClone<T>(value: T): T;
