// Modules the playground build (bin/build-playground.mjs) makes at build time.

declare module 'virtual:worker' {
  /** The worker's bundled code, started from a Blob URL. */
  const source: string;
  export default source;
}

declare module 'virtual:rule-docs' {
  /** rules/<id>.md by rule id. */
  const docs: Readonly<Record<string, string>>;
  export default docs;
}

declare module 'virtual:example' {
  /** fixtures/wso2-sample/input.sql, the example script. */
  const sql: string;
  export default sql;
}
